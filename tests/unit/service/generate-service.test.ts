import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFlywheelConfig } from '../../../native/flywheel/config.js';
import { STARTER_CONFIG } from '../../../native/service/generate.js';
import { Service } from '../../../native/service/service.js';
import { Project } from '../../../native/store/project.js';

interface PreviewRow {
  id: string;
  lang: string;
  text: string;
  spoken: string;
  textSpans: { start: number; end: number; type: string }[];
  spokenSpans: { start: number; end: number; type: string }[];
}

describe('the Generate screen methods', () => {
  let project: Project;
  let service: Service;
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'charkha-generate-'));
    project = Project.init(join(dir, 'p'));
    service = new Service(project);
  });
  afterAll(() => {
    project.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a configuration with the flywheel schema and names the rule it breaks', async () => {
    expect(await service.dispatch('generate.validate', { config: STARTER_CONFIG })).toEqual({
      ok: true,
      error: null,
    });
    const shared = {
      ...STARTER_CONFIG,
      tts: { train_voices: [{ variant: 'm1' }], test_voices: [{ variant: 'm1' }] },
    };
    const r = (await service.dispatch('generate.validate', { config: shared })) as {
      ok: boolean;
      error: string;
    };
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/tts\.test_voices: voice te\+m1 is also a training voice/);
  });

  it('previews 20 planned rows in turn from each language, with spans inside their text', async () => {
    const config = {
      ...STARTER_CONFIG,
      name: 'pv',
      languages: [
        { lang: 'te', count: 30 },
        { lang: 'hi', count: 30 },
      ],
    };
    const p = (await service.dispatch('generate.preview', { config })) as {
      total: number;
      rows: PreviewRow[];
    };
    expect(p.total).toBe(60);
    expect(p.rows).toHaveLength(20);
    expect(p.rows.slice(0, 2).map((r) => r.lang)).toEqual(['te', 'hi']);
    expect(p.rows.every((r) => r.id.startsWith('pv-r1-'))).toBe(true);
    for (const r of p.rows) {
      expect(r.textSpans.length).toBeGreaterThan(0);
      for (const s of r.textSpans) expect(s.end).toBeLessThanOrEqual(Array.from(r.text).length);
      for (const s of r.spokenSpans) expect(s.end).toBeLessThanOrEqual(Array.from(r.spoken).length);
    }
  });

  it('saves the YAML file the CLI reads, and loads it back', async () => {
    const config = { ...STARTER_CONFIG, name: 'saved-job', classes: ['digits', 'currency'] };
    const { file } = (await service.dispatch('generate.save', { config })) as { file: string };
    expect(file).toBe(join(project.paths.root, 'flywheel.yaml'));
    const cli = loadFlywheelConfig(file);
    expect(cli.name).toBe('saved-job');
    expect(cli.classes).toEqual(['digits', 'currency']);
    expect(cli.augment.train).toEqual([{ kind: 'noise', snrDb: 15, noise: 'pink' }]);
    const back = (await service.dispatch('generate.load', { file })) as {
      config: Record<string, unknown>;
    };
    expect(back.config).toEqual(config);
    await expect(
      service.dispatch('generate.save', { config: { ...config, name: 'Bad Name' } }),
    ).rejects.toThrow(/name: lower-case letters/);
  });

  it('has no job to show in a project that never ran one', async () => {
    expect(await service.dispatch('generate.status', {})).toEqual({ job: null });
  });
});
