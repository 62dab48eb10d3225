/**
 * The resampler's inner loop, in two interchangeable forms with one signature:
 * a WebAssembly SIMD kernel (f32x4, several times faster than scalar JS on
 * every CPU Node runs on) and a plain JavaScript kernel used where WASM SIMD
 * is unavailable. One is chosen when the module loads and used for every call,
 * so one-shot and streaming output stay bit-identical within a process.
 */
import type { FilterBank } from './resample-filter.js';

export type Kernel = (
  bank: FilterBank,
  src: Float32Array,
  first: number,
  out: Float32Array,
  outPos: number,
  count: number,
  i: number,
  p: number,
) => { i: number; p: number };

// Built from fir.wat (next to this file) with:
//   wat2wasm native/audio/fir.wat -o - | base64 -w0
const FIR_WASM_BASE64 =
  'AGFzbQEAAAABDwFgC39/f39/f39/f39/AAMCAQAFAwEAAQcQAgZtZW1vcnkCAANydW4AAAqVAgGSAgIDfwJ7AkAgBEEATA0AA0AgACAFQQJ0aiELIAEgAiAGQQJ0aigCAEECdGohDCAMIApBAnRqIQ39DAAAAAAAAAAAAAAAAAAAAAAhDv0MAAAAAAAAAAAAAAAAAAAAACEPA0AgDiAL/QACACAM/QACAP3mAf3kASEOIA8gC/0AAhAgDP0AAhD95gH95AEhDyALQSBqIQsgDEEgaiEMIAwgDUkNAAsgDiAP/eQBIQ4gAyAO/R8AIA79HwGSIA79HwIgDv0fA5KSOAIAIANBBGohAyAFIAdqIQUgBiAIaiEGIAYgCU8EQCAGIAlrIQYgBUEBaiEFCyAEQQFrIQQgBEEASg0ACwtBACAFNgIAQQQgBjYCAAs=';

/**
 * Computes `count` outputs starting at the output whose input position is
 * (i, p) — i = floor(n·down/up), p = n·down mod up — reading `src`, whose
 * element 0 is input index `first`. Returns the position after the last one.
 */
export const jsKernel: Kernel = (bank, src, first, out, outPos, count, i, p) => {
  const { coeffs, rowOffset, taps, half, up, down } = bank;
  const iStep = Math.floor(down / up);
  const pStep = down % up;
  const lead = 1 - half - first;
  for (let k = 0; k < count; k++) {
    const b = i + lead;
    const c = rowOffset[p];
    // Four partial sums break the add dependency chain; taps is a multiple of 8.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = 0; t < taps; t += 4) {
      s0 += src[b + t] * coeffs[c + t];
      s1 += src[b + t + 1] * coeffs[c + t + 1];
      s2 += src[b + t + 2] * coeffs[c + t + 2];
      s3 += src[b + t + 3] * coeffs[c + t + 3];
    }
    out[outPos + k] = s0 + s1 + (s2 + s3);
    i += iStep;
    p += pStep;
    if (p >= up) {
      p -= up;
      i++;
    }
  }
  return { i, p };
};

// The project's lib settings carry no WebAssembly typings (no DOM lib), so the
// little this file uses is declared here.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface FirExports {
  memory: WasmMemory;
  run: (
    src: number,
    coef: number,
    rows: number,
    out: number,
    count: number,
    i: number,
    p: number,
    iStep: number,
    pStep: number,
    up: number,
    taps: number,
  ) => void;
}

/** Outputs per WASM call: bounds the input and output copied into WASM memory. */
const BLOCK = 16384;

function makeWasmKernel(): Kernel | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const bytes = Buffer.from(FIR_WASM_BASE64, 'base64');
  if (!wasm || !wasm.validate(bytes)) return undefined;
  let fir: FirExports;
  try {
    fir = new wasm.Instance(new wasm.Module(bytes)).exports as FirExports;
  } catch {
    return undefined;
  }
  // Layout: [0, 16) the (i, p) return slot; then the loaded bank's coefficients
  // and row offsets; then the input window; then the output block.
  let loaded: FilterBank | undefined;
  const COEF = 16;
  let rowsAt = 0;
  let srcAt = 0;

  const ensure = (bytesNeeded: number): void => {
    const have = fir.memory.buffer.byteLength;
    if (bytesNeeded > have) fir.memory.grow(Math.ceil((bytesNeeded - have) / 65536));
  };

  return (bank, src, first, out, outPos, count, i, p) => {
    const { half, taps, up, down } = bank;
    const iStep = Math.floor(down / up);
    const pStep = down % up;
    if (loaded !== bank) {
      rowsAt = COEF + bank.coeffs.length * 4;
      srcAt = rowsAt + bank.rowOffset.length * 4;
      ensure(srcAt);
      new Float32Array(fir.memory.buffer, COEF, bank.coeffs.length).set(bank.coeffs);
      new Int32Array(fir.memory.buffer, rowsAt, bank.rowOffset.length).set(bank.rowOffset);
      loaded = bank;
    }
    for (let done = 0; done < count; ) {
      const m = Math.min(BLOCK, count - done);
      // Input indices this block reads: from the first output's first tap to
      // past the last output's last tap (its i is at most iAfter).
      const iAfter = i + m * iStep + Math.floor((p + m * pStep) / up);
      const lo = i - half + 1;
      const hi = Math.min(iAfter + half, first + src.length);
      const span = hi - lo;
      const outAt = srcAt + span * 4;
      ensure(outAt + m * 4);
      const mem = fir.memory.buffer;
      new Float32Array(mem, srcAt, span).set(src.subarray(lo - first, hi - first));
      fir.run(srcAt, COEF, rowsAt, outAt, m, 0, p, iStep, pStep, up, taps);
      out.set(new Float32Array(mem, outAt, m), outPos + done);
      const ret = new Int32Array(mem, 0, 2);
      i += ret[0];
      p = ret[1];
      done += m;
    }
    return { i, p };
  };
}

const wasmKernel = makeWasmKernel();

/** The kernel this process uses. */
export const runKernel: Kernel = wasmKernel ?? jsKernel;

/** Which kernel runKernel is, for benchmarks and diagnostics. */
export const kernelKind: 'wasm-simd' | 'js' = wasmKernel ? 'wasm-simd' : 'js';

export { wasmKernel };
