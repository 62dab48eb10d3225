import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../contract/errors.js';
import { makeRng } from './generate-rng.js';

/**
 * The hand-tagged sample of the EDSA corpus: 100 rows per language drawn
 * with a fixed seed from `text/<lang>_*.jsonl`, in file and line order
 * before the draw, so the same rows come out on every machine.
 */

export const SAMPLE_SEED = 20261125;
export const SAMPLE_SIZE = 100;

export interface SampleRow {
  id: string;
  lang: string;
  text: string;
}

export function edsaSample(dataDir: string, lang: string, size = SAMPLE_SIZE): SampleRow[] {
  const dir = join(dataDir, 'text');
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => f.startsWith(`${lang}_`) && f.endsWith('.jsonl'))
      .sort();
  } catch {
    throw new UserError('not_found', `${dir}: no such folder (give --data <stt-flywheel folder>)`);
  }
  if (files.length === 0) throw new UserError('not_found', `${dir}: no ${lang}_*.jsonl files`);
  const all: SampleRow[] = [];
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const r = JSON.parse(line) as { id: string; text: string };
      all.push({ id: r.id, lang, text: r.text });
    }
  }
  // Partial Fisher–Yates with the generator's seeded stream.
  const rng = makeRng(SAMPLE_SEED);
  const n = Math.min(size, all.length);
  for (let i = 0; i < n; i++) {
    const j = rng.int(i, all.length - 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, n).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
