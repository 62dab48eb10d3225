// Inserting 100k utterances with entity spans through the store, against a
// raw better-sqlite3 prepared-insert loop on the same schema in the same run.
// Gate: the store keeps at least 0.8 of the raw rate.
// Usage: npx tsx bench/store-insert.bench.ts [--n 100000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from '../native/store/project.js';
import type { NewUtterance } from '../native/store/utterance-repo.js';
import { recordBench } from './record.js';

const argN = process.argv.indexOf('--n');
const N = argN >= 0 ? Number(process.argv[argN + 1]) : 100_000;

function makeRows(n: number): NewUtterance[] {
  const rows: NewUtterance[] = [];
  for (let i = 0; i < n; i++) {
    const phone = `98${String(i).padStart(8, '0')}`;
    const text = `मेरा नंबर ${phone} है और पिन 5300${i % 100} है, ₹${i} भेजो`;
    rows.push({
      extId: `b${i}`,
      lang: 'hi',
      text,
      spoken: null,
      entityClass: 'digits',
      split: 'train',
      source: 'bench',
      system: null,
      audioId: null,
      rawJson: null,
      spans: [0, 1, 2].map((ord) => ({
        tier: 'text' as const,
        ord,
        type: 'digit_run' as const,
        originalType: 'digit_run',
        subtype: null,
        start: 10 + ord,
        end: 20 + ord,
        surface: phone,
        value: phone,
        valueStart: null,
        valueEnd: null,
        rawJson: null,
      })),
    });
  }
  return rows;
}

function viaStore(dir: string, rows: NewUtterance[]): number {
  const p = Project.init(join(dir, 'store'));
  const t0 = performance.now();
  const insert = p.db.transaction((batch: NewUtterance[]) => {
    for (const r of batch) p.utterances.insert(r, '2026-01-01T00:00:00Z');
  });
  for (let i = 0; i < rows.length; i += 1000) insert(rows.slice(i, i + 1000));
  const ms = performance.now() - t0;
  p.close();
  return ms;
}

function raw(dir: string, rows: NewUtterance[]): number {
  const p = Project.init(join(dir, 'raw'));
  const db = p.db;
  const u = db.prepare(
    `INSERT INTO utterances (ext_id, lang, text, spoken, entity_class, split, source, system, audio_id, raw_json, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const s = db.prepare(
    `INSERT INTO entity_spans (utterance_id, tier, ord, type, original_type, subtype, start, end, surface, value, value_start, value_end, raw_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const t0 = performance.now();
  const insert = db.transaction((batch: NewUtterance[]) => {
    for (const r of batch) {
      const id = u.run(
        r.extId,
        r.lang,
        r.text,
        r.spoken,
        r.entityClass,
        r.split,
        r.source,
        r.system,
        r.audioId,
        r.rawJson,
        '2026-01-01T00:00:00Z',
      ).lastInsertRowid;
      for (const x of r.spans)
        s.run(
          id,
          x.tier,
          x.ord,
          x.type,
          x.originalType,
          x.subtype,
          x.start,
          x.end,
          x.surface,
          x.value,
          x.valueStart,
          x.valueEnd,
          x.rawJson,
        );
    }
  });
  for (let i = 0; i < rows.length; i += 1000) insert(rows.slice(i, i + 1000));
  const ms = performance.now() - t0;
  p.close();
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'charkha-bench-'));
try {
  const rows = makeRows(N);
  // Alternate the two so neither gets a warmer page cache or JIT consistently.
  const storeMs: number[] = [];
  const rawMs: number[] = [];
  for (let rep = 0; rep < 4; rep++) {
    const d = mkdtempSync(join(dir, `rep${rep}-`));
    if (rep % 2 === 0) {
      rawMs.push(raw(d, rows));
      storeMs.push(viaStore(d, rows));
    } else {
      storeMs.push(viaStore(d, rows));
      rawMs.push(raw(d, rows));
    }
  }
  const best = (xs: number[]) => Math.min(...xs);
  const storeRate = N / (best(storeMs) / 1000);
  const rawRate = N / (best(rawMs) / 1000);
  const ratio = storeRate / rawRate;
  console.log(
    `store: ${storeRate.toFixed(0)} utterances/s (3 spans each); raw loop: ${rawRate.toFixed(0)}/s; ratio ${ratio.toFixed(3)} (gate ≥ 0.8)`,
  );
  recordBench('store-insert', {
    utterances: N,
    spansPerUtterance: 3,
    storeUtterancesPerSec: Math.round(storeRate),
    rawUtterancesPerSec: Math.round(rawRate),
    ratio: Number(ratio.toFixed(3)),
    gate: 0.8,
    pass: ratio >= 0.8,
  });
  if (ratio < 0.8) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
