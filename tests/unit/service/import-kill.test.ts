import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

const child = join(import.meta.dirname, '../../helpers/bulk-import-child.ts');

describe('a bulk import killed with SIGKILL', () => {
  it('leaves a sound database with every row whole or absent, and the project opens again', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.jsonl');
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const text = `ग्राहक ${i} का नंबर 98765${String(i).padStart(5, '0')} और पिन 5300${String(i % 100).padStart(2, '0')} है`;
      const phone = `98765${String(i).padStart(5, '0')}`;
      const pin = `5300${String(i % 100).padStart(2, '0')}`;
      const find = (s: string) => Array.from(text.slice(0, text.indexOf(s))).length;
      rows.push(
        JSON.stringify({
          id: `k${i}`,
          lang: 'hi',
          text,
          entity_tokens: [
            { surface: phone, start: find(phone), end: find(phone) + phone.length, type: 'phone' },
            { surface: pin, start: find(pin), end: find(pin) + pin.length, type: 'pincode' },
            { surface: String(i), start: 7, end: 7 + String(i).length, type: 'digit_run' },
          ],
        }),
      );
    }
    writeFileSync(file, rows.join('\n') + '\n');
    Project.init(join(dir, 'p')).close();

    const proc = spawn(process.execPath, ['--import', 'tsx', child, join(dir, 'p'), file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let batches = 0;
      proc.stdout.on('data', (d: Buffer) => {
        batches += d
          .toString()
          .split('\n')
          .filter((l) => l.startsWith('batch')).length;
        if (batches >= 3 && !proc.killed) proc.kill('SIGKILL');
        if (d.toString().includes('finished'))
          reject(new Error('the import finished before it could be killed'));
      });
      proc.on('exit', () => resolve());
    });
    expect(proc.signalCode).toBe('SIGKILL');

    // The dead process's lock is stale: the project opens for writing again.
    const p = Project.open(join(dir, 'p'));
    expect(p.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const n = p.utterances.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(20_000);
    const bad = p.db
      .prepare(
        'SELECT u.ext_id, count(s.id) AS spans FROM utterances u LEFT JOIN entity_spans s ON s.utterance_id = u.id GROUP BY u.id HAVING spans != 3',
      )
      .all();
    expect(bad).toEqual([]);
    p.close();
  });
});
