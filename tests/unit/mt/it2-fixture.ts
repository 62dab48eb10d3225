/** The IndicTrans2 fixture engine, opened once per test file and closed after it. */
import { afterAll, beforeAll } from 'vitest';
import { ModelRegistry } from '../../../native/models/registry.js';
import type { IndicTrans2MtEngine } from '../../../native/mt/indictrans2/engine.js';
import { openMtEngine } from '../../../native/mt/open.js';
import { closeInferenceWorker } from '../../../native/workers/inference.js';
import { FIXTURE_MODELS } from '../models/fixtures.js';

/** Registers the hooks; the returned function gives the open engine inside tests. */
export function useIndicTrans2Fixture(): () => IndicTrans2MtEngine {
  let engine: IndicTrans2MtEngine | undefined;
  beforeAll(async () => {
    const registry = new ModelRegistry({ home: FIXTURE_MODELS, bundled: [] });
    engine = (await openMtEngine('indictrans2-tiny-fixture', { registry })) as IndicTrans2MtEngine;
  });
  afterAll(async () => {
    await engine?.close();
    await closeInferenceWorker();
  });
  return () => {
    if (!engine) throw new Error('the IndicTrans2 fixture is not open');
    return engine;
  };
}
