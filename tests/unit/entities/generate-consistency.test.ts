import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../native/entities/generate.js';
import type { GeneratedRow } from '../../../native/entities/generate-types.js';
import { prepareReferenceEntities } from '../../../native/metrics/ehr/index.js';
import type { RefRow } from '../../../native/metrics/files.js';
import { scoreRows } from '../../../native/metrics/score-run.js';

/**
 * The key consistency test: a generated row's spoken form, scored as a
 * hypothesis against its written form, hits every entity, and the value the
 * generator wrote is the value the EHR engine reads from the written span.
 */

function refOf(r: GeneratedRow): RefRow {
  return {
    id: r.id,
    lang: r.lang,
    text: r.text,
    entityTokens: r.entity_tokens.map((t) => ({ ...t })),
    entityClass: r.entity_class,
    line: 1,
    file: 'generated',
    raw: {},
  };
}

for (const lang of ['hi', 'te', 'ta']) {
  describe(`generated ${lang} rows read back`, () => {
    const { rows } = generateCorpus({ langs: [lang], count: 3000, seed: 11 });

    it('have the canonical values the EHR engine reads', () => {
      const bad: string[] = [];
      for (const r of rows) {
        const ents = prepareReferenceEntities(r.text, r.lang, r.entity_tokens);
        expect(ents.length).toBe(r.entity_tokens.length);
        ents.forEach((e, i) => {
          const want = r.entity_tokens[i].value;
          // A loanword's value is its Latin spelling; the engine keys a
          // native spelling by transliteration (the hit test covers those).
          if (e.type === 'loanword' && !/^[A-Za-z]+$/.test(e.surface)) return;
          const got = e.value.kind === 'loanword' ? e.value.latin.toLowerCase() : e.display;
          if (got !== want)
            bad.push(`${r.template_id} ${e.type} ${e.surface}: engine ${got}, row ${want}`);
        });
      }
      expect(bad.slice(0, 20)).toEqual([]);
    });

    it('score EHR 1.0 with the spoken form as hypothesis', async () => {
      const report = await scoreRows(rows.map(refOf), new Map(rows.map((r) => [r.id, r.spoken])), {
        perEntity: true,
      });
      const misses = (report.per_entity ?? [])
        .filter((p) => p.outcome !== 'hit')
        .map((p) => `${p.id} ${p.type} ${p.surface} → ${p.outcome} [${p.hyp_window}]`);
      expect(misses.slice(0, 20)).toEqual([]);
      expect(report.ehr.micro).toBe(1);
    });
  });
}
