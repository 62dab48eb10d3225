import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { assetsDir } from '../text/assets.js';
import type { Db } from '../store/database.js';
import type { DatasetRow } from './dataset-rows.js';

export interface SourceLicence {
  /** What part of the dataset this source contributed. */
  role: 'software' | 'tts' | 'lexicon' | 'corpus';
  name: string;
  licence: string;
  source?: string;
}

const CHARKHA: SourceLicence = {
  role: 'software',
  name: 'Charkha',
  licence: 'GPL-3.0-or-later',
  source: 'generated, filtered and exported by Charkha',
};

const ESPEAK: SourceLicence = {
  role: 'tts',
  name: 'espeak-ng',
  licence: 'GPL-3.0-or-later',
  source: 'espeak-ng speech synthesiser (WASM build, @echogarden/espeak-ng-emscripten)',
};

/** Corpora Charkha knows by the `source` their rows carry. */
const KNOWN_CORPORA: Record<string, Omit<SourceLicence, 'role' | 'name'>> = {
  pushpak_native: {
    licence: 'CC0-1.0',
    source: 'native Telugu recordings of praxelhq/stt-flywheel',
  },
};

function lexiconFiles(langs: Set<string>): SourceLicence[] {
  const root = join(assetsDir(), 'lexicons');
  const out: SourceLicence[] = [];
  for (const folder of ['common', ...[...langs].sort()]) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.json')) continue;
      const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>;
      if (typeof j._licence !== 'string') continue;
      out.push({
        role: 'lexicon',
        name: `assets/lexicons/${relative(root, join(dir, f)).split('\\').join('/')}`,
        licence: j._licence,
        source: typeof j._source === 'string' ? j._source : undefined,
      });
    }
  }
  return out;
}

function modelLicence(db: Db, system: string): SourceLicence | null {
  // Systems are recorded as "<model id>" or "<model id>:<speaker>".
  const candidates = [system, system.split(':')[0]];
  for (const id of candidates) {
    const row = db
      .prepare<[string], { manifest_json: string }>(
        'SELECT manifest_json FROM models WHERE model_id = ?',
      )
      .get(id);
    if (!row) continue;
    const m = JSON.parse(row.manifest_json) as { licence?: string; source?: unknown };
    return {
      role: 'tts',
      name: system,
      licence: m.licence ?? 'not recorded in the model manifest',
      source: typeof m.source === 'string' ? m.source : `model ${id}`,
    };
  }
  return null;
}

/** Every source the exported rows came from, with its licence. */
export function datasetLicences(db: Db, rows: DatasetRow[]): SourceLicence[] {
  const out: SourceLicence[] = [CHARKHA];
  const systems = new Set<string>();
  const generatedLangs = new Set<string>();
  const corpora = new Set<string>();
  for (const r of rows) {
    if (r.clip) systems.add(r.system);
    const raw = r.utt.rawJson ? (JSON.parse(r.utt.rawJson) as Record<string, unknown>) : {};
    if ('template_id' in raw) generatedLangs.add(r.utt.lang);
    else if (r.utt.source !== null) corpora.add(r.utt.source);
  }
  let espeak = false;
  for (const s of [...systems].sort()) {
    if (/^espeak/i.test(s)) espeak = true;
    else if (s !== 'unknown') {
      out.push(
        modelLicence(db, s) ?? {
          role: 'tts',
          name: s,
          licence: 'not recorded: the project has no model of this name',
        },
      );
    }
  }
  if (espeak) out.splice(1, 0, ESPEAK);
  if (generatedLangs.size > 0) out.push(...lexiconFiles(generatedLangs));
  for (const c of [...corpora].sort()) {
    const known = KNOWN_CORPORA[c];
    out.push({
      role: 'corpus',
      name: c,
      licence: known?.licence ?? 'as imported: see the corpus this source names',
      ...(known?.source ? { source: known.source } : {}),
    });
  }
  return out;
}
