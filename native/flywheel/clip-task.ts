/**
 * Pool handlers of the flywheel's audio steps: speak one row with espeak-ng,
 * or augment one stored clip. Each writes its WAV content-addressed into the
 * project (caches first, the original last, all through temporary names) and
 * returns what the audio row needs; the database is written by the caller,
 * after the file is complete. Same input, same bytes, same sha256.
 */
import { readFileSync } from 'node:fs';
import { decodeWav, encodeWav } from '../audio/wav.js';
import { mixToMono } from '../audio/mix.js';
import { prepareAudioBytes, storedAudioPath } from '../service/audio-prepare.js';
import type { PreparedAudio } from '../service/audio-prepare.js';
import { loadEspeak } from '../tts/espeak/runtime.js';
import { synthesizeInThread } from '../tts/espeak/synthesize.js';
import type { SynthesisOptions } from '../tts/engine.js';
import { applyChain, type AugmentChain } from '../tts/post/chain.js';
import type { TaskContext } from '../workers/task.js';

export interface StoreDirs {
  audioDir: string;
  cacheDir: string;
}

export interface SpeakInput extends StoreDirs {
  text: string;
  opts: SynthesisOptions;
}

export interface AugmentInput extends StoreDirs {
  sha256: string;
  ext: string;
  chain: AugmentChain;
  seed: number;
}

/** Stores WAV bytes as the project's audio import does, straight from memory. */
function store(wav: Uint8Array, dirs: StoreDirs): Promise<PreparedAudio> {
  return prepareAudioBytes(wav, { path: 'clip.wav', ...dirs });
}

let pinned: Promise<unknown> | undefined;

/**
 * espeak-ng seeds the noise of breathy variants (f1–f5…) from the clock when
 * its instance starts, and every synthesis restores that state: with the
 * clock pinned while this thread's instance starts, a clip's bytes depend on
 * its text and voice only, in any thread, process or machine.
 */
function loadPinned(): Promise<unknown> {
  pinned ??= (async () => {
    const now = Date.now;
    Date.now = () => 0;
    try {
      return await loadEspeak();
    } finally {
      Date.now = now;
    }
  })();
  return pinned;
}

export async function speak(input: SpeakInput, ctx: TaskContext): Promise<PreparedAudio> {
  await loadPinned();
  const out = await synthesizeInThread(input.text, input.opts, {
    cancelled: () => ctx.cancelled(),
  });
  return store(encodeWav([out.samples], out.sampleRate), input);
}

export async function augment(input: AugmentInput): Promise<PreparedAudio> {
  const bytes = readFileSync(storedAudioPath(input.audioDir, input.sha256, input.ext));
  const decoded = decodeWav(new Uint8Array(bytes));
  const out = applyChain(mixToMono(decoded.channels), decoded.sampleRate, input.chain, input.seed);
  return store(encodeWav([out.samples], out.sampleRate), input);
}
