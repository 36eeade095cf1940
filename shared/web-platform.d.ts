/**
 * The few Web platform globals that Node and browsers both have, declared for shared/ alone: it compiles without
 * the DOM and Node libraries, so that nothing else of either can creep in. The Node and renderer builds get the
 * full declarations from their own libraries and leave this file out.
 */
interface Crypto {
  randomUUID(): `${string}-${string}-${string}-${string}-${string}`;
}
declare const crypto: Crypto;

declare function structuredClone<T>(value: T): T;

interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
interface TextDecoder {
  decode(input?: ArrayBufferView | ArrayBuffer, options?: TextDecodeOptions): string;
}
declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
