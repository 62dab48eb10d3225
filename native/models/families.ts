/**
 * What each model family must look like: which files (by role) it needs and
 * the inputs and outputs of each ONNX file, by name, element type and rank,
 * exactly as the publishers' exports have them. The registry checks these
 * when a model is opened, so a renamed tensor or a wrong export fails with a
 * message before any audio is touched.
 */
import type { ModelTask } from './manifest.js';

export interface TensorSpec {
  /** The name; several when exports differ (`logprobs` or `logits`). */
  name: string | readonly string[];
  type: string | readonly string[];
  /** Accepted ranks. */
  rank: number | readonly number[];
  optional?: boolean;
}

export interface OnnxSpec {
  role: string;
  inputs: readonly TensorSpec[];
  outputs: readonly TensorSpec[];
  /** Extra inputs with these names are allowed (the decoder's KV cache). Extra outputs always are. */
  extraInputs?: RegExp;
}

export interface RoleSpec {
  role: string;
  /** How to find the file when the manifest names no role (a folder imported as is). */
  match: RegExp;
  optional?: boolean;
}

export interface FamilySpec {
  family: string;
  task: ModelTask;
  roles: readonly RoleSpec[];
  onnx: readonly OnnxSpec[];
}

const f32 = 'float32';
const i64 = 'int64';

/** Text-to-text seq2seq exports in the transformers.js layout (Marian, M2M100, NLLB). */
const SEQ2SEQ_ROLES: readonly RoleSpec[] = [
  { role: 'encoder', match: /^onnx\/encoder_model(_quantized|_fp16|_q4)?\.onnx$/ },
  { role: 'decoder', match: /^onnx\/decoder_model_merged(_quantized|_fp16|_q4)?\.onnx$/ },
  { role: 'config', match: /^config\.json$/ },
  { role: 'generation_config', match: /^generation_config\.json$/, optional: true },
  { role: 'tokenizer', match: /^tokenizer\.json$/ },
  { role: 'tokenizer_config', match: /^tokenizer_config\.json$/ },
];

