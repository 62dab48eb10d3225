import { UserError } from '../contract/errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16';

/**
 * Text files from Praat and ELAN come as UTF-8 (with or without a BOM) or as
 * UTF-16 with a BOM in either byte order; anything else that is not valid
 * UTF-8 is refused rather than guessed at.
 */
export function decodeText(bytes: Uint8Array, where: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return strictDecode('utf-16le', bytes.subarray(2), where);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return strictDecode('utf-16be', bytes.subarray(2), where);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return strictDecode('utf-8', bytes.subarray(3), where);
  return strictDecode('utf-8', bytes, where);
}

function strictDecode(label: string, bytes: Uint8Array, where: string): string {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(
      'bad_input',
      `${where}: not valid ${label.toUpperCase()} text`,
      'save it as UTF-8, or as UTF-16 with a byte-order mark',
    );
  }
}

/** UTF-8 without a BOM, or UTF-16 big-endian with a BOM as Praat itself writes it. */
export function encodeText(text: string, encoding: TextEncodingName): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return le.swap16();
}
