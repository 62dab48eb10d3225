import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { readNemoTokens } from '../../../native/asr/nemo.js';
import { tempDir } from '../models/fixtures.js';

const dir = tempDir('charkha-nemo-vocab-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('NeMo vocabularies', () => {
  it('vocab.txt: one token a line, the trailing newline ignored', async () => {
    expect(await readNemoTokens(file('vocab.txt', '<unk>\n▁क\nम\n'), 'm')).toEqual([
      '<unk>',
      '▁क',
      'म',
    ]);
  });

  it('tokens.txt: `token id` lines, in id order', async () => {
    expect(await readNemoTokens(file('tokens.txt', 'म 2\n<unk> 0\n▁क 1\n'), 'm')).toEqual([
      '<unk>',
      '▁क',
      'म',
    ]);
  });

  it('vocab.json: an array, or a token → id table', async () => {
    expect(await readNemoTokens(file('a-vocab.json', '["<unk>", "▁क"]'), 'm')).toEqual([
      '<unk>',
      '▁क',
    ]);
    expect(await readNemoTokens(file('vocab.json', '{"म": 1, "<unk>": 0}'), 'm')).toEqual([
      '<unk>',
      'म',
    ]);
  });

  it('broken JSON is a UserError naming the file', async () => {
    const path = file('bad-vocab.json', '["<unk>", ');
    const err = await readNemoTokens(path, 'm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(path);
  });
});
