import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../shared/errors';

export interface Pkcs12Contents {
  /** The certificate of the private key. */
  certificate: Uint8Array;
  /** The other certificates in the file (the issuing CA's chain), nearest first. */
  chain: Uint8Array[];
  /** PKCS #8 DER. */
  privateKey: Uint8Array;
}

/**
 * Opens a PKCS #12 (.p12 / .pfx) file from an organisation's CA with node-forge: checks its MAC with the
 * passphrase, decrypts the key and certificate bags, and pairs the private key with its certificate. RSA and EC
 * keys are taken (forge parses RSA itself; an EC key or certificate is passed on as its ASN.1).
 */
export function readPkcs12(bytes: Uint8Array, passphrase: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password|MAC could not be verified|Invalid PKCS#12|decrypt/i.test(message)) {
      throw new AppError(
        'E_INVALID_INPUT',
        'The passphrase is not right for this PKCS #12 file. Nothing was imported; type it again (it is case-sensitive).',
      );
    }
    throw new AppError('E_INVALID_INPUT', 'That file is not a PKCS #12 (.p12 or .pfx) file this app can read.');
  }
  const keys = [
    ...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ].map(keyDer);
  const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map(
    certificateDer,
  );
  if (keys.length === 0)
    throw new AppError(
      'E_INVALID_INPUT',
      'This PKCS #12 file holds no private key, so it cannot sign. Ask for the file with your key.',
    );
  if (keys.length > 1)
    throw new AppError(
      'E_INVALID_INPUT',
      'This PKCS #12 file holds more than one private key; import a file with just yours.',
    );
  const privateKey = keys[0]!;
  const publicKey = createPublicKey(
    createPrivateKey({ key: Buffer.from(privateKey), format: 'der', type: 'pkcs8' }),
  ).export({ format: 'der', type: 'spki' });
  const own = certificates.find((der) =>
    new X509Certificate(der).publicKey.export({ format: 'der', type: 'spki' }).equals(publicKey),
  );
  if (!own) throw new AppError('E_INVALID_INPUT', 'This PKCS #12 file has no certificate for its private key.');
  return {
    certificate: own,
    chain: orderChain(
      own,
      certificates.filter((der) => der !== own),
    ),
    privateKey,
  };
}

function keyDer(bag: forge.pkcs12.Bag): Uint8Array {
  const asn1 = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
  if (!asn1) throw new AppError('E_INVALID_INPUT', 'A key in this PKCS #12 file could not be read.');
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

function certificateDer(bag: forge.pkcs12.Bag): Uint8Array {
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  if (!asn1) throw new AppError('E_INVALID_INPUT', 'A certificate in this PKCS #12 file could not be read.');
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}

/** The issuers of `leaf` in order, as far as the file has them; certificates outside that chain are left out. */
function orderChain(leaf: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const chain: Uint8Array[] = [];
  let current = new X509Certificate(leaf);
  const pool = others.map((der) => ({ der, x509: new X509Certificate(der) }));
  for (;;) {
    const issuer = pool.find(
      (c) => !chain.includes(c.der) && current.checkIssued(c.x509) && current.verify(c.x509.publicKey),
    );
    if (!issuer || issuer.x509.fingerprint256 === current.fingerprint256) return chain;
    chain.push(issuer.der);
    current = issuer.x509;
  }
}
