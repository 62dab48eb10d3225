import { existsSync, readFileSync } from 'node:fs';
import type { PeaksRoute } from '../contract/media.js';
import {
  decodePeaks,
  downsamplePeaks,
  encodeWirePeaks,
  levelFactor,
  type Peaks,
} from '../audio/peaks.js';
import { peaksCachePath } from '../service/audio-prepare.js';
import type { Project } from '../store/project.js';

/** Recordings whose finest level stays decoded, and encoded levels kept ready (a few kB to ~1 MB each). */
const KEEP_BASES = 2;
const KEEP_LEVELS = 12;

/** A tiny insertion-ordered LRU: the Player asks for the same few levels again and again. */
function remember<V>(map: Map<string, V>, key: string, value: V, keep: number): V {
  map.delete(key);
  map.set(key, value);
  while (map.size > keep) map.delete(map.keys().next().value as string);
  return value;
}

/**
 * The peaks media route over one project: the level of a recording's cached
 * peaks that fills the asked width, as the binary wire form. Shared by the
 * HTTP server and the Electron engine host. Levels are powers of two of the
 * cached finest one, so a handful serve every zoom and are kept encoded.
 */
export class PeaksLevels {
  private readonly bases = new Map<string, Peaks>();
  private readonly levels = new Map<string, Uint8Array>();

  constructor(private readonly project: Project) {}

  /** The body for `r`, or null when the recording or its cached peaks do not exist. */
  body(r: PeaksRoute): Uint8Array | null {
    const a = this.project.audio.get(r.audioId);
    if (!a) return null;
    let base = this.bases.get(a.sha256);
    if (!base) {
      const path = peaksCachePath(this.project.paths.cache, a.sha256);
      if (!existsSync(path)) return null;
      base = decodePeaks(readFileSync(path), path);
    }
    remember(this.bases, a.sha256, base, KEEP_BASES);
    const factor = levelFactor(base.length, r.pixels);
    const key = `${a.sha256}:${factor}`;
    const level =
      this.levels.get(key) ??
      encodeWirePeaks(factor > 1 ? downsamplePeaks(base, factor) : base, a.durationSec);
    return remember(this.levels, key, level, KEEP_LEVELS);
  }
}
