/**
 * Truncation checks for compressed files. The WASM decoders stop quietly at
 * the end of whatever bytes they get, so a half-copied FLAC or Ogg file would
 * otherwise import as a shorter recording. Each check uses what the format
 * itself records about its length; it returns why the file looks cut short,
 * or undefined when it looks whole (or the format records nothing to check).
 */

function u32be(b: Uint8Array, at: number): number {
  return ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;
}

/** FLAC: STREAMINFO's total sample count (0 means the encoder did not know it). */
export function flacTruncation(bytes: Uint8Array, decodedFrames: number): string | undefined {
  // 'fLaC', a 4-byte block header, then STREAMINFO; the 36-bit total starts at body byte 13.
  if (bytes.length < 8 + 18 || (bytes[4] & 0x7f) !== 0) return undefined;
  const body = 8;
  const total = (bytes[body + 13] & 0x0f) * 2 ** 32 + u32be(bytes, body + 14);
  if (total > 0 && decodedFrames < total) {
    return `truncated: ${decodedFrames} of the ${total} samples its header declares are present`;
  }
  return undefined;
}

/**
 * MP3: the Xing/Info tag that LAME and most encoders write into the first
 * frame records the stream's length in bytes. Files without one (some CBR
 * encoders) cannot be checked.
 */
export function mp3Truncation(bytes: Uint8Array, frameOffset: number): string | undefined {
  const limit = Math.min(bytes.length - 16, frameOffset + 64);
  for (let at = frameOffset + 4; at <= limit; at++) {
    const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    if (tag !== 'Xing' && tag !== 'Info') continue;
    const flags = u32be(bytes, at + 4);
    if (!(flags & 2)) return undefined;
    const declared = u32be(bytes, at + 8 + (flags & 1 ? 4 : 0));
    const present = bytes.length - frameOffset;
    if (declared > 0 && present < declared) {
      return `truncated: ${present} of the ${declared} bytes its header declares are present`;
    }
    return undefined;
  }
  return undefined;
}

/**
 * Ogg: pages must be whole, and the last one must carry the end-of-stream
 * flag; a file cut anywhere fails one or the other.
 */
export function oggTruncation(bytes: Uint8Array): string | undefined {
  let at = 0;
  let lastFlags = -1;
  while (at + 27 <= bytes.length) {
    if (
      bytes[at] !== 0x4f ||
      bytes[at + 1] !== 0x67 ||
      bytes[at + 2] !== 0x67 ||
      bytes[at + 3] !== 0x53
    ) {
      return `damaged Ogg page at byte ${at}`;
    }
    const segments = bytes[at + 26];
    if (at + 27 + segments > bytes.length) break;
    let size = 0;
    for (let k = 0; k < segments; k++) size += bytes[at + 27 + k];
    const end = at + 27 + segments + size;
    if (end > bytes.length) break;
    lastFlags = bytes[at + 5];
    at = end;
  }
  if (at < bytes.length) return 'truncated: the last Ogg page is incomplete';
  if (lastFlags < 0 || !(lastFlags & 0x04))
    return 'truncated: the Ogg stream has no end-of-stream page';
  return undefined;
}
