/**
 * The flywheel configuration as the form edits it: the YAML file's own
 * shape (so what is saved is what the CLI reads), with every field the form
 * shows filled in. The engine validates it with the flywheel's schema.
 */
export interface LangRow {
  lang: string;
  count: number;
  asr_model: string | null;
}
export interface VoiceRow {
  voice?: string;
  variant?: string;
  rate?: number;
  pitch?: number;
}
export interface ExportRow {
  format: string;
  split?: 'train' | 'test';
  kept_only: boolean;
}
export interface FormConfig {
  name: string;
  seed: number;
  languages: LangRow[];
  classes?: string[];
  test_share: number;
  tts: { engine: 'espeak'; train_voices: VoiceRow[]; test_voices: VoiceRow[] };
  /** A preset name, or a chain saved by hand (kept as it is). */
  augment: { train: unknown; test: unknown };
  filter: {
    enabled: boolean;
    cer_max: number;
    require_entity_hit: boolean;
    splits: ('train' | 'test')[];
    models?: Record<string, string>;
  };
  exports: ExportRow[];
  rounds: number;
  train_command?: string | null;
}

type Raw = Record<string, unknown>;

const obj = (v: unknown): Raw =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : {};
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? v.map(obj) : []);
const num = (v: unknown, d: number): number => (typeof v === 'number' ? v : d);

export function toForm(raw: Raw): FormConfig {
  const tts = obj(raw.tts);
  const augment = obj(raw.augment);
  const filter = obj(raw.filter);
  return {
    ...raw,
    name: typeof raw.name === 'string' ? raw.name : 'batch-1',
    seed: num(raw.seed, 1),
    languages: arr(raw.languages).map((l) => ({
      lang: String(l.lang ?? ''),
      count: num(l.count, 20),
      asr_model: l.asr_model === undefined ? 'auto' : (l.asr_model as string | null),
    })),
    classes: Array.isArray(raw.classes) ? (raw.classes as string[]) : undefined,
    test_share: num(raw.test_share, 0.2),
    tts: {
      engine: 'espeak',
      train_voices: arr(tts.train_voices) as VoiceRow[],
      test_voices: arr(tts.test_voices) as VoiceRow[],
    },
    augment: { train: augment.train ?? 'clean', test: augment.test ?? 'clean' },
    filter: {
      ...filter,
      enabled: filter.enabled !== false,
      cer_max: num(filter.cer_max, 0.3),
      require_entity_hit: filter.require_entity_hit !== false,
      splits: Array.isArray(filter.splits) ? (filter.splits as ('train' | 'test')[]) : ['train'],
    },
    exports: arr(raw.exports).map((e) => ({
      format: String(e.format ?? 'nemo'),
      ...(e.split === 'train' || e.split === 'test' ? { split: e.split } : {}),
      kept_only: e.kept_only !== false,
    })),
    rounds: num(raw.rounds, 1),
  };
}

/** The form's state as the object the engine parses and the YAML file holds. */
export function toRaw(f: FormConfig): Raw {
  const { classes, ...rest } = f;
  return classes && classes.length > 0 ? { ...rest, classes } : rest;
}
