import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav } from '../../../native/audio/wav.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Project } from '../../../native/store/project.js';
import { tempDir } from '../../helpers/temp.js';

/** A tone and a second recording, written once per test folder. */
export function recordings(dir: string): { tone: string; other: string } {
  const tone = join(dir, 'tone.wav');
  const other = join(dir, 'other.wav');
  const wave = (f: number) =>
    Float32Array.from({ length: 16000 * 4 }, (_, i) => 0.3 * Math.sin(i / f));
  writeFileSync(tone, encodeWav([wave(9)], 16000));
  writeFileSync(other, encodeWav([wave(5)], 16000));
  return { tone, other };
}

/**
 * An annotator's copy: a project holding the tone (imported after `other`
 * when `otherFirst`, so the same recording has a different id in each copy)
 * and a transcript tier on it.
 */
export async function annotatorCopy(
  files: { tone: string; other: string },
  otherFirst: boolean,
): Promise<{ project: Project; dir: string; tierId: number }> {
  const dir = join(tempDir(), 'p');
  const project = Project.init(dir);
  await importAudio(project, otherFirst ? [files.other, files.tone] : [files.tone]);
  const { id: audioId } = project.db
    .prepare("SELECT id FROM audio WHERE original_name = 'tone.wav'")
    .get() as { id: number };
  const tier = project.annotations.createTier(audioId, { name: 'transcript', kind: 'transcript' });
  return { project, dir, tierId: tier.id };
}
