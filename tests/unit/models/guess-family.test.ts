import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessFamily, listFiles } from '../../../native/models/infer-manifest.js';
import { fixtureDir } from './fixtures.js';

const root = join(fixtureDir('piper-tiny'), '..');
const fixtures = readdirSync(root).filter((d) => !d.startsWith('.'));

describe('a folder without a manifest: its family from its files', () => {
  // Each fixture is laid out as its publisher ships it; its manifest says what it really is.
  it.each(fixtures)('%s', async (name) => {
    const dir = fixtureDir(name);
    const { family } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      family: string;
    };
    const files = (await listFiles(dir)).filter((f) => f !== 'manifest.json');
    expect(guessFamily(dir, files)).toBe(family);
  });

  it('covers the seq2seq MT families, which share Whisper’s onnx/ layout', () => {
    expect(fixtures).toEqual(
      expect.arrayContaining(['m2m100-tiny', 'marian-mt-tiny', 'indictrans2-tiny', 'whisper-tiny']),
    );
  });
});
