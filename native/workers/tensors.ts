/**
 * Tensors as they cross to and from the inference worker: plain
 * `{ type, dims, data }` objects whose typed-array buffers are transferred
 * (moved) rather than copied.
 */

export type TensorType =
  | 'float32'
  | 'float64'
  | 'float16'
  | 'int8'
  | 'uint8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string';

export type TypedArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

export interface WireTensor {
  type: TensorType | string;
  dims: number[];
  /** `bool` travels as Uint8Array, `float16` as Uint16Array, `string` as string[]. */
  data: TypedArray | string[];
}

export type WireTensors = Record<string, WireTensor>;

/**
 * Prepares tensors for `postMessage`: returns what to send and the buffers to
 * transfer. A typed array that is a view on part of a larger buffer (or on a
 * SharedArrayBuffer) is copied first: transferring would detach the whole
 * buffer, and cloning a view would copy all of it. With `copy`, every array
 * is copied and the caller's arrays stay usable.
 */
export function forTransfer(
  tensors: WireTensors,
  copy = false,
): { tensors: WireTensors; transfer: ArrayBuffer[] } {
  const out: WireTensors = {};
  const transfer = new Set<ArrayBuffer>();
  for (const [name, t] of Object.entries(tensors)) {
    let data = t.data;
    if (!Array.isArray(data)) {
      const typed = data as TypedArray;
      const whole =
        typed.buffer instanceof ArrayBuffer &&
        typed.byteOffset === 0 &&
        typed.byteLength === typed.buffer.byteLength;
      // A buffer already listed (two tensors on one buffer) is copied too.
      if (copy || !whole || transfer.has(typed.buffer as ArrayBuffer)) data = typed.slice();
      transfer.add((data as TypedArray).buffer as ArrayBuffer);
    }
    out[name] = { type: t.type, dims: [...t.dims], data };
  }
  return { tensors: out, transfer: [...transfer] };
}
