import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberPhrase } from '../../../native/text/numbers/index.js';

/**
 * Agreement with CLDR: parse CLDR's own spell-out (cldr-rbnf, evaluated by
 * the small RBNF interpreter below) and expect the value back. This
 * cldr-rbnf release has spell-out rules for hi, ta, gu and en/en_IN only;
 * te, bn, mr, kn, ml, pa and or have none, so they cannot be checked here.
 * CLDR's Indic rules use lakh/crore (hi, gu also अरब/અબજ at 10^9); en uses
 * million/billion and en_IN lakh/crore.
 */
const require = createRequire(import.meta.url);
const RBNF_DIR = join(dirname(require.resolve('cldr-rbnf/package.json')), 'rbnf');

interface Rule {
  base: number;
  text: string;
}

function loadRuleSets(file: string): Map<string, Rule[]> {
  const sets = new Map<string, Rule[]>();
  let current: Rule[] | null = null;
  for (const raw of readFileSync(join(RBNF_DIR, file), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const head = /^(%%?[\w-]+):$/.exec(line);
    if (head) {
      current = [];
      sets.set(head[1], current);
      continue;
    }
    const m = /^([0-9]+): (.*);$/.exec(line);
    if (m && current) current.push({ base: Number(m[1]), text: m[2].replace(/^'/, '') });
  }
  return sets;
}

/** Enough of ICU's RBNF for integer spell-out: <<, >>, =%set=, [optional]. */
function spellOut(sets: Map<string, Rule[]>, set: string, n: number): string {
  const rules = sets.get(set)!;
  let rule = rules[0];
  for (const r of rules) if (r.base <= n) rule = r;
  const divisor = rule.base === 0 ? 1 : 10 ** Math.floor(Math.log10(rule.base));
  const hi = Math.floor(n / divisor);
  const lo = n % divisor;
  const sub = (s: string): string =>
    s
      .replace(/=(%[\w-]+)=/g, (_, name: string) => spellOut(sets, name, n))
      .replace(/<(%[\w-]+)?</g, (_, name?: string) => spellOut(sets, name ?? set, hi))
      .replace(/>(%[\w-]+)?>/g, (_, name?: string) => spellOut(sets, name ?? set, lo));
  if (rule.text.includes('=#')) throw new Error(`number format rule reached for ${n}`);
  const text = rule.text.replace(/\[([^\]]*)\]/g, (_, opt: string) => (lo === 0 ? '' : opt));
  return sub(text);
}

const LOCALES: Array<[file: string, lang: string]> = [
  ['hi-SpelloutRules.txt', 'hi'],
  ['ta-SpelloutRules.txt', 'ta'],
  ['gu-SpelloutRules.txt', 'gu'],
  ['en-SpelloutRules.txt', 'en'],
  ['en_IN-SpelloutRules.txt', 'en'],
];

describe('agreement with CLDR spell-out', () => {
  it.each(LOCALES)('%s: 0–999 exhaustively, then sampled up to 10^12', (file, lang) => {
    expect(existsSync(join(RBNF_DIR, file))).toBe(true);
    const sets = loadRuleSets(file);
    const check = (v: number): void => {
      const text = spellOut(sets, '%spellout-numbering', v);
      expect(parseNumberPhrase(text.split(' '), lang), `${v}: ${text}`).toBe(v);
    };
    for (let v = 0; v <= 999; v++) check(v);
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), (v) => check(v)),
      { numRuns: 3000 },
    );
    for (const v of [1000, 100000, 150000, 10_000_000, 1_000_000_000, 2_500_000_000]) check(v);
  });

  it('the interpreter reproduces known CLDR strings', () => {
    const hi = loadRuleSets('hi-SpelloutRules.txt');
    expect(spellOut(hi, '%spellout-numbering', 125000)).toBe('एक लाख पच्चीस हज़ार');
    const en = loadRuleSets('en-SpelloutRules.txt');
    expect(spellOut(en, '%spellout-numbering', 2024)).toBe('two thousand twenty-four');
  });
});
