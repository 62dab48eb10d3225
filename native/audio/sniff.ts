import { isWav } from './wav-header.js';

/** What the first bytes of a file say it is. */
export type SniffedFormat =
  | { kind: 'wav' }
  | { kind: 'flac'; offset: number }
  | { kind: 'mp3'; offset: number }
  | { kind: 'ogg-vorbis' }
  | { kind: 'unsupported'; what: string }
  | { kind: 'unknown' };

function ascii(bytes: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > bytes.length) return false;
  for (let k = 0; k < s.length; k++) if (bytes[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function indexOfAscii(bytes: Uint8Array, s: string, from: number, to: number): number {
  const end = Math.min(to, bytes.length - s.length);
  for (let i = from; i <= end; i++) if (ascii(bytes, i, s)) return i;
  return -1;
}

/** Length of a leading ID3v2 tag (header, body and optional footer), or 0. */
function id3Length(bytes: Uint8Array, at: number): number {
  if (!ascii(bytes, at, 'ID3') || at + 10 > bytes.length) return 0;
  // The size is a 28-bit "syncsafe" integer: 7 bits per byte.
  const size =
    ((bytes[at + 6] & 0x7f) << 21) |
    ((bytes[at + 7] & 0x7f) << 14) |
    ((bytes[at + 8] & 0x7f) << 7) |
    (bytes[at + 9] & 0x7f);
  const footer = bytes[at + 5] & 0x10 ? 10 : 0;
  return 10 + size + footer;
}

/** An MPEG audio frame header (layer I/II/III) with legal rate and bitrate fields. */
function isMpegFrame(bytes: Uint8Array, at: number): boolean {
  if (at + 4 > bytes.length) return false;
  const b1 = bytes[at + 1];
  const b2 = bytes[at + 2];
  return (
    bytes[at] === 0xff &&
    (b1 & 0xe0) === 0xe0 &&
    (b1 & 0x18) !== 0x08 && // reserved version
    (b1 & 0x06) !== 0 && // layer 00 is reserved (ADTS AAC uses it)
    (b2 & 0xf0) !== 0xf0 && // bad bitrate index
    (b2 & 0x0c) !== 0x0c // reserved sample rate
  );
}

function isAdts(bytes: Uint8Array, at: number): boolean {
  return at + 2 <= bytes.length && bytes[at] === 0xff && (bytes[at + 1] & 0xf6) === 0xf0;
}

/** Identifies an audio file by its magic bytes; never trusts the file name. */
export function sniffAudio(bytes: Uint8Array): SniffedFormat {
  if (isWav(bytes)) return { kind: 'wav' };
  if (ascii(bytes, 0, 'RIFX')) return { kind: 'wav' }; // the WAV parser explains RIFX
  if (ascii(bytes, 0, 'OggS')) {
    // The first page carries the codec's identification header.
    const head = Math.min(bytes.length, 512);
    if (indexOfAscii(bytes, '\x01vorbis', 26, head) >= 0) return { kind: 'ogg-vorbis' };
    if (indexOfAscii(bytes, 'OpusHead', 26, head) >= 0)
      return { kind: 'unsupported', what: 'Ogg Opus' };
    if (indexOfAscii(bytes, '\x7fFLAC', 26, head) >= 0)
      return { kind: 'unsupported', what: 'Ogg FLAC' };
    if (indexOfAscii(bytes, 'Speex', 26, head) >= 0)
      return { kind: 'unsupported', what: 'Ogg Speex' };
    return { kind: 'unsupported', what: 'an Ogg stream with a codec other than Vorbis' };
  }
  // ID3v2 tags may precede MP3 frames (and, rarely, FLAC).
  let at = 0;
  for (let tag = id3Length(bytes, at); tag > 0 && at < bytes.length; tag = id3Length(bytes, at)) {
    at += tag;
  }
  if (ascii(bytes, at, 'fLaC')) return { kind: 'flac', offset: at };
  if (isMpegFrame(bytes, at)) return { kind: 'mp3', offset: at };
  if (at > 0) {
    // Some taggers leave padding after the tag: look a little further for a frame.
    const limit = Math.min(bytes.length - 4, at + 4096);
    for (let i = at; i < limit; i++) {
      if (isMpegFrame(bytes, i) && (bytes[i - 1] === 0 || i === at))
        return { kind: 'mp3', offset: i };
    }
    return { kind: 'unsupported', what: 'a file with an ID3 tag but no MP3 audio after it' };
  }
  if (isAdts(bytes, 0)) return { kind: 'unsupported', what: 'AAC (ADTS)' };
  if (ascii(bytes, 4, 'ftyp')) return { kind: 'unsupported', what: 'MP4/M4A' };
  if (ascii(bytes, 0, 'FORM') && (ascii(bytes, 8, 'AIFF') || ascii(bytes, 8, 'AIFC'))) {
    return { kind: 'unsupported', what: 'AIFF' };
  }
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x1a &&
    bytes[1] === 0x45 &&
    bytes[2] === 0xdf &&
    bytes[3] === 0xa3
  ) {
    return { kind: 'unsupported', what: 'WebM/Matroska' };
  }
  if (ascii(bytes, 0, '#!AMR')) return { kind: 'unsupported', what: 'AMR' };
  if (ascii(bytes, 0, '.snd')) return { kind: 'unsupported', what: 'Sun/NeXT AU' };
  return { kind: 'unknown' };
}
