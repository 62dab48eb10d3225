import wavefile from 'wavefile';

const { WaveFile } = wavefile;

/** wavefile bit-depth codes and the integer range (or float) each one holds. */
export type WaveFileDepth = '8' | '16' | '24' | '32' | '32f' | '64';

/**
 * Random samples in the native units wavefile expects for a depth (unsigned
 * bytes for 8-bit, signed integers, or floats), and the value our decoder must
 * produce for each.
 */
export function randomSamples(
  depth: WaveFileDepth,
  channels: number,
  frames: number,
  seed = 1,
): { native: number[][]; expected: Float32Array[] } {
  let s = seed >>> 0 || 1;
  const rand = (): number => {
    // xorshift32: reproducible without a dependency
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const native: number[][] = [];
  const expected: Float32Array[] = [];
  for (let c = 0; c < channels; c++) {
    const nat: number[] = [];
    const exp = new Float32Array(frames);
    for (let i = 0; i < frames; i++) {
      // Include the extremes so full-scale handling is exercised.
      const r = i === 0 ? 0 : i === 1 ? 0.9999999 : rand();
      if (depth === '8') {
        const v = Math.floor(r * 256);
        nat.push(v);
        exp[i] = (v - 128) / 128;
      } else if (depth === '32f' || depth === '64') {
        const v = r * 2 - 1;
        nat.push(v);
        exp[i] = v;
      } else {
        const full = 2 ** (Number(depth) - 1);
        const v = Math.floor(r * 2 * full) - full;
        nat.push(v);
        exp[i] = v / full;
      }
    }
    native.push(nat);
    expected.push(exp);
  }
  return { native, expected };
}

export function makeWav(depth: WaveFileDepth, sampleRate: number, native: number[][]): Uint8Array {
  const w = new WaveFile();
  w.fromScratch(native.length, sampleRate, depth, native.length === 1 ? native[0] : native);
  return w.toBuffer();
}

function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** Offsets of every top-level chunk header. */
export function chunkOffsets(wav: Uint8Array): Map<string, number> {
  const dv = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const found = new Map<string, number>();
  for (let p = 12; p + 8 <= wav.length;) {
    const size = dv.getUint32(p + 4, true);
    found.set(fourcc(wav, p), p);
    p += 8 + size + (size & 1);
  }
  return found;
}

function chunk(id: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  for (let k = 0; k < 4; k++) out[k] = id.charCodeAt(k);
  new DataView(out.buffer).setUint32(4, body.length, true);
  out.set(body, 8);
  return out;
}

function fixRiffSize(wav: Uint8Array): Uint8Array {
  new DataView(wav.buffer, wav.byteOffset).setUint32(4, wav.length - 8, true);
  return wav;
}

/** Inserts a chunk (padded to even size, as RIFF requires) before the chunk `before`. */
export function insertChunk(
  wav: Uint8Array,
  id: string,
  body: Uint8Array,
  before: string,
): Uint8Array {
  const at = chunkOffsets(wav).get(before);
  if (at === undefined) throw new Error(`no ${before} chunk`);
  const c = chunk(id, body);
  const out = new Uint8Array(wav.length + c.length);
  out.set(wav.subarray(0, at), 0);
  out.set(c, at);
  out.set(wav.subarray(at), at + c.length);
  return fixRiffSize(out);
}

/** Rewrites the fmt chunk as WAVE_FORMAT_EXTENSIBLE (40 bytes, PCM or float sub-format). */
export function toExtensible(wav: Uint8Array, validBits?: number): Uint8Array {
  const at = chunkOffsets(wav).get('fmt ');
  if (at === undefined) throw new Error('no fmt chunk');
  const dv = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const oldSize = dv.getUint32(at + 4, true);
  const tag = dv.getUint16(at + 8, true);
  const body = new Uint8Array(40);
  body.set(wav.subarray(at + 8, at + 24), 0);
  const b = new DataView(body.buffer);
  b.setUint16(0, 0xfffe, true);
  b.setUint16(16, 22, true);
  b.setUint16(18, validBits ?? b.getUint16(14, true), true);
  b.setUint32(20, 0, true);
  b.setUint16(24, tag === 0xfffe ? 1 : tag, true);
  body.set([0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xaa, 0, 0x38, 0x9b, 0x71], 26);
  const c = chunk('fmt ', body);
  const end = at + 8 + oldSize + (oldSize & 1);
  const out = new Uint8Array(wav.length - (end - at) + c.length);
  out.set(wav.subarray(0, at), 0);
  out.set(c, at);
  out.set(wav.subarray(end), at + c.length);
  return fixRiffSize(out);
}

export function setFormatTag(wav: Uint8Array, tag: number): Uint8Array {
  const out = wav.slice();
  const at = chunkOffsets(out).get('fmt ');
  if (at === undefined) throw new Error('no fmt chunk');
  new DataView(out.buffer).setUint16(at + 8, tag, true);
  return out;
}

export function asciiBytes(s: string): Uint8Array {
  return Uint8Array.from(s, (ch) => ch.charCodeAt(0));
}
