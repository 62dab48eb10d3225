import type { PeaksPath, PeaksRoute, WirePeaks } from '../../native/contract/media.js';
import { engineErrorFrom } from './engine-error.js';

// The layout `WirePeaks` (native/contract/media.ts) describes and native/audio/peaks.ts
// writes; a unit test round-trips the two.
const MAGIC = 0x57504843; // 'CHPW' read little-endian
const VERSION = 1;
const HEADER_BYTES = 32;

/** The peaks media route's path, relative to whichever face serves the page. */
export function peaksPath(r: PeaksRoute): PeaksPath {
  return `/media/peaks/${Math.trunc(r.audioId)}?px=${Math.max(1, Math.trunc(r.pixels))}`;
}

/** Reads the peaks route's binary answer; anything else is an EngineError naming why. */
export function decodeWirePeaks(body: ArrayBuffer | Uint8Array, name = 'peaks'): WirePeaks {
  const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
  const bad = (why: string) => engineErrorFrom('internal', `${name}: ${why}`);
  if (bytes.length < HEADER_BYTES) throw bad('too short to be a peaks answer');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== MAGIC) throw bad('not a Charkha peaks answer');
  const version = dv.getUint16(4, true);
  if (version !== VERSION) throw bad(`unsupported peaks answer version ${version}`);
  const length = dv.getUint32(16, true);
  if (bytes.length !== HEADER_BYTES + 2 * length)
    throw bad(`expected ${length} pixels, found ${bytes.length - HEADER_BYTES} bytes of data`);
  return {
    sampleRate: dv.getUint32(8, true),
    samplesPerPixel: dv.getUint32(12, true),
    length,
    peak: dv.getFloat32(20, true),
    durationSec: dv.getFloat64(24, true),
    data: new Int8Array(bytes.buffer, bytes.byteOffset + HEADER_BYTES, 2 * length),
  };
}
