/**
 * A manifest for a model folder that came without one (a Piper voice or a
 * Hugging Face export copied as its publisher ships it): the family is told
 * from the files, each file gets its role, checksums are added on import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { UserError } from '../contract/errors.js';
import { familySpec } from './families.js';
import { MANIFEST_FILE, parseManifest } from './manifest.js';
import type { ModelManifest } from './manifest.js';

export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of await readdir(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) await walk(p);
      else if (d.isFile()) out.push(relative(root, p).split('\\').join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

function modelType(root: string): string | undefined {
  const p = join(root, 'config.json');
  if (!existsSync(p)) return undefined;
  try {
    return (JSON.parse(readFileSync(p, 'utf8')) as { model_type?: string }).model_type;
  } catch {
    return undefined;
  }
}

export function guessFamily(root: string, files: string[]): string | undefined {
  const has = (re: RegExp): boolean => files.some((f) => re.test(f));
  if (has(/\.onnx\.json$/) && has(/\.onnx$/)) return 'piper';
  // The config's model type first: seq2seq MT exports share Whisper's onnx/encoder_model layout.
  const type = modelType(root);
  if (type === 'IndicTrans') return 'indictrans2';
  if (type === 'marian') return 'marian';
  if (type === 'm2m_100') return 'm2m100';
  if (type === 'whisper') return 'whisper';
  if (has(/^onnx\/encoder_model[^/]*\.onnx$/)) return 'whisper';
  if (type === 'vits') return 'mms-tts';
  if (type === 'wav2vec2' || type === 'wav2vec2-bert' || type === 'hubert') return 'wav2vec2-ctc';
  if (has(/\.onnx$/) && has(/^(vocab|tokens)\.txt$/)) return 'nemo-ctc';
  return undefined;
}

export interface InferOptions {
  id?: string;
  family?: string;
  languages?: string[];
}

export async function inferManifest(root: string, opts: InferOptions = {}): Promise<ModelManifest> {
  const files = (await listFiles(root)).filter((f) => f !== MANIFEST_FILE);
  const family = opts.family ?? guessFamily(root, files);
  if (!family) {
    throw new UserError(
      'bad_input',
      `${root} has no ${MANIFEST_FILE} and its files do not say which model family it is`,
      'pass --family (piper, mms-tts, wav2vec2-ctc, nemo-ctc, whisper, marian, m2m100, indictrans2, silero-vad)',
    );
  }
  const spec = familySpec(family);
  if (!spec) throw new UserError('bad_input', `unknown model family "${family}"`);
  const taken = new Set<string>();
  const roleOf = new Map<string, string>();
  for (const r of spec.roles) {
    const f = files.find((x) => !taken.has(x) && r.match.test(x));
    if (f) {
      taken.add(f);
      roleOf.set(f, r.role);
    }
  }
  let languages = opts.languages ?? [];
  if (family === 'piper' && languages.length === 0) {
    const cfg = files.find((f) => f.endsWith('.onnx.json'));
    try {
      const c = JSON.parse(readFileSync(join(root, cfg ?? ''), 'utf8')) as {
        language?: { code?: string };
        espeak?: { voice?: string };
      };
      const code = c.language?.code?.split(/[_-]/)[0] ?? c.espeak?.voice;
      if (code) languages = [code];
    } catch {
      // No language then: the registry still lists the model.
    }
  }
  const id = (opts.id ?? basename(root)).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return parseManifest(
    {
      id: id || 'model',
      task: spec.task,
      family,
      languages,
      source: `imported from ${root}`,
      files: files.map((path) => {
        const role = roleOf.get(path);
        return role ? { path, role } : { path };
      }),
    },
    root,
  );
}
