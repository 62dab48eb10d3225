import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseFlywheelConfig } from '../../../native/flywheel/config.js';

// Manifests are loosely typed documents; the tests walk them as plain data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const dir = join(import.meta.dirname, '../../../deploy/k8s');
const yaml = (f: string) => load(readFileSync(join(dir, f), 'utf8')) as Doc;

function container(job: Doc) {
  const c = job.spec.template.spec.containers[0];
  const env = Object.fromEntries(
    (c.env as { name: string; value: string }[]).map((e) => [e.name, e.value]),
  );
  return { c, env, spec: job.spec.template.spec };
}

describe('deploy/k8s', () => {
  it('the shard Job is Indexed, runs run-shard.sh with SHARD_COUNT = completions, one pod per index at a time', () => {
    const job = yaml('shard-job.yaml');
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    expect(job.spec.podReplacementPolicy).toBe('Failed');
    const { c, env, spec } = container(job);
    expect(c.command).toEqual(['/app/deploy/k8s/run-shard.sh']);
    expect(Number(env.SHARD_COUNT)).toBe(job.spec.completions);
    expect(spec.restartPolicy).toBe('Never');
    const mounts = Object.fromEntries(
      c.volumeMounts.map((m: { name: string; mountPath: string }) => [m.name, m.mountPath]),
    );
    expect(mounts).toEqual({ data: env.DATA, config: '/config' });
    expect(env.CONFIG).toBe('/config/flywheel.yaml');
    const vols = Object.fromEntries(spec.volumes.map((v: Doc) => [v.name, v]));
    expect(vols.data.persistentVolumeClaim.claimName).toBe(yaml('pvc.yaml').metadata.name);
    expect(vols.config.configMap.name).toBe(yaml('configmap.yaml').metadata.name);
  });

  it('the merge Job reads the same config, volume and shard count', () => {
    const shard = container(yaml('shard-job.yaml'));
    const merge = container(yaml('merge-job.yaml'));
    expect(merge.c.command).toEqual(['/app/deploy/k8s/run-merge.sh']);
    expect(merge.env).toEqual(shard.env);
    expect(merge.spec.volumes).toEqual(shard.spec.volumes);
    expect(merge.c.image).toBe(shard.c.image);
  });

  it('the ConfigMap holds the demo configuration, and it is a valid flywheel job', () => {
    const cm = yaml('configmap.yaml');
    const text = cm.data['flywheel.yaml'] as string;
    expect(text).toBe(readFileSync(join(dir, '../../demo.flywheel.yaml'), 'utf8'));
    expect(parseFlywheelConfig(load(text), 'configmap').name).toBe('demo');
  });

  it('the scripts turn the index into --shard i/n and the merge names every shard', () => {
    const shard = readFileSync(join(dir, 'run-shard.sh'), 'utf8');
    expect(shard).toContain('flywheel run "$CONFIG" --shard "$i/$SHARD_COUNT"');
    expect(shard).toContain('i="$JOB_COMPLETION_INDEX"');
    const merge = readFileSync(join(dir, 'run-merge.sh'), 'utf8');
    expect(merge).toContain(
      '$CHARKHA merge --finish --workers "$WORKERS" -p "$DATA/merged" $shards',
    );
    const docker = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(docker).toMatch(/^FROM node:20-bookworm-slim/m);
    expect(docker).toContain('ELECTRON_SKIP_BINARY_DOWNLOAD=1');
    expect(docker).toContain('npm ci');
  });
});
