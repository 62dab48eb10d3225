import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addRecent, readRecent } from '../../../electron/recent.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'charkha-recent-'));

describe('recent projects', () => {
  it('is empty before anything was opened', () => {
    expect(readRecent(fresh())).toEqual([]);
  });

  it('keeps the most recent first, without duplicates', () => {
    const d = fresh();
    addRecent(d, '/p/a');
    addRecent(d, '/p/b');
    expect(addRecent(d, '/p/a')).toEqual(['/p/a', '/p/b']);
    expect(readRecent(d)).toEqual(['/p/a', '/p/b']);
    expect(JSON.parse(readFileSync(join(d, 'recent-projects.json'), 'utf8'))).toEqual([
      '/p/a',
      '/p/b',
    ]);
  });

  it('keeps at most ten', () => {
    const d = fresh();
    for (let i = 0; i < 15; i++) addRecent(d, `/p/${i}`);
    const list = readRecent(d);
    expect(list).toHaveLength(10);
    expect(list[0]).toBe('/p/14');
    expect(list[9]).toBe('/p/5');
  });

  it('survives a corrupt or foreign file', () => {
    const d = fresh();
    writeFileSync(join(d, 'recent-projects.json'), '{not json');
    expect(readRecent(d)).toEqual([]);
    writeFileSync(join(d, 'recent-projects.json'), JSON.stringify({ a: 1 }));
    expect(readRecent(d)).toEqual([]);
    writeFileSync(join(d, 'recent-projects.json'), JSON.stringify(['/p/a', 3, null, '/p/b']));
    expect(readRecent(d)).toEqual(['/p/a', '/p/b']);
    expect(addRecent(d, '/p/c')).toEqual(['/p/c', '/p/a', '/p/b']);
  });
});
