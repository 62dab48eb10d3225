import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { charkha } from '../../helpers/cli.js';
import { fixtureDir, tempDir } from './fixtures.js';

let home: string;
let saved: string | undefined;

beforeAll(() => {
  home = tempDir();
  saved = process.env.CHARKHA_MODELS;
  // The CLI child inherits it.
  process.env.CHARKHA_MODELS = home;
});

afterAll(() => {
  if (saved === undefined) delete process.env.CHARKHA_MODELS;
  else process.env.CHARKHA_MODELS = saved;
  rmSync(home, { recursive: true, force: true });
});

describe('charkha models', () => {
  it('import, list, verify, check, remove, with exit codes', () => {
    const imp = charkha(['models', 'import', fixtureDir('piper-tiny'), '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout)).toMatchObject({ imported: 'piper-tiny', family: 'piper' });

    const list = charkha(['models', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const listed = JSON.parse(list.stdout) as {
      home: string;
      models: { id: string; origin: string }[];
    };
    expect(listed.home).toBe(home);
    expect(listed.models.filter((m) => m.origin === 'home').map((m) => m.id)).toEqual([
      'piper-tiny',
    ]);
    // Charkha's own default models are listed too, read-only.
    expect(listed.models.find((m) => m.id === 'charkha-ctc-hi')?.origin).toBe('bundled');

    expect(charkha(['models', 'verify', 'piper-tiny']).code).toBe(0);
    const check = charkha(['models', 'check', 'piper-tiny', '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true });

    writeFileSync(join(home, 'piper-tiny', 'hi_IN-tiny-x_low.onnx.json'), '{}');
    const bad = charkha(['models', 'verify', 'piper-tiny']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/BAD\s+hi_IN-tiny-x_low\.onnx\.json/);
    const badJson = charkha(['models', 'verify', 'piper-tiny', '--json']);
    expect(badJson.code).toBe(1);
    expect(JSON.parse(badJson.stdout)).toMatchObject({ ok: false, error: { code: 'model_invalid' } });

    expect(charkha(['models', 'remove', 'piper-tiny']).code).toBe(0);
    const gone = charkha(['models', 'verify', 'piper-tiny']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/no model "piper-tiny"/);
  });

  it('lists the catalog with non-commercial models marked', () => {
    const r = charkha(['models', 'list', '--catalog', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const models = (JSON.parse(r.stdout) as { models: { id: string; nonCommercial: boolean }[] }).models;
    expect(models.find((m) => m.id === 'mms-tts-hin')?.nonCommercial).toBe(true);
    expect(models.find((m) => m.id === 'whisper-tiny')?.nonCommercial).toBe(false);
  });
});
