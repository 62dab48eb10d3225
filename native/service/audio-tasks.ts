// Pool handlers for audio import: decoding, resampling and peaks run off
// the thread that answers requests.
import type { TaskContext } from '../workers/task.js';
import { prepareAudioFile, type PreparedAudio } from './audio-prepare.js';

export async function prepare(
  input: { path: string; audioDir: string; cacheDir: string },
  ctx: TaskContext,
): Promise<PreparedAudio> {
  ctx.throwIfCancelled();
  return prepareAudioFile(input);
}
