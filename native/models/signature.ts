/**
 * Checks an ONNX session's inputs and outputs against its family's spec. Every
 * message names the file and the tensor, so that "the model does not work"
 * becomes "hi_IN-x.onnx has no input `scales`".
 */
import { UserError } from '../contract/errors.js';
import type { SessionInfo, ValueInfo } from '../workers/inference.js';
import type { OnnxSpec, TensorSpec } from './families.js';

const list = <T>(v: T | readonly T[]): readonly T[] => (Array.isArray(v) ? v : [v as T]);

export function checkSignature(info: SessionInfo, spec: OnnxSpec, file: string, family: string): void {
  checkSide('input', info.inputMetadata, info.inputNames, spec.inputs, spec.extraInputs, file, family);
  checkSide('output', info.outputMetadata, info.outputNames, spec.outputs, undefined, file, family);
}

function checkSide(
  side: 'input' | 'output',
  metadata: ValueInfo[],
  names: string[],
  specs: readonly TensorSpec[],
  extra: RegExp | undefined,
  file: string,
  family: string,
): void {
  const byName = new Map(metadata.map((m) => [m.name, m]));
  const claimed = new Set<string>();
  const fail = (what: string): never => {
    throw new UserError(
      'model_invalid',
      `${file}: ${what} (a ${family} model's ${side}s are ${describe(specs)}; this file has ${names.join(', ') || 'none'})`,
      'the file is not the export this family expects: re-export or re-download it',
    );
  };
  for (const spec of specs) {
    const wanted = list(spec.name);
    const name = wanted.find((n) => names.includes(n));
    if (name === undefined) {
      if (spec.optional) continue;
      fail(`${side} tensor "${wanted.join('" or "')}" is missing`);
      continue;
    }
    claimed.add(name);
    const m = byName.get(name);
    if (!m) continue; // ORT gave names only: nothing more to check
    const types = list(spec.type);
    if (m.type !== undefined && !types.includes(m.type)) {
      fail(`${side} tensor "${name}" has element type ${m.type}, expected ${types.join(' or ')}`);
    }
    const ranks = list(spec.rank);
    // ORT reports an unknown shape as rank 0: only a known rank can be wrong.
    if (m.rank !== undefined && m.rank !== 0 && !ranks.includes(m.rank)) {
      fail(`${side} tensor "${name}" has rank ${m.rank}, expected ${ranks.join(' or ')}`);
    }
  }
  if (side === 'input') {
    // An input nobody feeds would make every run fail: refuse it now.
    for (const n of names) {
      if (!claimed.has(n) && !extra?.test(n)) fail(`unexpected input tensor "${n}"`);
    }
  }
}

function describe(specs: readonly TensorSpec[]): string {
  return specs
    .map((s) => `${list(s.name).join('|')}${s.optional ? '?' : ''}: ${list(s.type).join('|')}`)
    .join(', ');
}
