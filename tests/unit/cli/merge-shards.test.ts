import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlywheel } from '../../../native/flywheel/runner.js';
import { loadFlywheelConfig } from '../../../native/flywheel/config.js';
import { Project } from '../../../native/store/project.js';
import { fakeEngine } from '../../fixtures/flywheel/fake-asr.js';
import { tempDir } from '../../helpers/temp.js';
import { projectDigest } from './project-digest.js';

const repo = join(import.meta.dirname, '../../..');
const fakeAsr = join(repo, 'tests/fixtures/flywheel/fake-asr.ts');

/** tests/fixtures/flywheel/small.yaml, smaller, with the two kinds of export a job writes. */
function writeConfig(dir: string): string {
  const text = readFileSync(join(repo, 'tests/fixtures/flywheel/small.yaml'), 'utf8')
    .replace('name: small', 'name: k8s')
    .replace('count: 6', 'count: 4')
    .replace('count: 5', 'count: 3');
  const file = join(dir, 'flywheel.yaml');
  writeFileSync(
    file,
    `${text}exports:\n  - { format: nemo, split: train, kept_only: true }\n  - { format: paper, split: test, kept_only: false }\n`,
  );
  return file;
}

function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name))
      .sort()
      .map((f) => [relative(dir, f), readFileSync(f).toString('base64')]),
  );
}

/** Export items record where they wrote, which is inside each project. */
function digest(root: string) {
  return JSON.parse(JSON.stringify(projectDigest(root)).split(root).join('<project>')) as unknown;
}

describe('scale-out through the Kubernetes entry point', () => {
  it('4 shard processes (run-shard.sh) + merge (run-merge.sh) equal one process: ids, text, audio, scores, exports', async () => {
    const dir = tempDir();
    const config = writeConfig(dir);
    const data = join(dir, 'data');
    const r = spawnSync('sh', [join(repo, 'deploy/k8s/run-local.sh'), config, data, '4'], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        CHARKHA: `${process.execPath} --import tsx ${join(repo, 'native/cli/bin.ts')}`,
        CHARKHA_FLYWHEEL_ASR_MODULE: fakeAsr,
        WORKERS: '1',
      },
    });
    expect(r.stderr.split('\n').filter((l) => /failed|Error/.test(l))).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('flywheel job "k8s" (1): shards 0,1,2,3 of 4, paused');

    // Each shard holds its own clips only: plan index i mod 4.
    const perShard = [0, 1, 2, 3].map((i) => {
      const p = Project.open(join(data, `shard-${i}`), { readonly: true });
      const idx = p.db
        .prepare('SELECT item_index FROM flywheel_clips ORDER BY item_index')
        .all() as {
        item_index: number;
      }[];
      p.close();
      return idx.map((x) => x.item_index);
    });
    perShard.forEach((idx, i) => expect(idx.every((x) => x % 4 === i)).toBe(true));
    expect(perShard.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);

    const single = join(dir, 'single');
    const p = Project.init(single);
    try {
      const out = await runFlywheel(p, loadFlywheelConfig(config), {
        workers: 1,
        openAsr: (id) => Promise.resolve(fakeEngine(id)),
      });
      expect(out.state).toBe('done');
    } finally {
      p.close();
    }
    const merged = join(data, 'merged');
    expect(digest(merged)).toEqual(digest(single));
    // The exports, made after the merge, are the same bytes.
    expect(files(join(merged, 'exports'))).toEqual(files(join(single, 'exports')));
  }, 1_200_000);
});
