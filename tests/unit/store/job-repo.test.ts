import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

describe('jobs and work items', () => {
  it('moves items pending → claimed → done|failed, returns dead claims, and never duplicates an item', () => {
    const p = Project.init(join(tempDir(), 'p'));
    const job = p.jobs.create('flywheel', { langs: ['hi'] });
    const items = ['u1', 'u2', 'u3'].flatMap((key) =>
      ['synthesize', 'transcribe'].map((step) => ({ key, step })),
    );
    expect(p.jobs.addItems(job, items)).toBe(6);
    // Adding the same items again (a resumed job) adds nothing.
    expect(p.jobs.addItems(job, items)).toBe(0);

    const claimed = p.jobs.claim(job, 'synthesize', 'worker-a', 2);
    expect(claimed.map((c) => c.key)).toEqual(['u1', 'u2']);
    // A second worker gets only what is left.
    expect(p.jobs.claim(job, 'synthesize', 'worker-b', 5).map((c) => c.key)).toEqual(['u3']);
    p.jobs.complete(claimed[0].id, { audio: 'abc' });
    p.jobs.fail(claimed[1].id, 'model failed to load');
    expect(p.jobs.get(job)!.items).toEqual({ pending: 3, claimed: 1, done: 1, failed: 1 });

    // worker-b died holding u3: resuming returns its claim to the queue.
    expect(p.jobs.releaseClaims(job)).toBe(1);
    expect(p.jobs.get(job)!.items).toEqual({ pending: 4, claimed: 0, done: 1, failed: 1 });
    expect(p.jobs.claim(job, 'synthesize', 'worker-c', 5).map((c) => c.key)).toEqual(['u3']);

    p.jobs.setState(job, 'paused');
    const j = p.jobs.get(job)!;
    expect(j.state).toBe('paused');
    expect(j.config).toEqual({ langs: ['hi'] });
    const attempts = p.db
      .prepare("SELECT attempts FROM job_items WHERE key = 'u3' AND step = 'synthesize'")
      .get() as { attempts: number };
    expect(attempts.attempts).toBe(2);
    p.close();
  });
});