export const FAMILIES: readonly FamilySpec[] = [
  {
    family: 'piper',
    task: 'tts',
    roles: [
      { role: 'model', match: /(^|\/)[^/]+\.onnx$/ },
      { role: 'config', match: /\.onnx\.json$/ },
    ],
    onnx: [
      {
        role: 'model',
        inputs: [
          { name: 'input', type: i64, rank: 2 },
          { name: 'input_lengths', type: i64, rank: 1 },
          { name: 'scales', type: f32, rank: 1 },
          { name: 'sid', type: i64, rank: 1, optional: true },
        ],
        // Piper's exports give [1, 1, samples] or [1, 1, 1, samples].
        outputs: [{ name: 'output', type: f32, rank: [2, 3, 4] }],
      },
    ],
  },
  {
    family: 'mms-tts',
    task: 'tts',
    roles: [
      { role: 'model', match: /(^|\/)model(_quantized|_fp16)?\.onnx$/ },
      { role: 'config', match: /^config\.json$/ },
      { role: 'vocab', match: /^(vocab|tokenizer)\.json$/ },
      { role: 'tokenizer_config', match: /^tokenizer_config\.json$/ },
    ],
    onnx: [
      {
        role: 'model',
        inputs: [
          { name: 'input_ids', type: i64, rank: 2 },
          { name: 'attention_mask', type: i64, rank: 2, optional: true },
        ],
        outputs: [{ name: 'waveform', type: f32, rank: [2, 3] }],
      },
    ],
  },
  {
    family: 'wav2vec2-ctc',
    task: 'asr',
    roles: [
      { role: 'model', match: /(^|\/)model(_quantized|_fp16)?\.onnx$/ },
      { role: 'vocab', match: /^vocab\.json$/ },
      { role: 'config', match: /^config\.json$/, optional: true },
      { role: 'preprocessor', match: /^preprocessor_config\.json$/, optional: true },
    ],
    onnx: [
      {
        role: 'model',
        inputs: [
          { name: 'input_values', type: f32, rank: 2 },
          { name: 'attention_mask', type: i64, rank: 2, optional: true },
        ],
        outputs: [{ name: 'logits', type: f32, rank: 3 }],
      },
    ],
  },
  {
    family: 'nemo-ctc',
    task: 'asr',
    roles: [
      { role: 'model', match: /\.onnx$/ },
      { role: 'vocab', match: /^(vocab\.txt|tokens\.txt|vocab\.json)$/ },
      { role: 'config', match: /^config\.json$/, optional: true },
    ],
    onnx: [
      {
        role: 'model',
        inputs: [
          { name: 'audio_signal', type: f32, rank: 3 },
          { name: 'length', type: i64, rank: 1 },
        ],
        outputs: [{ name: ['logprobs', 'logits'], type: f32, rank: 3 }],
      },
    ],
  },
  {
    family: 'whisper',
    task: 'asr',
    roles: [
      { role: 'encoder', match: /^onnx\/encoder_model(_quantized|_fp16|_q4)?\.onnx$/ },
      { role: 'decoder', match: /^onnx\/decoder_model_merged(_quantized|_fp16|_q4)?\.onnx$/ },
      { role: 'config', match: /^config\.json$/ },
      { role: 'generation_config', match: /^generation_config\.json$/ },
      { role: 'preprocessor', match: /^preprocessor_config\.json$/ },
      { role: 'tokenizer', match: /^tokenizer\.json$/ },
      { role: 'tokenizer_config', match: /^tokenizer_config\.json$/, optional: true },
    ],
    onnx: [
      {
        role: 'encoder',
        inputs: [{ name: 'input_features', type: [f32, 'float16'], rank: 3 }],
        outputs: [{ name: 'last_hidden_state', type: [f32, 'float16'], rank: 3 }],
      },
      {
        role: 'decoder',
        inputs: [
          { name: 'input_ids', type: i64, rank: 2 },
          { name: 'encoder_hidden_states', type: [f32, 'float16'], rank: 3 },
          { name: 'use_cache_branch', type: 'bool', rank: 1 },
        ],
        outputs: [{ name: 'logits', type: [f32, 'float16'], rank: 3 }],
        extraInputs: /^(past_key_values\.\d+\.(decoder|encoder)\.(key|value)|attention_mask)$/,
      },
    ],
  },
  ...(['marian', 'm2m100'] as const).map(
    (family): FamilySpec => ({
      family,
      task: 'mt',
      roles: SEQ2SEQ_ROLES,
      onnx: [
        {
          role: 'encoder',
          inputs: [
            { name: 'input_ids', type: i64, rank: 2 },
            { name: 'attention_mask', type: i64, rank: 2, optional: true },
          ],
          outputs: [{ name: 'last_hidden_state', type: [f32, 'float16'], rank: 3 }],
        },
        {
          role: 'decoder',
          inputs: [
            { name: 'input_ids', type: i64, rank: 2 },
            { name: 'encoder_hidden_states', type: [f32, 'float16'], rank: 3 },
            { name: 'use_cache_branch', type: 'bool', rank: 1 },
          ],
          outputs: [{ name: 'logits', type: [f32, 'float16'], rank: 3 }],
          extraInputs: /^(past_key_values\.\d+\.(decoder|encoder)\.(key|value)|encoder_attention_mask)$/,
        },
      ],
    }),
  ),
  {
    // IndicTrans2 ONNX exports (the community layout of the dist-200M/320M/1B
    // checkpoints): first-step and with-past decoders, fairseq dictionaries
    // and SentencePiece models for each side.
    family: 'indictrans2',
    task: 'mt',
    roles: [
      { role: 'encoder', match: /^(onnx\/)?encoder_model(_int8|_quantized|_fp16|_q4f16)?\.onnx$/ },
      { role: 'decoder', match: /^(onnx\/)?decoder_model(_int8|_quantized|_fp16|_q4f16)?\.onnx$/ },
      {
        role: 'decoder_with_past',
        match: /^(onnx\/)?decoder_with_past_model(_int8|_quantized|_fp16|_q4f16)?\.onnx$/,
      },
      { role: 'dict_src', match: /^dict\.SRC\.json$/ },
      { role: 'dict_tgt', match: /^dict\.TGT\.json$/ },
      { role: 'spm_src', match: /^model\.SRC$/ },
      { role: 'spm_tgt', match: /^model\.TGT$/, optional: true },
      { role: 'config', match: /^config\.json$/ },
      { role: 'generation_config', match: /^generation_config\.json$/, optional: true },
      { role: 'tokenizer_config', match: /^tokenizer_config\.json$/, optional: true },
    ],
    onnx: [
      {
        role: 'encoder',
        inputs: [
          { name: 'input_ids', type: i64, rank: 2 },
          { name: 'attention_mask', type: i64, rank: 2 },
        ],
        outputs: [{ name: 'last_hidden_state', type: [f32, 'float16'], rank: 3 }],
      },
      {
        role: 'decoder',
        inputs: [
          { name: 'input_ids', type: i64, rank: 2 },
          { name: 'encoder_attention_mask', type: i64, rank: 2 },
          { name: 'encoder_hidden_states', type: [f32, 'float16'], rank: 3 },
        ],
        outputs: [
          { name: 'logits', type: [f32, 'float16'], rank: 3 },
          { name: 'present.0.decoder.key', type: [f32, 'float16'], rank: 4 },
          { name: 'present.0.encoder.key', type: [f32, 'float16'], rank: 4 },
        ],
      },
      {
        role: 'decoder_with_past',
        inputs: [
          { name: 'input_ids', type: i64, rank: 2 },
          { name: 'encoder_attention_mask', type: i64, rank: 2 },
          { name: 'past_key_values.0.decoder.key', type: [f32, 'float16'], rank: 4 },
          { name: 'past_key_values.0.encoder.key', type: [f32, 'float16'], rank: 4 },
        ],
        outputs: [{ name: 'logits', type: [f32, 'float16'], rank: 3 }],
        extraInputs: /^past_key_values\.\d+\.(decoder|encoder)\.(key|value)$/,
      },
    ],
  },
  {
    family: 'silero-vad',
    task: 'vad',
    roles: [{ role: 'model', match: /\.onnx$/ }],
    onnx: [
      {
        role: 'model',
        inputs: [
          { name: 'input', type: f32, rank: 2 },
          { name: 'state', type: f32, rank: 3 },
          { name: 'sr', type: i64, rank: [0, 1] },
        ],
        outputs: [
          { name: 'output', type: f32, rank: 2 },
          { name: 'stateN', type: f32, rank: 3 },
        ],
      },
    ],
  },
];

export function familySpec(family: string): FamilySpec | undefined {
  return FAMILIES.find((f) => f.family === family);
}
