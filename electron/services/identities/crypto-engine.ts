import { webcrypto } from 'node:crypto';
import { CryptoEngine, setEngine } from 'pkijs';

/**
 * pkijs on Node's WebCrypto. Every pkijs call in the app passes this engine explicitly; it is also made the global
 * engine, for the few pkijs paths that look it up themselves.
 */
export const cryptoEngine = new CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto });
setEngine('node-webcrypto', cryptoEngine);
