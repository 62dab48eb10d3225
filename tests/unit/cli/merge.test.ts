import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeProjects } from '../../../native/service/merge-projects.js';
import { Project } from '../../../native/store/project.js';
import { charkha } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';
import { buildShard, CLIPS } from './merge-fixture.js';
import { projectDigest } from './project-digest.js';

function merge(target: string, shards: string[]) {
  const p = Project.open(target);
  try {
    return mergeProjects(p, shards);
  } finally {
    p.close();
  }
}

const fresh = (dir: string) => {
  Project.init(dir).close();
  return dir;
};

/** Two shards of the four clips (i mod 2), and the same job run whole in one project. */
async function shardsAndWhole() {
  const s0 = await buildShard(tempDir(), { clips: [0, 2], shard: { index: 0, count: 2 } });
  const s1 = await buildShard(tempDir(), { clips: [1, 3], shard: { index: 1, count: 2 } });
  const whole = await buildShard(tempDir(), { clips: [0, 1, 2, 3], shard: null });
  return { s0, s1, whole };
}

const withoutJobRows = (d: Record<string, unknown>) => ({ ...d, items: undefined });

describe('charkha merge', () => {
  it('two shards give the project one process makes: ids, text, audio hashes, scores', async () => {
    const { s0, s1, whole } = await shardsAndWhole();
    const target = fresh(join(tempDir(), 'merged'));
    const r = merge(target, [s1, s0]);
    expect(r.counts.utterances).toEqual({ added: 4, updated: 0, unchanged: 0 });
    expect(r.counts.audio.added).toBe(4);
    const merged = projectDigest(target);
    const one = projectDigest(whole);
    // Row ids too: new utterances go in plan order whatever order the shards are named in.
    expect(withoutJobRows(merged)).toEqual(withoutJobRows(one));
    expect(merged.audioFiles).toBe(true);
    // Same file system: each merged file is the shard's file linked, not a copy.
    const shardAudio = (dir: string) =>
      readdirSync(join(dir, 'audio'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name));
    const targetFiles = shardAudio(target);
    expect(targetFiles).toHaveLength(4);
    const inodes = new Set([...shardAudio(s0), ...shardAudio(s1)].map((f) => statSync(f).ino));
    for (const f of targetFiles) {
      expect(inodes.has(statSync(f).ino), f).toBe(true);
      expect(statSync(f).nlink).toBe(2);
    }
    // Work items: the same ones, plus the whole-round items a sharded run leaves to the merge.
    const items = merged.items as { key: string; step: string; state: string }[];
    expect(items.filter((i) => !i.key.startsWith('@'))).toEqual(one.items);
    expect(items.filter((i) => i.key.startsWith('@'))).toEqual([
      {
        kind: 'flywheel',
        key: '@r1/export/0',
        step: 'export',
        state: 'pending',
        result_json: null,
      },
      { kind: 'flywheel', key: '@r1/run/te', step: 'score', state: 'pending', result_json: null },
    ]);
    expect(r.jobs).toEqual([
      {
        id: 1,
        kind: 'flywheel',
        name: 't',
        shards: '0,1 of 2',
        state: 'paused',
        allShards: true,
        wholeRoundItems: 2,
      },
    ]);
    const p = Project.open(target, { readonly: true });
    const job = p.jobs.get(1)!;
    p.close();
    expect((job.config as { shard: unknown }).shard).toBeNull();
  });

  it('is idempotent: merging the same shards again changes nothing', async () => {
    const { s0, s1 } = await shardsAndWhole();
    const target = fresh(join(tempDir(), 'merged'));
    merge(target, [s0, s1]);
    const before = projectDigest(target);
    const p = Project.open(target, { readonly: true });
    const stateBefore = p.jobs.get(1);
    p.close();
    const again = merge(target, [s0, s1]);
    expect(again.counts.utterances).toEqual({ added: 0, updated: 0, unchanged: 4 });
    expect(again.counts.items.added).toBe(0);
    expect(projectDigest(target)).toEqual(before);
    const q = Project.open(target, { readonly: true });
    expect(q.jobs.get(1)).toEqual(stateBefore);
    q.close();
  });

  it('merges shard by shard: whole-round work is added only once every shard is in', async () => {
    const { s0, s1, whole } = await shardsAndWhole();
    const target = fresh(join(tempDir(), 'merged'));
    const first = merge(target, [s0]);
    expect(first.jobs[0]).toMatchObject({ shards: '0 of 2', allShards: false, wholeRoundItems: 0 });
    const second = merge(target, [s1]);
    expect(second.jobs[0]).toMatchObject({ shards: '0,1 of 2', wholeRoundItems: 2 });
    // Row ids follow the order the shards came in; everything else is the same.
    const noIds = (d: Record<string, unknown>) => ({
      ...withoutJobRows(d),
      utterances: (d.utterances as Record<string, unknown>[]).map(({ id: _id, ...u }) => u),
    });
    expect(noIds(projectDigest(target))).toEqual(noIds(projectDigest(whole)));
  });

  it('refuses an id shared with other content, naming both projects, and changes nothing', async () => {
    const s0 = await buildShard(tempDir(), { clips: [0, 2], shard: { index: 0, count: 2 } });
    const bad = await buildShard(tempDir(), {
      clips: [1, 2],
      shard: { index: 1, count: 2 },
      textOf: (i) => (i === 2 ? `ఫోన్ ${CLIPS[2].surface} కు` : CLIPS[i].text),
    });
    const target = fresh(join(tempDir(), 'merged'));
    const before = projectDigest(target);
    expect(() => merge(target, [s0, bad])).toThrow(
      `utterance "t-r1-te-1-000002" differs between ${s0} and ${bad} (text:`,
    );
    expect(projectDigest(target)).toEqual(before);
    // No audio file is left behind by the failed merge.
    expect(readdirSync(join(target, 'audio'))).toEqual([]);
    // Against what the target already holds, the target is named.
    merge(target, [s0]);
    expect(() => merge(target, [bad])).toThrow(
      `utterance "t-r1-te-1-000002" differs between ${target} and ${bad}`,
    );
  });

  it('refuses shards of jobs with other configurations, and the target as a source', async () => {
    const s0 = await buildShard(tempDir(), { clips: [0], shard: { index: 0, count: 2 } });
    const s1 = await buildShard(tempDir(), { clips: [1], shard: { index: 1, count: 2 } });
    const p = Project.open(s1);
    p.db
      .prepare("UPDATE jobs SET config_json = json_set(config_json, '$.models.te', 'other')")
      .run();
    p.close();
    const target = fresh(join(tempDir(), 'merged'));
    expect(() => merge(target, [s0, s1])).toThrow(
      new RegExp(`flywheel job "t" differs between ${s0} and ${s1} \\(models:`),
    );
    expect(() => merge(target, [target])).toThrow(/cannot also be a source/);
  });

  it('the CLI creates the target, prints what it merged and how to finish the job', async () => {
    const { s0, s1 } = await shardsAndWhole();
    const target = join(tempDir(), 'new-merged');
    const r = charkha(['merge', '-p', target, s0, s1]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('merged 2 projects into');
    expect(r.stdout).toContain('utterances: 4 added, 0 updated, 0 already there');
    expect(r.stdout).toContain(`charkha flywheel resume -p ${target} --job 1`);
    expect(existsSync(join(target, 'charkha.db'))).toBe(true);
    const both = charkha(['merge', '--finish', '--json', '-p', target, s0]);
    expect(both.code).toBe(1);
    expect(both.stderr).toMatch(/--finish prints each job’s report .* leave out --json/);
    // One shard of two: --finish waits for the other, and says so.
    const half = join(tempDir(), 'half');
    const one = charkha(['merge', '--finish', '-p', half, s0]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain('the other shards are still to merge');
    const q = Project.open(half, { readonly: true });
    expect(q.jobs.get(1)!.state).toBe('paused');
    q.close();
    const clash = charkha(['merge', '-p', target, join(tempDir(), 'nothing-here')]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/nothing-here is not a Charkha project/);
    // A shard that is not a project is refused before the target is made.
    const unmade = join(tempDir(), 'unmade');
    const refused = charkha(['merge', '-p', unmade, s0, join(tempDir(), 'nothing-here')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/nothing-here is not a Charkha project/);
    expect(existsSync(unmade)).toBe(false);
  });
});
