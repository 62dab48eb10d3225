import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateCommand } from '../../../native/cli/commands/generate.js';
import { overlapCommand } from '../../../native/cli/commands/overlap.js';
import { tagCommand } from '../../../native/cli/commands/tag.js';
import { computeOverlap } from '../../../native/entities/overlap.js';

const dir = mkdtempSync(join(tmpdir(), 'charkha-overlap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, rows: object[]): string {
  const p = join(dir, name);
  writeFileSync(p, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return p;
}

async function capture(run: () => Promise<unknown>): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out.push(String(s));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('overlap', () => {
  const a = [
    {
      id: '1',
      text: 'मेरा नंबर 98765 43210 है',
      template_id: 't1',
      entity_tokens: [{ type: 'phone', surface: '98765 43210', value: '9876543210' }],
    },
    { id: '2', text: 'नया वाक्य', template_id: 't2', entity_tokens: [] },
  ];
  const b = [
    {
      id: 'x',
      text: 'मेरा  नंबर 98765 43210 है',
      template_id: 't1',
      entity_tokens: [{ type: 'phone', surface: '9876543210', value: '9876543210' }],
    },
  ];

  it('counts exact sentences, templates and values', () => {
    const r = computeOverlap(a, b);
    expect(r.sentences).toEqual({ total: 2, shared: 1, share: 0.5 });
    expect(r.templates).toEqual({ total: 2, shared: 1, share: 0.5 });
    expect(r.values).toEqual({ total: 1, shared: 1, share: 1 });
  });

  it('the command prints JSON', async () => {
    const pa = jsonl('a.jsonl', a);
    const pb = jsonl('b.jsonl', b);
    const out = await capture(() =>
      overlapCommand().parseAsync([pa, '--against', pb, '--json'], { from: 'user' }),
    );
    const r = JSON.parse(out) as { sentences: { shared: number } };
    expect(r.sentences.shared).toBe(1);
  });

  it('a generated test split shares nothing with its train split', async () => {
    const train = join(dir, 'train.jsonl');
    const test = join(dir, 'test.jsonl');
    await capture(() =>
      generateCommand().parseAsync(
        [
          '--lang',
          'hi,te',
          '--count',
          '300',
          '--seed',
          '4',
          '--split',
          'train',
          '--out',
          train,
          '--json',
        ],
        { from: 'user' },
      ),
    );
    await capture(() =>
      generateCommand().parseAsync(
        [
          '--lang',
          'hi,te',
          '--count',
          '100',
          '--seed',
          '5',
          '--split',
          'test',
          '--out',
          test,
          '--json',
        ],
        { from: 'user' },
      ),
    );
    const r = computeOverlap(
      readFileSync(test, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
      readFileSync(train, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    );
    expect(r.sentences.shared).toBe(0);
    expect(r.templates.shared).toBe(0);
  });

  it('tag writes entity_tokens for rows without them', async () => {
    const pin = jsonl('in.jsonl', [
      { id: 'r', lang: 'te', text: 'Swiggy లో ఆర్డర్ చేశాను', entity_tokens: [] },
    ]);
    const pout = join(dir, 'out.jsonl');
    await capture(() => tagCommand().parseAsync([pin, '--out', pout], { from: 'user' }));
    const row = JSON.parse(readFileSync(pout, 'utf8')) as { entity_tokens: { type: string }[] };
    expect(row.entity_tokens.map((t) => t.type)).toEqual(['brand', 'loanword']);
  });
});
