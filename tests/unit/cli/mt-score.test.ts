import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../native/cli/main.js';
import { corpusBleu } from '../../../native/metrics/mt/bleu.js';
import { chrfPlusPlus } from '../../../native/metrics/mt/chrf.js';
import { MtScoreReport } from '../../../native/metrics/mt/report-schema.js';
import { tempDir } from '../../helpers/temp.js';

const REF = join(import.meta.dirname, '../../fixtures/mt/edsa-rows.jsonl');
const refRows = readFileSync(REF, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; text: string });

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

function writeJsonl(name: string, rows: unknown[]): string {
  const p = join(tempDir(), name);
  writeFileSync(p, rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));
  return p;
}

/** Every third translation has its digits changed, the others lose their last word. */
const hypText = (text: string, i: number): string =>
  i % 3 === 0 ? text.replace(/[0-9]/g, '7') : text.split(' ').slice(0, -1).join(' ');

async function score(...args: string[]): Promise<{ code: number; report?: MtScoreReport }> {
  const code = await runCli(['mt-score', ...args]);
  return {
    code,
    report:
      args.includes('--json') && code === 0 ? MtScoreReport.parse(JSON.parse(out)) : undefined,
  };
}

describe('charkha mt-score', () => {
  it('--json: corpus BLEU and chrF++ as the metrics compute them, survival, intervals', async () => {
    const hyps = refRows.map((r, i) => ({ id: r.id, text: hypText(r.text, i) }));
    const { code, report } = await score(
      '--ref',
      REF,
      '--hyp',
      writeJsonl('h.jsonl', hyps),
      '--json',
    );
    expect(code).toBe(0);
    const r = report as MtScoreReport;
    const h = hyps.map((x) => x.text);
    const refs = [refRows.map((x) => x.text)];
    expect(r.segments).toBe(refRows.length);
    expect(r.bleu.score).toBe(corpusBleu(h, refs).score);
    expect(r.chrf.score).toBe(chrfPlusPlus().corpusScore(h, refs).score);
    for (const [s, ci] of [
      [r.bleu.score, r.bleu.ci95],
      [r.chrf.score, r.chrf.ci95],
      [r.survival.rate, r.survival.ci95],
    ] as const) {
      expect(ci).not.toBeNull();
      expect(ci![0]).toBeLessThanOrEqual(s!);
      expect(ci![1]).toBeGreaterThanOrEqual(s!);
      expect(ci![1]).toBeGreaterThan(ci![0]);
    }
    expect(r.survival.entities).toBeGreaterThan(20);
    expect(r.survival.survived).toBeLessThan(r.survival.entities);
    // The first row's amount had its digits changed: it is reported lost.
    expect(r.sentences[0].lost).toEqual([{ type: 'currency_amount', value: '50000 INR' }]);
    expect(r.bootstrap).toEqual({ resamples: 1000, seed: 20261123 });
  });

  it('the same inputs give the same report, intervals included (fixed seed)', async () => {
    const hyps = writeJsonl(
      'h.jsonl',
      refRows.map((r, i) => ({ id: r.id, translation: hypText(r.text, i) })),
    );
    await score('--ref', REF, '--hyp', hyps, '--json');
    const first = out;
    out = '';
    await score('--ref', REF, '--hyp', hyps, '--json');
    expect(out).toBe(first);
  });

  it('references as hypotheses score 100, 100 and keep every entity', async () => {
    const hyps = writeJsonl(
      'h.jsonl',
      [...refRows].reverse().map((r) => ({ id: r.id, text: r.text })),
    );
    const { report } = await score('--ref', REF, '--hyp', hyps, '--json');
    expect(report!.bleu.score).toBeCloseTo(100, 10);
    expect(report!.chrf.score).toBeCloseTo(100, 10);
    expect(report!.survival.rate).toBe(1);
    expect(report!.sentences.map((s) => s.id)).toEqual(refRows.map((r) => r.id));
  });

  it('a second reference file adds references; rows it lacks are missing references', async () => {
    const hyps = refRows.map((r, i) => ({ id: r.id, text: hypText(r.text, i) }));
    const second = writeJsonl(
      'r2.jsonl',
      refRows.slice(0, 5).map((r, i) => ({ id: r.id, lang: 'hi', text: hyps[i].text })),
    );
    const hypPath = writeJsonl('h.jsonl', hyps);
    const { report } = await score('--ref', REF, second, '--hyp', hypPath, '--json');
    const streams = [
      refRows.map((r) => r.text),
      refRows.map((r, i) => (i < 5 ? hyps[i].text : null)),
    ];
    expect(report!.bleu.score).toBe(
      corpusBleu(
        hyps.map((x) => x.text),
        streams,
      ).score,
    );
    expect(report!.bleu.signature).toMatch(/^nrefs:2\|/);
  });

  it('prints a table by default', async () => {
    const hyps = writeJsonl(
      'h.jsonl',
      refRows.map((r, i) => ({ id: r.id, text: hypText(r.text, i) })),
    );
    expect((await score('--ref', REF, '--hyp', hyps)).code).toBe(0);
    expect(out).toMatch(/^ {2}BLEU +\d+\.\d\d {3}\[\d+\.\d\d, \d+\.\d\d\]$/m);
    expect(out).toMatch(/^ {2}chrF\+\+ +\d+\.\d\d/m);
    expect(out).toMatch(/^ {2}survival +\d+\.\d%/m);
    expect(out).toContain('tok:13a|smooth:exp');
    expect(out).toMatch(/lost entities/);
  });

  describe('input errors name the file and line (exit 1)', () => {
    const ok = refRows.map((r) => ({ id: r.id, text: r.text }));
    const cases: [string, unknown[], RegExp][] = [
      ['malformed JSON', [ok[0], '{"id": "x", text', ...ok.slice(1)], /h\.jsonl:2: invalid JSON/],
      ['a row without id', [ok[0], { text: 'x' }], /h\.jsonl:2: missing field "id"/],
      [
        'a duplicate id',
        [...ok, ok[3]],
        new RegExp(`h\\.jsonl:${ok.length + 1}: duplicate id "${ok[3].id}" \\(first on line 4\\)`),
      ],
      [
        'an id the reference lacks',
        [...ok, { id: 'nope', text: 'x' }],
        /h\.jsonl:\d+: id "nope" has no row in the reference/,
      ],
      [
        'a reference row without translation',
        ok.slice(1),
        new RegExp(`edsa-rows\\.jsonl:1: id "${ok[0].id}" has no row in the hypotheses`),
      ],
      [
        'no text or translation',
        [{ id: ok[0].id, hyp: 'x' }],
        /h\.jsonl:1: missing field "text" \(or "translation"\)/,
      ],
    ];
    it.each(cases)('%s', async (_, rows, message) => {
      const { code } = await score('--ref', REF, '--hyp', writeJsonl('h.jsonl', rows));
      expect(code).toBe(1);
      expect(err).toMatch(message);
    });

    it('a reference row with an unknown language or a bad span', async () => {
      const bad = writeJsonl('r.jsonl', [{ id: 'a', lang: 'xx', text: 't' }]);
      expect(
        (await score('--ref', bad, '--hyp', writeJsonl('h.jsonl', [{ id: 'a', text: 't' }]))).code,
      ).toBe(1);
      expect(err).toMatch(/r\.jsonl:1: unknown language code "xx"/);
      const span = writeJsonl('r.jsonl', [
        {
          id: 'a',
          lang: 'hi',
          text: 'पिन 110015',
          entity_tokens: [{ surface: '110015', start: 3, end: 9, type: 'pincode' }],
        },
      ]);
      expect(
        (await score('--ref', span, '--hyp', writeJsonl('h.jsonl', [{ id: 'a', text: 't' }]))).code,
      ).toBe(1);
      expect(err).toMatch(/r\.jsonl:1: entity_tokens\[0\]/);
    });
  });
});
