/**
 * A hand-encoded ONNX model for the inference-worker tests. Python (and the
 * `onnx` package) is not available to unit tests, and the protobuf wire format
 * of the few messages a model needs is small, so the bytes are written here.
 *
 * The graph (opset 13, IR 7):
 *   sum = Add(a, b)          a: float[batch, 3], b: float[3]
 *   y   = MatMul(sum, W)     W: float[3, 2] initializer
 * Outputs: sum float[batch, 3], y float[batch, 2].
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The initializer W, row-major [3, 2]; tests compute expected values from it. */
export const TINY_W = [1, 2, 3, 4, 5, 6] as const;

const FLOAT = 1; // TensorProto.DataType.FLOAT

// --- protobuf wire format: varint (type 0) and length-delimited (type 2) ---

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

function tag(field: number, wireType: 0 | 2): number[] {
  return varint((field << 3) | wireType);
}

function intField(field: number, value: number): number[] {
  return [...tag(field, 0), ...varint(value)];
}

function bytesField(field: number, bytes: ArrayLike<number>): number[] {
  return [...tag(field, 2), ...varint(bytes.length), ...Array.from(bytes)];
}

function stringField(field: number, s: string): number[] {
  return bytesField(field, new TextEncoder().encode(s));
}

// --- ONNX messages (field numbers from onnx/onnx.proto) ---

type Dim = number | string;

function shapeProto(dims: Dim[]): number[] {
  // TensorShapeProto.dim = 1; Dimension.dim_value = 1, dim_param = 2
  return dims.flatMap((d) =>
    bytesField(1, typeof d === 'number' ? intField(1, d) : stringField(2, d)),
  );
}

function valueInfo(name: string, elemType: number, dims: Dim[]): number[] {
  // TypeProto.Tensor: elem_type = 1, shape = 2; TypeProto.tensor_type = 1
  const tensorType = [...intField(1, elemType), ...bytesField(2, shapeProto(dims))];
  const typeProto = bytesField(1, tensorType);
  // ValueInfoProto: name = 1, type = 2
  return [...stringField(1, name), ...bytesField(2, typeProto)];
}

function node(op: string, inputs: string[], outputs: string[], name: string): number[] {
  // NodeProto: input = 1, output = 2, name = 3, op_type = 4
  return [
    ...inputs.flatMap((i) => stringField(1, i)),
    ...outputs.flatMap((o) => stringField(2, o)),
    ...stringField(3, name),
    ...stringField(4, op),
  ];
}

function floatTensor(name: string, dims: number[], values: readonly number[]): number[] {
  // TensorProto: dims = 1, data_type = 2, name = 8, raw_data = 9 (little-endian)
  const raw = new Uint8Array(new Float32Array(values).buffer);
  return [
    ...dims.flatMap((d) => intField(1, d)),
    ...intField(2, FLOAT),
    ...stringField(8, name),
    ...bytesField(9, raw),
  ];
}

/** The model's bytes. */
export function tinyOnnxModel(): Uint8Array {
  // GraphProto: node = 1, name = 2, initializer = 5, input = 11, output = 12
  const graph = [
    ...bytesField(1, node('Add', ['a', 'b'], ['sum'], 'add')),
    ...bytesField(1, node('MatMul', ['sum', 'W'], ['y'], 'matmul')),
    ...stringField(2, 'tiny'),
    ...bytesField(5, floatTensor('W', [3, 2], TINY_W)),
    ...bytesField(11, valueInfo('a', FLOAT, ['batch', 3])),
    ...bytesField(11, valueInfo('b', FLOAT, [3])),
    ...bytesField(12, valueInfo('sum', FLOAT, ['batch', 3])),
    ...bytesField(12, valueInfo('y', FLOAT, ['batch', 2])),
  ];
  // OperatorSetIdProto: domain = 1 (empty = ai.onnx), version = 2
  const opset = [...stringField(1, ''), ...intField(2, 13)];
  // ModelProto: ir_version = 1, producer_name = 2, graph = 7, opset_import = 8
  const model = [
    ...intField(1, 7),
    ...stringField(2, 'charkha-tests'),
    ...bytesField(7, graph),
    ...bytesField(8, opset),
  ];
  return Uint8Array.from(model);
}

/** Writes the model into `dir` and returns its path. */
export function writeTinyOnnxModel(dir: string, name = 'tiny.onnx'): string {
  const path = join(dir, name);
  writeFileSync(path, tinyOnnxModel());
  return path;
}
