import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { ModelRegistry, openModelDir, verifyModelDir } from '../../../native/models/registry.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { copyFixture, fixtureDir, renameTensorBytes, tempDir } from './fixtures.js';

const ALL = [
  'piper-tiny',
  'piper-multi-tiny',
  'mms-tts-tiny',
  'wav2vec2-ctc-tiny',
  'nemo-ctc-tiny',
  'whisper-tiny',
];
/** Manifest ids: the Whisper fixture's differs from its folder so it never shadows the real whisper-tiny. */
const IDS = ALL.map((f) => (f === 'whisper-tiny' ? 'whisper-tiny-fixture' : f));

let home: string;

beforeAll(() => {
  home = tempDir();
  for (const name of ALL) copyFixture(name, home);
});

afterAll(async () => {
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
});

async function refusal(p: Promise<unknown>): Promise<UserError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  return e as UserError;
}

describe('model registry', () => {
  it('lists every model in the model home, and a broken folder separately', async () => {
    const junk = join(home, 'zz-not-a-model');
    copyFixture('piper-tiny', home, 'zz-not-a-model');
    rmSync(join(junk, 'manifest.json'));
    const reg = new ModelRegistry({ home });
    const { models, broken } = await reg.list();
    const inHome = models.filter((m) => m.origin === 'home');
    expect(inHome.map((m) => m.id).sort()).toEqual([...IDS].sort());
    expect(broken).toHaveLength(1);
    expect(broken[0].problem).toContain('manifest missing');
    rmSync(junk, { recursive: true });
  });

  it('lists models registered by a project', async () => {
    const other = tempDir();
    const dir = copyFixture('wav2vec2-ctc-tiny', other, 'elsewhere');
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { id: string };
    m.id = 'project-ctc';
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    const reg = new ModelRegistry({ home, projectModels: () => [{ modelId: m.id, path: dir }] });
    const entry = await reg.get('project-ctc');
    expect(entry.origin).toBe('project');
    await expect(reg.remove('project-ctc')).rejects.toThrow(/belongs to a project/);
    rmSync(other, { recursive: true, force: true });
  });

  it('verifies sizes and checksums of every fixture', async () => {
    for (const name of ALL) {
      const report = await verifyModelDir(fixtureDir(name));
      expect(report.ok, JSON.stringify(report)).toBe(true);
    }
  });

  it('verify names a changed file', async () => {
    const h = tempDir();
    const dir = copyFixture('mms-tts-tiny', h);
    const vocab = join(dir, 'vocab.json');
    writeFileSync(vocab, readFileSync(vocab, 'utf8').replace('"_"', '"#"'));
    const report = await new ModelRegistry({ home: h }).verify('mms-tts-tiny');
    expect(report.ok).toBe(false);
    expect(report.files.find((f) => !f.ok)).toMatchObject({ path: 'vocab.json' });
    expect(report.files.find((f) => !f.ok)?.problem).toMatch(/sha256/);
    rmSync(h, { recursive: true, force: true });
  });

  it('opens every fixture and checks its signature', async () => {
    const reg = new ModelRegistry({ home });
    for (const id of IDS) {
      const m = await reg.open(id);
      expect(Object.keys(m.sessions).sort()).toEqual(
        id.startsWith('whisper') ? ['decoder', 'encoder'] : ['model'],
      );
      await m.close();
    }
  });

  it('refuses an unknown model id', async () => {
    const e = await refusal(new ModelRegistry({ home }).open('nope'));
    expect(e.code).toBe('not_found');
  });
});

describe('broken models are refused on open, naming the file and the tensor', () => {
  it('a renamed input tensor', async () => {
    const h = tempDir();
    const dir = copyFixture('wav2vec2-ctc-tiny', h);
    const file = join(dir, 'onnx', 'model.onnx');
    renameTensorBytes(file, 'input_values', 'input_valuez');
    const e = await refusal(openModelDir(dir));
    expect(e.code).toBe('model_invalid');
    expect(e.message).toContain(file);
    expect(e.message).toContain('"input_values" is missing');
    rmSync(h, { recursive: true, force: true });
  });

  it('a renamed output tensor of a Piper voice', async () => {
    const h = tempDir();
    const dir = copyFixture('piper-tiny', h);
    const file = join(dir, 'hi_IN-tiny-x_low.onnx');
    renameTensorBytes(file, 'scales', 'scalez');
    const e = await refusal(openModelDir(dir));
    expect(e.message).toContain(file);
    expect(e.message).toContain('"scales" is missing');
    rmSync(h, { recursive: true, force: true });
  });

  it('a tensor of the wrong rank or type (a CTC model in place of a Piper voice)', async () => {
    const h = tempDir();
    const dir = copyFixture('nemo-ctc-tiny', h);
    // The NeMo model's `length` is int64 rank 1 like Piper's input_lengths: pretend it is Piper.
    const mf = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(mf, 'utf8')) as { family: string; files: { role: string }[] };
    m.family = 'wav2vec2-ctc';
    m.files.push({ role: 'vocab', path: 'vocab.txt' } as never);
    writeFileSync(mf, JSON.stringify(m));
    const e = await refusal(openModelDir(dir));
    expect(e.message).toContain('model.onnx');
    expect(e.message).toContain('"input_values" is missing');
    rmSync(h, { recursive: true, force: true });
  });

  it('a missing file', async () => {
    const h = tempDir();
    const dir = copyFixture('piper-tiny', h);
    rmSync(join(dir, 'hi_IN-tiny-x_low.onnx.json'));
    const e = await refusal(openModelDir(dir));
    expect(e.code).toBe('model_invalid');
    expect(e.message).toContain('hi_IN-tiny-x_low.onnx.json');
    expect(e.message).toContain('missing');
    rmSync(h, { recursive: true, force: true });
  });

  it('a truncated ONNX file', async () => {
    const h = tempDir();
    const dir = copyFixture('mms-tts-tiny', h);
    const file = join(dir, 'onnx', 'model.onnx');
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    const e = await refusal(openModelDir(dir));
    expect(e.message).toContain(file);
    rmSync(h, { recursive: true, force: true });
  });

  it('a corrupt ONNX file of the right size', async () => {
    const h = tempDir();
    const dir = copyFixture('nemo-ctc-tiny', h);
    const file = join(dir, 'model.onnx');
    const buf = readFileSync(file);
    buf.fill(0xff, 0, 64);
    writeFileSync(file, buf);
    const e = await refusal(openModelDir(dir));
    expect(e.code).toBe('model_invalid');
    expect(e.message).toContain(file);
    rmSync(h, { recursive: true, force: true });
  });
});
