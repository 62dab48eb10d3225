/** A Piper voice's `.onnx.json`, read and checked (the fields the runner needs). */
import { readFile } from 'node:fs/promises';
import { UserError } from '../../contract/errors.js';

export interface PiperConfig {
  sampleRate: number;
  espeakVoice: string;
  noiseScale: number;
  lengthScale: number;
  noiseW: number;
  phonemeIdMap: Record<string, number[]>;
  numSpeakers: number;
  speakerIdMap: Record<string, number>;
  phonemeType: string;
}

interface RawConfig {
  audio?: { sample_rate?: unknown };
  espeak?: { voice?: unknown };
  inference?: { noise_scale?: unknown; length_scale?: unknown; noise_w?: unknown };
  phoneme_id_map?: unknown;
  num_speakers?: unknown;
  speaker_id_map?: unknown;
  phoneme_type?: unknown;
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

export async function readPiperConfig(path: string): Promise<PiperConfig> {
  let raw: RawConfig;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as RawConfig;
  } catch (e) {
    throw new UserError(
      'model_invalid',
      `cannot read Piper voice config ${path}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const bad = (field: string): never => {
    throw new UserError(
      'model_invalid',
      `Piper voice config ${path}: ${field} is missing or invalid`,
    );
  };
  const sampleRate = raw.audio?.sample_rate;
  if (typeof sampleRate !== 'number' || sampleRate <= 0) bad('audio.sample_rate');
  const map = raw.phoneme_id_map;
  if (!map || typeof map !== 'object') bad('phoneme_id_map');
  const phonemeIdMap = map as Record<string, number[]>;
  for (const sym of ['_', '^', '$']) {
    if (!Array.isArray(phonemeIdMap[sym])) bad(`phoneme_id_map["${sym}"]`);
  }
  const phonemeType = typeof raw.phoneme_type === 'string' ? raw.phoneme_type : 'espeak';
  const espeakVoice = raw.espeak?.voice;
  if (phonemeType === 'espeak' && typeof espeakVoice !== 'string') bad('espeak.voice');
  return {
    sampleRate: sampleRate as number,
    espeakVoice: typeof espeakVoice === 'string' ? espeakVoice : '',
    noiseScale: num(raw.inference?.noise_scale, 0.667),
    lengthScale: num(raw.inference?.length_scale, 1),
    noiseW: num(raw.inference?.noise_w, 0.8),
    phonemeIdMap,
    numSpeakers: num(raw.num_speakers, 1),
    speakerIdMap:
      raw.speaker_id_map && typeof raw.speaker_id_map === 'object'
        ? (raw.speaker_id_map as Record<string, number>)
        : {},
    phonemeType,
  };
}
