import { describe, expect, it } from 'vitest';
import { forTransfer } from '../../../native/workers/tensors.js';

describe('forTransfer', () => {
  it('transfers a whole buffer as is', () => {
    const data = new Float32Array([1, 2]);
    const { tensors, transfer } = forTransfer({ x: { type: 'float32', dims: [2], data } });
    expect(tensors.x.data).toBe(data);
    expect(transfer).toEqual([data.buffer]);
  });

  it('copies a view on part of a buffer, and a buffer shared by two tensors', () => {
    const big = new Float32Array([1, 2, 3, 4]);
    const { tensors, transfer } = forTransfer({
      part: { type: 'float32', dims: [2], data: big.subarray(1, 3) },
      whole: { type: 'float32', dims: [4], data: big },
      again: { type: 'float32', dims: [4], data: big },
    });
    expect(Array.from(tensors.part.data as Float32Array)).toEqual([2, 3]);
    expect((tensors.part.data as Float32Array).buffer).not.toBe(big.buffer);
    expect(tensors.whole.data).toBe(big);
    expect(tensors.again.data).not.toBe(big);
    expect(new Set(transfer).size).toBe(3);
  });

  it('copies everything with copy = true, and leaves strings alone', () => {
    const data = new BigInt64Array([1n, 2n]);
    const { tensors, transfer } = forTransfer(
      {
        ids: { type: 'int64', dims: [2], data },
        words: { type: 'string', dims: [1], data: ['नमस्ते'] },
      },
      true,
    );
    expect(tensors.ids.data).not.toBe(data);
    expect(Array.from(tensors.ids.data as BigInt64Array)).toEqual([1n, 2n]);
    expect(tensors.words.data).toEqual(['नमस्ते']);
    expect(transfer).toHaveLength(1);
  });
});
