import { describe, expect, it } from 'vitest';
import { catalogEntryById, fileUrl, readCatalog } from '../../../native/models/catalog.js';
import { familySpec } from '../../../native/models/families.js';

describe('models/catalog.json', () => {
  const catalog = readCatalog();

  it('lists the families and models the design names', () => {
    const ids = catalog.models.map((m) => m.id);
    for (const id of ['whisper-tiny', 'whisper-small', 'whisper-large-v3-turbo', 'mms-tts-hin', 'mms-tts-kan', 'mms-tts-mal', 'mms-tts-tam', 'silero-vad', 'nllb-200-distilled-600m'])
      expect(ids).toContain(id);
    expect(ids.filter((i) => i.startsWith('piper-'))).toHaveLength(3);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has no checksums yet, marks non-commercial licences, and every runnable family has a spec', () => {
    for (const m of catalog.models) {
      for (const f of m.files) expect(f.sha256 ?? null).toBeNull();
      if (/NC/.test(m.licence)) expect(m.nonCommercial, m.id).toBe(true);
      if (m.task !== 'mt') expect(familySpec(m.family), m.id).toBeDefined();
    }
  });

  it('builds hub URLs', () => {
    const e = catalogEntryById(catalog, 'whisper-tiny');
    expect(fileUrl(e, 'onnx/encoder_model.onnx', 'http://127.0.0.1:1')).toBe(
      'http://127.0.0.1:1/onnx-community/whisper-tiny/resolve/main/onnx/encoder_model.onnx',
    );
    expect(() => catalogEntryById(catalog, 'nope')).toThrow(/no model "nope"/);
  });
});
