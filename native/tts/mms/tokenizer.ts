/**
 * MMS-TTS's character tokenizer, as transformers' `VitsTokenizer` does it:
 * normalise (vocab entries matched first, anything else lower-cased), drop
 * characters the vocab lacks (with a warning: the model was never trained on
 * them), then with `add_blank` put the id-0 token between and around every
 * character. Models whose config says `is_uroman` expect romanised input,
 * which needs the uroman tool (Perl); Charkha refuses them instead of feeding
 * them native script they would read as noise.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UserError } from '../../contract/errors.js';

export interface MmsTokenizer {
  vocab: Map<string, number>;
  addBlank: boolean;
  normalize: boolean;
  /** Id of the blank interleaved by add_blank (VitsTokenizer uses id 0). */
  blankId: number;
}

export interface MmsTokens {
  ids: number[];
  /** Characters dropped because the vocab lacks them (each once). */
  dropped: string[];
}

interface RawTokenizerConfig {
  add_blank?: boolean;
  normalize?: boolean;
  is_uroman?: boolean;
  phonemize?: boolean;
  language?: string;
}

async function readJson(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UserError(
      'model_invalid',
      `cannot read ${what} ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** Reads `vocab.json` (char → id) or a `tokenizer.json` (its `model.vocab`). */
async function readVocab(path: string): Promise<Map<string, number>> {
  const raw = (await readJson(path, 'MMS-TTS vocabulary')) as Record<string, unknown>;
  const model = raw.model as { vocab?: unknown } | undefined;
  const table = (path.endsWith('tokenizer.json') && model?.vocab ? model.vocab : raw) as Record<
    string,
    unknown
  >;
  const vocab = new Map<string, number>();
  for (const [k, v] of Object.entries(table)) if (typeof v === 'number') vocab.set(k, v);
  if (vocab.size === 0) throw new UserError('model_invalid', `MMS-TTS vocabulary ${path} is empty`);
  return vocab;
}

export async function loadMmsTokenizer(
  vocabPath: string,
  tokenizerConfigPath: string | undefined,
  modelId: string,
): Promise<MmsTokenizer> {
  const cfg: RawTokenizerConfig =
    tokenizerConfigPath && existsSync(tokenizerConfigPath)
      ? ((await readJson(tokenizerConfigPath, 'tokenizer config')) as RawTokenizerConfig)
      : {};
  if (cfg.is_uroman) {
    throw new UserError(
      'unsupported',
      `MMS-TTS model ${modelId}${cfg.language ? ` (${cfg.language})` : ''} expects romanised (uroman) input, which Charkha does not produce`,
      'use a model whose tokenizer_config.json has "is_uroman": false (e.g. mms-tts-hin), or a Piper or espeak-ng voice',
    );
  }
  if (cfg.phonemize) {
    throw new UserError(
      'unsupported',
      `MMS-TTS model ${modelId} expects phonemised input ("phonemize": true), which Charkha does not produce`,
    );
  }
  return {
    vocab: await readVocab(vocabPath),
    addBlank: cfg.add_blank ?? true,
    normalize: cfg.normalize ?? true,
    blankId: 0,
  };
}

/** VitsTokenizer.normalize_text: vocab entries stay as they are, anything else is lower-cased. */
function normalizeText(text: string, vocab: Map<string, number>): string {
  const multi = [...vocab.keys()].filter((k) => [...k].length > 1);
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length;) {
    const rest = chars.slice(i).join('');
    const word = multi.find((w) => rest.startsWith(w));
    if (word) {
      out += word;
      i += [...word].length;
      continue;
    }
    out += vocab.has(chars[i]) ? chars[i] : chars[i].toLowerCase();
    i++;
  }
  return out;
}

export function tokenize(tok: MmsTokenizer, text: string): MmsTokens {
  const norm = tok.normalize ? normalizeText(text.normalize('NFC'), tok.vocab) : text;
  const dropped = new Set<string>();
  const ids: number[] = [];
  for (const ch of norm) {
    const id = tok.vocab.get(ch);
    if (id === undefined) dropped.add(ch);
    else ids.push(id);
  }
  if (!tok.addBlank) return { ids, dropped: [...dropped] };
  const blanked: number[] = [tok.blankId];
  for (const id of ids) blanked.push(id, tok.blankId);
  return { ids: blanked, dropped: [...dropped] };
}
