import { createHash } from 'node:crypto';
import type { Split } from '../contract/common.js';
import type { Project } from '../store/project.js';
import type { StoredUtterance } from '../store/utterance-repo.js';
import {
  selectUtterances,
  type UtteranceSelector,
  type WorkItemFilter,
} from './dataset-selection.js';

export interface DatasetRow {
  utt: StoredUtterance;
  clip: { sha256: string; ext: string } | null;
  /** Unique per utterance and safe as a file name and a Kaldi id. */
  name: string;
  /** The TTS system or voice that spoke it: the utterance's, else its audio's, else "unknown". */
  system: string;
}

const UNSAFE = /[^A-Za-z0-9_.-]/g;

/** The ext id itself when it is already safe; otherwise a cleaned form with a hash that keeps it unique. */
export function safeName(extId: string): string {
  const clean = extId.replace(UNSAFE, '_').replace(/^\.+/, (d) => '_'.repeat(d.length));
  if (clean === extId && clean.length > 0 && clean.length <= 120) return clean;
  const hash = createHash('sha256').update(extId).digest('hex').slice(0, 10);
  return `${clean.slice(0, 100)}-${hash}`;
}

/** The project's utterances an export takes, in project order. */
export function datasetRows(
  project: Project,
  opts: { split?: Split; filter: WorkItemFilter; selector?: UtteranceSelector },
): DatasetRow[] {
  const chosen = (opts.selector ?? selectUtterances)(project.db, opts.filter);
  const rows: DatasetRow[] = [];
  for (const utt of project.utterances.iterate()) {
    if (opts.split !== undefined && utt.split !== opts.split) continue;
    if (chosen !== null && !chosen.has(utt.id)) continue;
    const audio = utt.audioId === null ? null : project.audio.get(utt.audioId);
    rows.push({
      utt,
      clip: audio ? { sha256: audio.sha256, ext: audio.ext } : null,
      name: safeName(utt.extId),
      system: utt.system ?? audio?.system ?? 'unknown',
    });
  }
  return rows;
}

/** Byte order of UTF-8, which is what `LC_ALL=C sort` gives and Kaldi checks. */
export function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
