import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  aliasKey,
  lexiconRoot,
  loadBrands,
  spellingInScript,
} from '../../../native/entities/lexicon.js';
import { brandsFileSchema } from '../../../native/entities/lexicon-schema.js';

const raw = () =>
  brandsFileSchema.parse(
    JSON.parse(readFileSync(join(lexiconRoot(), 'common/brands.json'), 'utf8')),
  );

describe('brands lexicon', () => {
  it('validates and meets the floor of 200 brands', () => {
    const brands = loadBrands();
    expect(brands.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique ids and no alias shared by two brands', () => {
    const brands = loadBrands();
    expect(new Set(brands.map((b) => b.id)).size).toBe(brands.length);
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const b of brands) {
      for (const a of b.aliases) {
        const o = owner.get(a);
        if (o && o !== b.id) clashes.push(`${a}: ${o} / ${b.id}`);
        owner.set(a, b.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('writes every native spelling in its language script, with hi, te and ta for every brand', () => {
    const bad: string[] = [];
    for (const b of raw().brands) {
      for (const lang of ['hi', 'te', 'ta']) {
        if (!b.spellings[lang]?.length) bad.push(`${b.id}: no ${lang}`);
      }
      for (const [lang, forms] of Object.entries(b.spellings)) {
        for (const f of forms) if (!spellingInScript(f, lang)) bad.push(`${b.id}.${lang}: ${f}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('aliases include the canonical name, Latin lower-cased, and are NFC', () => {
    const paytm = loadBrands().find((b) => b.id === 'paytm');
    expect(paytm?.aliases).toEqual(expect.arrayContaining(['paytm', 'पेटीएम', 'పేటీఎం']));
    for (const b of loadBrands()) {
      expect(b.aliases).toContain(aliasKey(b.canonical));
      for (const a of b.aliases) expect(a).toBe(a.normalize('NFC'));
    }
  });

  // The paper-compatible scorer's table must be a subset of ours, so that
  // both scorers recognise the same brands.
  const compat = join(lexiconRoot(), '../../../shared/spec/compat/praxel-2026.json');
  it.runIf(existsSync(compat))('contains every brand alias of the praxel-2026 compat table', () => {
    const table = JSON.parse(readFileSync(compat, 'utf8')) as { brand_aliases: [string, string][] };
    const all = new Set(loadBrands().flatMap((b) => b.aliases));
    const missing = table.brand_aliases.map(([a]) => a).filter((a) => !all.has(aliasKey(a)));
    expect(missing).toEqual([]);
  });
});
