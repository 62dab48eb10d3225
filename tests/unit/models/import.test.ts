import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { importModel } from '../../../native/models/import.js';
import { listFiles } from '../../../native/models/infer-manifest.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { makeTar, makeZip } from './archives.js';
import { copyFixture, fixtureDir, tempDir } from './fixtures.js';

let home: string;
let work: string;

beforeEach(() => {
  home = tempDir();
  work = tempDir();
});

afterAll(async () => {
  await closeInferenceWorker();
});

async function fixtureEntries(name: string, prefix = ''): Promise<{ name: string; data: Buffer }[]> {
  const dir = fixtureDir(name);
  return (await listFiles(dir)).map((f) => ({ name: prefix + f, data: readFileSync(join(dir, f)) }));
}

describe('models import', () => {
  it('imports a folder with a manifest, and it opens', async () => {
    const r = await importModel(fixtureDir('piper-tiny'), { home });
    expect(r.id).toBe('piper-tiny');
    const reg = new ModelRegistry({ home });
    expect((await reg.verify('piper-tiny')).ok).toBe(true);
    const m = await reg.open('piper-tiny');
    await m.close();
    await expect(importModel(fixtureDir('piper-tiny'), { home })).rejects.toThrow(/already installed/);
    await importModel(fixtureDir('piper-tiny'), { home, replace: true });
  });

  it('imports a Piper voice folder as its publisher ships it (no manifest), inferring the family', async () => {
    const dir = copyFixture('piper-tiny', work, 'hi_IN-tiny-x_low');
    rmSync(join(dir, 'manifest.json'));
    rmSync(join(dir, 'golden.json'));
    const r = await importModel(dir, { home });
    expect(r.manifest).toMatchObject({ id: 'hi_IN-tiny-x_low', family: 'piper', task: 'tts', languages: ['hi'] });
    expect(r.manifest.files.find((f) => f.role === 'config')?.path).toBe('hi_IN-tiny-x_low.onnx.json');
    const m = await new ModelRegistry({ home }).open('hi_IN-tiny-x_low');
    await m.close();
  });

  it('imports a .tar.gz with the model in a sub-folder', async () => {
    const archive = join(work, 'model.tar.gz');
    writeFileSync(archive, makeTar(await fixtureEntries('wav2vec2-ctc-tiny', 'w2v/'), true));
    const r = await importModel(archive, { home });
    expect(r.id).toBe('wav2vec2-ctc-tiny');
    expect((await new ModelRegistry({ home }).verify(r.id)).ok).toBe(true);
    expect(readdirSync(home)).toEqual(['wav2vec2-ctc-tiny']);
  });

  it('imports a tar made from inside the model folder (`./` entries)', async () => {
    const archive = join(work, 'dot.tar');
    const entries = await fixtureEntries('piper-tiny', './');
    writeFileSync(archive, makeTar([{ name: './', type: '5' }, ...entries]));
    expect((await importModel(archive, { home })).id).toBe('piper-tiny');
  });

  it('imports a plain .tar and a .zip', async () => {
    const tar = join(work, 'nemo.tar');
    writeFileSync(tar, makeTar(await fixtureEntries('nemo-ctc-tiny')));
    expect((await importModel(tar, { home })).id).toBe('nemo-ctc-tiny');
    const zip = join(work, 'mms.zip');
    writeFileSync(zip, makeZip(await fixtureEntries('mms-tts-tiny')));
    const r = await importModel(zip, { home });
    expect((await new ModelRegistry({ home }).verify(r.id)).ok).toBe(true);
  });

  for (const evil of ['../evil.txt', 'ok/../../evil.txt', '/tmp/charkha-evil.txt']) {
    it(`refuses a tar entry "${evil}" and writes nothing outside`, async () => {
      const archive = join(work, 'evil.tar');
      writeFileSync(archive, makeTar([{ name: 'manifest.json', data: Buffer.from('{}') }, { name: evil, data: Buffer.from('x') }]));
      await expect(importModel(archive, { home })).rejects.toThrow(/outside the model folder/);
      expect(existsSync(join(home, '..', 'evil.txt'))).toBe(false);
      expect(existsSync('/tmp/charkha-evil.txt')).toBe(false);
      expect(readdirSync(home)).toEqual([]);
    });

    it(`refuses a zip entry "${evil}"`, async () => {
      const archive = join(work, 'evil.zip');
      writeFileSync(archive, makeZip([{ name: evil, data: Buffer.from('x') }]));
      await expect(importModel(archive, { home })).rejects.toThrow(/outside the model folder/);
      expect(readdirSync(home)).toEqual([]);
    });
  }

  it('refuses links in a tar archive', async () => {
    const archive = join(work, 'link.tar');
    writeFileSync(archive, makeTar([{ name: 'x', type: '2' }]));
    await expect(importModel(archive, { home })).rejects.toThrow(/link or special file/);
  });

  it('refuses a file whose checksum differs from its manifest', async () => {
    const dir = copyFixture('mms-tts-tiny', work);
    writeFileSync(join(dir, 'vocab.json'), '{"a": 0}\n');
    await expect(importModel(dir, { home })).rejects.toThrow(/vocab\.json has sha256/);
    expect(readdirSync(home)).toEqual([]);
  });
});
