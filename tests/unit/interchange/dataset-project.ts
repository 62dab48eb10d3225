import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeWav } from '../../../native/audio/wav.js';
import type { EntityType } from '../../../native/contract/corpus.js';
import type { Lang, Split } from '../../../native/contract/common.js';
import { importAudio } from '../../../native/service/import-audio.js';
import { Project } from '../../../native/store/project.js';
import type { NewSpan } from '../../../native/store/utterance-repo.js';

/** A tone of `seconds` at `rate`, as 16-bit WAV bytes; `hz` makes each clip's content distinct. */
export function tone(rate: number, seconds: number, hz: number): Uint8Array {
  const x = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < x.length; i++) x[i] = 0.3 * Math.sin((2 * Math.PI * hz * i) / rate);
  return encodeWav([x], rate);
}

export interface UttSpec {
  extId: string;
  lang: Lang;
  text: string;
  split: Split;
  entityClass: string;
  system: string | null;
  spans: { type: EntityType; surface: string }[];
  /** [rate, seconds, hz] of its audio, or null for a row without audio. */
  audio: [number, number, number] | null;
  raw?: Record<string, unknown>;
}

export const SAMPLE: UttSpec[] = [
  {
    extId: 'te-7-000001',
    lang: 'te',
    text: 'నాకు 8231826644 కి కాల్ చేయండి',
    split: 'train',
    entityClass: 'digits',
    system: 'espeak:te',
    spans: [{ type: 'phone', surface: '8231826644' }],
    audio: [16000, 0.5, 440],
    raw: { template_id: 'te-digits-003' },
  },
  {
    extId: 'hi-7-000002',
    lang: 'hi',
    text: 'फीस ₹18,000 है',
    split: 'test',
    entityClass: 'currency',
    system: 'espeak:hi-f3',
    spans: [{ type: 'currency_amount', surface: '₹18,000' }],
    audio: [48000, 0.25, 660],
  },
  {
    extId: 'te-7-000003',
    lang: 'te',
    text: 'PhonePe లో 500081 పిన్',
    split: 'train',
    entityClass: 'mixed',
    system: 'espeak:te',
    spans: [
      { type: 'brand', surface: 'PhonePe' },
      { type: 'pincode', surface: '500081' },
    ],
    audio: [22050, 1, 550],
  },
  {
    extId: 'ta 7/000004',
    lang: 'ta',
    text: 'அறை எண் 12',
    split: 'train',
    entityClass: 'digits',
    system: null,
    spans: [{ type: 'digit_run', surface: '12' }],
    audio: null,
  },
];

function spansOf(text: string, spans: UttSpec['spans']): NewSpan[] {
  return spans.map((s, ord) => {
    const start = [...text.slice(0, text.indexOf(s.surface))].length;
    return {
      tier: 'text',
      ord,
      type: s.type,
      originalType: s.type,
      subtype: null,
      start,
      end: start + [...s.surface].length,
      surface: s.surface,
      value: null,
      valueStart: null,
      valueEnd: null,
      rawJson: null,
    };
  });
}

/** A closed project holding `specs`, built through the store API; returns its folder. */
export async function buildProject(dir: string, specs: UttSpec[] = SAMPLE): Promise<string> {
  const root = join(dir, 'project');
  const p = Project.init(root);
  try {
    for (const s of specs) {
      let audioId: number | null = null;
      if (s.audio) {
        const wav = join(dir, `${s.extId.replace(/\W/g, '_')}.wav`);
        writeFileSync(wav, tone(...s.audio));
        const r = await importAudio(p, [wav], { system: s.system });
        audioId = (r.imported[0] ?? r.existing[0]).audioId;
      }
      const spans = spansOf(s.text, s.spans);
      const raw = s.raw
        ? {
            id: s.extId,
            lang: s.lang,
            entity_class: s.entityClass,
            text: s.text,
            entity_tokens: spans.map(({ surface, start, end, type }) => ({
              surface,
              start,
              end,
              type,
            })),
            ...s.raw,
          }
        : null;
      p.db.transaction(() =>
        p.utterances.insert({
          extId: s.extId,
          lang: s.lang,
          text: s.text,
          spoken: null,
          entityClass: s.entityClass,
          split: s.split,
          source: null,
          system: s.system,
          audioId,
          rawJson: raw ? JSON.stringify(raw) : null,
          spans,
        }),
      )();
    }
  } finally {
    p.close();
  }
  return root;
}
