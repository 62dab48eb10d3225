import { describe, expect, it } from 'vitest';
import { loadTemplates, spellingInScript } from '../../../native/entities/lexicon.js';
import { slotNames, templateClasses } from '../../../native/entities/lexicon-schema.js';

const SLOT = /\{([a-z_]+)\}/g;
const known = new Set<string>(slotNames);

describe.each(['hi', 'te', 'ta', 'en'])('templates (%s)', (lang) => {
  const templates = loadTemplates(lang);

  it('validates and meets the floor of 300 templates, covering every class', () => {
    expect(templates.length).toBeGreaterThanOrEqual(300);
    for (const cls of templateClasses) {
      expect(templates.filter((t) => t.class === cls).length, cls).toBeGreaterThanOrEqual(30);
    }
  });

  it('has stable unique ids "<lang>-<class>-NNN" and no duplicate text', () => {
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
    for (const t of templates) expect(t.id.startsWith(`${lang}-${t.class}-`), t.id).toBe(true);
    const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
    expect(new Set(templates.map((t) => norm(t.text))).size).toBe(templates.length);
  });

  it('lists exactly the known slots that appear in the text, in order, each once', () => {
    const bad: string[] = [];
    for (const t of templates) {
      const inText = [...t.text.matchAll(SLOT)].map((m) => m[1]);
      if (inText.some((s) => !known.has(s))) bad.push(`${t.id}: unknown slot`);
      if (JSON.stringify(inText) !== JSON.stringify(t.slots))
        bad.push(`${t.id}: slots ${t.slots.join(',')} vs text ${inText.join(',')}`);
    }
    expect(bad).toEqual([]);
  });

  // Slots are whole words (README: agglutination): what follows a slot is a
  // space, punctuation, the end, or a hyphenated case ending.
  it('keeps every slot a whole word', () => {
    const glued = templates.filter(
      (t) => /\}[^\s,.?!।:;'-]/u.test(t.text) || /[^\s(“"'-]\{/u.test(t.text),
    );
    expect(glued.map((t) => t.id)).toEqual([]);
  });

  it('writes the sentence in the language script (Latin allowed only for code-mix words)', () => {
    if (lang === 'en') return;
    const bad = templates.filter((t) => {
      const letters = t.text.replace(SLOT, ' ').replace(/[A-Za-z]+/g, ' ');
      return !spellingInScript(letters.replace(/[\s,.?!।:;"“”()/-]/gu, ''), lang);
    });
    expect(bad.map((t) => `${t.id}: ${t.text}`)).toEqual([]);
    const latinOutsideCodemix = templates.filter(
      (t) => t.class !== 'codemix' && /[A-Za-z]/.test(t.text.replace(SLOT, '')),
    );
    expect(latinOutsideCodemix.map((t) => t.id)).toEqual([]);
  });

  it('gives codemix templates English words where they have no slot', () => {
    for (const t of templates.filter((x) => x.slots.length === 0)) {
      expect(t.class).toBe('codemix');
      expect(/[A-Za-z]/.test(t.text), t.id).toBe(true);
    }
  });
});
