import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { saveEnv } from '../../helpers/env.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/models');
const restoreEnv = saveEnv('CHARKHA_MODELS', 'CHARKHA_HF_ENDPOINT');

describe('the Models screen methods', () => {
  let home: string;
  let project: Project;
  let service: Service;
  // One folder for the whole describe: the tests follow one model through its life.
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'charkha-models-'));
    home = join(dir, 'home');
    process.env.CHARKHA_MODELS = home;
    // Nothing listens on the discard port: the hub is unreachable, as on this machine.
    process.env.CHARKHA_HF_ENDPOINT = 'http://127.0.0.1:9';
    project = Project.init(join(dir, 'p'));
    service = new Service(project);
  });

  afterAll(async () => {
    project.close();
    await closeInferenceWorker();
    rmSync(dir, { recursive: true, force: true });
    restoreEnv();
  });

  it('imports a fixture folder into the model folder and lists it beside the bundled models', async () => {
    const r = (await service.dispatch('models.import', {
      path: join(FIXTURES, 'piper-tiny'),
    })) as { id: string; dir: string };
    expect(r).toMatchObject({ id: 'piper-tiny', dir: join(home, 'piper-tiny') });
    const list = (await service.dispatch('models.list', {})) as {
      home: string;
      models: { id: string; origin: string; task: string; sizeBytes: number }[];
      catalog: { id: string; nonCommercial: boolean; installed: boolean }[];
    };
    expect(list.home).toBe(home);
    expect(list.models.find((m) => m.id === 'piper-tiny')).toMatchObject({
      origin: 'home',
      task: 'tts',
    });
    expect(list.models.some((m) => m.origin === 'bundled')).toBe(true);
    expect(list.catalog.find((m) => m.id === 'mms-tts-hin')?.nonCommercial).toBe(true);
  });

  it('verifies files and tensors, and names the file that fails', async () => {
    const ok = (await service.dispatch('models.verify', { id: 'piper-tiny' })) as {
      ok: boolean;
      checks: { kind: string; path: string; ok: boolean; problem: string | null }[];
    };
    expect(ok.ok).toBe(true);
    expect(ok.checks).toContainEqual(
      expect.objectContaining({ kind: 'load', path: 'hi_IN-tiny-x_low.onnx', ok: true }),
    );
    const onnx = join(home, 'piper-tiny', 'hi_IN-tiny-x_low.onnx');
    const bytes = readFileSync(onnx);
    bytes[10] ^= 0xff;
    writeFileSync(onnx, bytes);
    const bad = (await service.dispatch('models.verify', { id: 'piper-tiny' })) as typeof ok;
    expect(bad.ok).toBe(false);
    const failed = bad.checks.filter((c) => !c.ok);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ kind: 'file', path: 'hi_IN-tiny-x_low.onnx' });
    expect(failed[0].problem).toMatch(/sha256/);
  });

  it('answers a download at once with "offline" when the hub cannot be reached', async () => {
    await expect(service.dispatch('models.download', { id: 'whisper-tiny' })).rejects.toThrow(
      /offline.*Nothing was downloaded/,
    );
  });

  it('removes a model from the model folder, and refuses to remove a bundled one', async () => {
    await expect(service.dispatch('models.remove', { id: 'charkha-ctc-te' })).rejects.toThrow(
      /bundled/,
    );
    await service.dispatch('models.remove', { id: 'piper-tiny' });
    const list = (await service.dispatch('models.list', {})) as { models: { id: string }[] };
    expect(list.models.map((m) => m.id)).not.toContain('piper-tiny');
  });
});
