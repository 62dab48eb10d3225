import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openAsrEngine } from '../../../native/asr/open.js';
import { WhisperEngine } from '../../../native/asr/whisper.js';
import { ModelRegistry } from '../../../native/models/registry.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { copyFixture, tempDir } from '../models/fixtures.js';

const home = tempDir('charkha-asr-open-');

afterAll(async () => {
  await closeInferenceWorker();
  rmSync(home, { recursive: true, force: true });
});

describe('openAsrEngine', () => {
  it('opens a whisper-family model with the Whisper runner', async () => {
    copyFixture('whisper-tiny', home);
    const e = await openAsrEngine('whisper-tiny-fixture', {
      registry: new ModelRegistry({ home }),
    });
    try {
      expect(e).toBeInstanceOf(WhisperEngine);
      expect(e.family).toBe('whisper');
    } finally {
      await e.close();
    }
  });

  it('names the model when there is none of that id', async () => {
    await expect(
      openAsrEngine('no-such-model', { registry: new ModelRegistry({ home }) }),
    ).rejects.toThrow(/no model "no-such-model"/);
  });
});
