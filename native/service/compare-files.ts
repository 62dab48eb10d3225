import { basename } from 'node:path';
import { UserError } from '../contract/errors.js';
import { scoreEntities, scoreSfr } from '../metrics/ehr/index.js';
import { utteranceErrors } from '../metrics/error-rates.js';
import { readHypothesisFile, readReferenceFile } from '../metrics/files.js';
import { normalize, type Profile } from '../text/normalize.js';
import { compareSeries, type PerUtterance, type RunComparison } from './compare-runs.js';

/** `file.jsonl` or `file.jsonl:field` (the hypothesis field; default `defaultField`). */
export function parseHypArg(arg: string, defaultField: string): { file: string; field: string } {
  const m = /^(.*\.jsonl?):([A-Za-z_][\w-]*)$/.exec(arg);
  return m ? { file: m[1], field: m[2] } : { file: arg, field: defaultField };
}

/**
 * The same comparison as `compareRuns`, on hypothesis files scored against
 * one reference file, without a project: each file is scored per utterance
 * and the differences get a paired bootstrap over the shared utterances.
 */
export function compareHypothesisFiles(
  refFile: string,
  hyps: { file: string; field: string }[],
  profile: Profile = 'standard',
): RunComparison {
  if (hyps.length < 2)
    throw new UserError('bad_input', 'compare needs at least two hypothesis files');
  const refs = readReferenceFile(refFile);
  const data = hyps.map(({ file, field }) => {
    const h = readHypothesisFile(file, field);
    const out = new Map<string, PerUtterance>();
    for (const ref of refs) {
      const hyp = h.get(ref.id);
      if (hyp === undefined || hyp === null) continue;
      const e = utteranceErrors(
        normalize(ref.text, ref.lang, profile).text,
        normalize(hyp, ref.lang, profile).text,
        null,
      );
      const row = {
        id: ref.id,
        lang: ref.lang,
        text: ref.text,
        entity_tokens: ref.entityTokens,
        entity_class: ref.entityClass ?? null,
      };
      const ents = scoreEntities(row, hyp);
      out.set(ref.id, {
        wordEdits: e.words.substitutions + e.words.deletions + e.words.insertions,
        refWords: e.words.refLength,
        alignedWords: e.words.hits + e.words.substitutions + e.words.deletions + e.words.insertions,
        sfr: scoreSfr(row, hyp)?.value ?? null,
        charEdits: e.chars.substitutions + e.chars.deletions + e.chars.insertions,
        refChars: e.chars.refLength,
        hits: ents.filter((x) => x.outcome === 'hit').length,
        entities: ents.length,
      });
    }
    return out;
  });
  const names = hyps.map((h) =>
    h.field === 'hypothesis' ? basename(h.file) : `${basename(h.file)}:${h.field}`,
  );
  return { runs: null, ...compareSeries(names, data) };
}
