/**
 * The resampler's inner loop, in two interchangeable forms: a WebAssembly SIMD
 * core (f32x4, several times faster than scalar JS) and a plain JavaScript
 * core used where WASM SIMD is unavailable. One is chosen when the module
 * loads and used for every call, so one-shot and streaming output stay
 * bit-identical within a process.
 *
 * Both run in blocks over a window copied from the input, with zeros for any
 * index outside it: the filter sees silence beyond both ends without anyone
 * making a padded copy of a long input.
 */
import type { FilterBank } from './resample-filter.js';

/**
 * Computes `count` outputs starting at the output whose input position is
 * (i, p) — i = floor(n·down/up), p = n·down mod up — reading `src`, whose
 * element 0 is input index `first`. Returns the position after the last one.
 */
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

/**
 * One block of `m` outputs over a window whose element 0 is the first tap of
 * relative position 0. `run` returns the relative i and the phase after it.
 */
interface Core {
  window(bank: FilterBank, span: number, m: number): Float32Array;
  run(bank: FilterBank, m: number, p: number, out: Float32Array, outPos: number): [number, number];
}

/** Outputs per block: bounds the window copied for each. */
const BLOCK = 16384;

function blocked(core: Core): Kernel {
  return (bank, src, first, out, outPos, count, i, p) => {
    const { half, up, down } = bank;
    const end = first + src.length;
    for (let done = 0; done < count;) {
      const m = Math.min(BLOCK, count - done);
      // Input indices the block reads: from the first output's first tap
      // (i - half + 1) to the last output's last tap (its i + half), where the
      // last output's i is at most iAfter, the position after the block.
      const iAfter = i + Math.floor((m * down + p) / up);
      const lo = i - half + 1;
      const hi = iAfter + half + 1;
      const win = core.window(bank, hi - lo, m);
      const a = Math.min(Math.max(lo, first), hi);
      const b = Math.max(Math.min(hi, end), a);
      win.fill(0, 0, a - lo);
      win.set(src.subarray(a - first, b - first), a - lo);
      win.fill(0, b - lo);
      const [di, np] = core.run(bank, m, p, out, outPos + done);
      i += di;
      p = np;
      done += m;
    }
    return { i, p };
  };
}

function makeJsCore(): Core {
  let scratch = new Float32Array(0);
  return {
    window(_bank, span) {
      if (scratch.length < span) scratch = new Float32Array(span);
      return scratch.subarray(0, span);
    },
    run(bank, m, p, out, outPos) {
      const { coeffs, rowOffset, taps, up, down } = bank;
      const iStep = Math.floor(down / up);
      const pStep = down % up;
      const src = scratch;
      let i = 0;
      for (let k = 0; k < m; k++) {
        const c = rowOffset[p];
        // Four partial sums break the add dependency chain; taps is a multiple of 8.
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let t = 0; t < taps; t += 4) {
          s0 += src[i + t] * coeffs[c + t];
          s1 += src[i + t + 1] * coeffs[c + t + 1];
          s2 += src[i + t + 2] * coeffs[c + t + 2];
          s3 += src[i + t + 3] * coeffs[c + t + 3];
        }
        out[outPos + k] = s0 + s1 + (s2 + s3);
        i += iStep;
        p += pStep;
        if (p >= up) {
          p -= up;
          i++;
        }
      }
      return [i, p];
    },
  };
}

// Built from fir.wat (next to this file) with:
//   wat2wasm native/audio/fir.wat -o - | base64 -w0
const FIR_WASM_BASE64 =
  'AGFzbQEAAAABDwFgC39/f39/f39/f39/AAMCAQAFAwEAAQcQAgZtZW1vcnkCAANydW4AAAqVAgGSAgIDfwJ7AkAgBEEATA0AA0AgACAFQQJ0aiELIAEgAiAGQQJ0aigCAEECdGohDCAMIApBAnRqIQ39DAAAAAAAAAAAAAAAAAAAAAAhDv0MAAAAAAAAAAAAAAAAAAAAACEPA0AgDiAL/QACACAM/QACAP3mAf3kASEOIA8gC/0AAhAgDP0AAhD95gH95AEhDyALQSBqIQsgDEEgaiEMIAwgDUkNAAsgDiAP/eQBIQ4gAyAO/R8AIA79HwGSIA79HwIgDv0fA5KSOAIAIANBBGohAyAFIAdqIQUgBiAIaiEGIAYgCU8EQCAGIAlrIQYgBUEBaiEFCyAEQQFrIQQgBEEASg0ACwtBACAFNgIAQQQgBjYCAAs=';

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

function makeWasmCore(): Core | undefined {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const bytes = Buffer.from(FIR_WASM_BASE64, 'base64');
  if (!wasm || !wasm.validate(bytes)) return undefined;
  let fir: FirExports;
  try {
    fir = new wasm.Instance(new wasm.Module(bytes)).exports as FirExports;
  } catch {
    return undefined;
  }
  // Memory layout: [0, 16) the (i, p) return slot; the loaded bank's
  // coefficients and row offsets; the input window; the output block.
  const COEF = 16;
  let loaded: FilterBank | undefined;
  let rowsAt = 0;
  let srcAt = 0;
  let outAt = 0;

  const ensure = (bytesNeeded: number): void => {
    const have = fir.memory.buffer.byteLength;
    if (bytesNeeded > have) fir.memory.grow(Math.ceil((bytesNeeded - have) / 65536));
  };

  return {
    window(bank, span, m) {
      if (loaded !== bank) {
        rowsAt = COEF + bank.coeffs.length * 4;
        srcAt = rowsAt + bank.rowOffset.length * 4;
        ensure(srcAt);
        new Float32Array(fir.memory.buffer, COEF, bank.coeffs.length).set(bank.coeffs);
        new Int32Array(fir.memory.buffer, rowsAt, bank.rowOffset.length).set(bank.rowOffset);
        loaded = bank;
      }
      outAt = srcAt + span * 4;
      ensure(outAt + m * 4);
      return new Float32Array(fir.memory.buffer, srcAt, span);
    },
    run(bank, m, p, out, outPos) {
      const { up, down, taps } = bank;
      fir.run(srcAt, COEF, rowsAt, outAt, m, 0, p, Math.floor(down / up), down % up, up, taps);
      const mem = fir.memory.buffer;
      out.set(new Float32Array(mem, outAt, m), outPos);
      const ret = new Int32Array(mem, 0, 2);
      return [ret[0], ret[1]];
    },
  };
}

export const jsKernel: Kernel = blocked(makeJsCore());

const wasmCore = makeWasmCore();
export const wasmKernel: Kernel | undefined = wasmCore ? blocked(wasmCore) : undefined;

/** The kernel this process uses. */
export const runKernel: Kernel = wasmKernel ?? jsKernel;

/** Which kernel runKernel is, for benchmarks and diagnostics. */
export const kernelKind: 'wasm-simd' | 'js' = wasmKernel ? 'wasm-simd' : 'js';
