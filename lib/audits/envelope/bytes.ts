// WebCrypto takes only bytes backed by a plain ArrayBuffer (TypeScript's `BufferSource`); bytes from elsewhere may
// sit on a SharedArrayBuffer. No React here.

/** `bytes` as WebCrypto accepts them: the same view when its buffer is a plain ArrayBuffer, else a copy. */
export function cryptoBytes(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.buffer instanceof ArrayBuffer) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Uint8Array(bytes);
}
