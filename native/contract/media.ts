import { UserError } from './errors.js';

/**
 * The media routes: binary answers that both faces serve under /media/ (the
 * HTTP server with the access token, the Electron app:// protocol from the
 * open project) and the renderer fetches. Both faces parse a request with
 * `matchMediaRoute`; the renderer (which takes only types from here) builds
 * its paths as the `PeaksPath` type says, and a unit test holds the two
 * together.
 */

/** Waveform peaks of one recording, as `encodeWirePeaks` (native/audio/peaks.ts) writes them. */
export interface PeaksRoute {
  audioId: number;
  /**
   * The width to fill, in device pixels: the answer has at least this many
   * min/max pairs (fewer than twice as many), or the finest level the engine
   * keeps where that has fewer.
   */
  pixels: number;
}

/** `/media/peaks/<audioId>?px=<pixels>`. */
export type PeaksPath = `/media/peaks/${number}?px=${number}`;

/**
 * The peaks route's answer (`application/octet-stream`), little-endian: a
 * 32-byte header (magic 'CHPW' u32, version u16 = 1, reserved u16,
 * sampleRate u32, samplesPerPixel u32, length u32, peak f32, durationSec
 * f64) and then `length` min/max pairs of Int8, where ±127 is ±peak.
 * native/audio/peaks.ts writes it; renderer/bridge/peaks-wire.ts reads it.
 */
export interface WirePeaks {
  sampleRate: number;
  samplesPerPixel: number;
  /** Number of pixels (min/max pairs); data.length is 2·length. */
  length: number;
  durationSec: number;
  /** The largest |value| of the level, as a fraction of full scale; data's ±127 is ±peak. */
  peak: number;
  /** Interleaved min, max per pixel. */
  data: Int8Array;
}

export type MediaRoute =
  | { kind: 'audio'; audioId: number; variant: 'original' | '16k' }
  | ({ kind: 'peaks' } & PeaksRoute);

export const PEAKS_CONTENT_TYPE = 'application/octet-stream';
/** Wider than any screen: a level this fine is the engine's finest for files under ~9 hours. */
export const MAX_PEAKS_PIXELS = 1 << 24;

const AUDIO = /^\/media\/audio\/(\d{1,15})(\/16k\.wav)?$/;
const PEAKS = /^\/media\/peaks\/(\d{1,15})$/;

/**
 * Which media route a request names, or null when the path is none of them.
 * A peaks path with a missing or out-of-range `px` is a UserError (400).
 */
export function matchMediaRoute(url: URL): MediaRoute | null {
  const a = AUDIO.exec(url.pathname);
  if (a) return { kind: 'audio', audioId: Number(a[1]), variant: a[2] ? '16k' : 'original' };
  const p = PEAKS.exec(url.pathname);
  if (!p) return null;
  const px = url.searchParams.get('px') ?? '';
  const pixels = /^\d{1,9}$/.test(px) ? Number(px) : Number.NaN;
  if (!(pixels >= 1 && pixels <= MAX_PEAKS_PIXELS))
    throw new UserError(
      'bad_input',
      `peaks: px must be a whole number from 1 to ${MAX_PEAKS_PIXELS}, got "${px}"`,
    );
  return { kind: 'peaks', audioId: Number(p[1]), pixels };
}
