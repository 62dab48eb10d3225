import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../native/cli/main.js';
import { saveEnv } from '../../helpers/env.js';
import { tempDir } from '../../helpers/temp.js';

let dir: string;
let restoreEnv: () => void;
beforeEach(() => {
  restoreEnv = saveEnv('CHARKHA_CONFIG_DIR');
  dir = tempDir();
  process.env.CHARKHA_CONFIG_DIR = dir;
});
afterEach(() => restoreEnv());

/** Runs `charkha config …` in-process, with what it printed on each stream. */
async function config(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const printed = { stdout: '', stderr: '' };
  const spies = (['stdout', 'stderr'] as const).map((stream) =>
    vi.spyOn(process[stream], 'write').mockImplementation((s: string | Uint8Array) => {
      printed[stream] += String(s);
      return true;
    }),
  );
  try {
    return { code: await runCli(['config', ...args]), ...printed };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

describe('charkha config', () => {
  it('gets and sets the annotator name in $CHARKHA_CONFIG_DIR/settings.json', async () => {
    const path = join(dir, 'settings.json');
    const unset = await config('get', 'annotator');
    expect(unset.code).toBe(1);
    expect(unset.stdout).toBe('');
    expect(unset.stderr).toContain(`annotator is not set in ${path}`);
    expect(JSON.parse((await config('get', 'annotator', '--json')).stdout)).toEqual({
      key: 'annotator',
      value: null,
      path,
    });

    const set = await config('set', 'annotator', ' లక్ష్మి ');
    expect(set.code).toBe(0);
    expect(set.stdout).toBe(`annotator = లక్ష్మి (${path})\n`);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ annotator: 'లక్ష్మి' });
    expect(await config('get', 'annotator')).toMatchObject({ code: 0, stdout: 'లక్ష్మి\n' });
  });

  it('exits 1 with one line on an unknown key, an empty name or a corrupt file', async () => {
    const unknown = await config('set', 'colour', 'red');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no setting "colour" (settings: annotator)');
    const empty = await config('set', 'annotator', '');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('annotator: must not be empty');
    writeFileSync(join(dir, 'settings.json'), '{"annotator":');
    const corrupt = await config('get', 'annotator');
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toContain(`${join(dir, 'settings.json')}: settings are not valid JSON`);
  });
});
