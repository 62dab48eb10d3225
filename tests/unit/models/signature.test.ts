import { describe, expect, it } from 'vitest';
import { familySpec } from '../../../native/models/families.js';
import { checkSignature } from '../../../native/models/signature.js';
import type { SessionInfo, ValueInfo } from '../../../native/workers/inference.js';

const v = (name: string, type: string, rank: number): ValueInfo => ({
  name,
  isTensor: true,
  type,
  shape: Array.from({ length: rank }, (_, i) => `d${i}`),
  rank,
});

function session(inputs: ValueInfo[], outputs: ValueInfo[]): SessionInfo {
  return {
    id: 's1',
    modelPath: '/m/voice.onnx',
    inputNames: inputs.map((i) => i.name),
    outputNames: outputs.map((o) => o.name),
    inputMetadata: inputs,
    outputMetadata: outputs,
  };
}

const piper = familySpec('piper')!.onnx[0];
const good = (): ValueInfo[] => [
  v('input', 'int64', 2),
  v('input_lengths', 'int64', 1),
  v('scales', 'float32', 1),
];

describe('checkSignature', () => {
  it('accepts a Piper voice with or without sid, output rank 3 or 4', () => {
    expect(() =>
      checkSignature(session(good(), [v('output', 'float32', 4)]), piper, 'v.onnx', 'piper'),
    ).not.toThrow();
    expect(() =>
      checkSignature(
        session([...good(), v('sid', 'int64', 1)], [v('output', 'float32', 3)]),
        piper,
        'v.onnx',
        'piper',
      ),
    ).not.toThrow();
  });

  it('names the file and the tensor of a wrong rank', () => {
    const inputs = good();
    inputs[0] = v('input', 'int64', 3);
    expect(() =>
      checkSignature(session(inputs, [v('output', 'float32', 4)]), piper, '/m/v.onnx', 'piper'),
    ).toThrow(/\/m\/v\.onnx: input tensor "input" has rank 3, expected 2/);
  });

  it('names the file and the tensor of a wrong element type', () => {
    const inputs = good();
    inputs[2] = v('scales', 'float16', 1);
    expect(() =>
      checkSignature(session(inputs, [v('output', 'float32', 4)]), piper, '/m/v.onnx', 'piper'),
    ).toThrow(/input tensor "scales" has element type float16, expected float32/);
  });

  it('refuses an input nobody would feed, and a missing output', () => {
    expect(() =>
      checkSignature(
        session([...good(), v('extra', 'int64', 1)], [v('output', 'float32', 4)]),
        piper,
        'v.onnx',
        'piper',
      ),
    ).toThrow(/unexpected input tensor "extra"/);
    expect(() =>
      checkSignature(session(good(), [v('wav', 'float32', 4)]), piper, 'v.onnx', 'piper'),
    ).toThrow(/output tensor "output" is missing/);
  });

  it('accepts the KV-cache inputs of a merged Whisper decoder', () => {
    const dec = familySpec('whisper')!.onnx[1];
    const inputs = [
      v('input_ids', 'int64', 2),
      v('encoder_hidden_states', 'float32', 3),
      v('past_key_values.0.decoder.key', 'float32', 4),
      v('past_key_values.0.encoder.value', 'float32', 4),
      v('use_cache_branch', 'bool', 1),
    ];
    expect(() =>
      checkSignature(session(inputs, [v('logits', 'float32', 3)]), dec, 'd.onnx', 'whisper'),
    ).not.toThrow();
  });
});
