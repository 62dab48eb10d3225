import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importEvalRun } from '../../../native/service/eval-import.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

// The reference has two digits of the phone number swapped; the recording (and both models) say 9263063636.
export const WRONG = 'నా నంబర్ 9236063636 కి కాల్ చేయండి';
export const RIGHT = 'నా నంబర్ 9263063636 కి కాల్ చేయండి';
export const OTHER = 'పిన్‌కోడ్ 530001 రాయండి';

export function jsonl(path: string, rows: object[]): string {
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

/** Two runs (models a and b) on a phone and a PIN code; both models hear the phone right. */
export async function projectWithTwoRuns() {
  const dir = tempDir();
  const p = Project.init(join(dir, 'p'));
  const ref = jsonl(join(dir, 'phones.jsonl'), [
    {
      id: 'ph1',
      lang: 'te',
      text: WRONG,
      entity_tokens: [{ surface: '9236063636', start: 9, end: 19, type: 'phone' }],
    },
    {
      id: 'pin1',
      lang: 'te',
      text: OTHER,
      entity_tokens: [{ surface: '530001', start: 10, end: 16, type: 'pincode' }],
    },
  ]);
  const a = await importEvalRun(p, {
    ref,
    hyp: jsonl(join(dir, 'a.jsonl'), [
      { id: 'ph1', hypothesis: RIGHT },
      { id: 'pin1', hypothesis: OTHER },
    ]),
    model: 'a',
  });
  const b = await importEvalRun(p, {
    ref,
    hyp: jsonl(join(dir, 'b.jsonl'), [
      { id: 'ph1', hypothesis: RIGHT },
      { id: 'pin1', hypothesis: 'పిన్‌కోడ్ రాయండి' },
    ]),
    model: 'b',
  });
  return { p, a, b, dir, ref };
}
