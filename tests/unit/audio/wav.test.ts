import { describe, expect, it } from 'vitest';
import wavefile from 'wavefile';
import { UserError } from '../../../native/contract/errors.js';
import { decodeWav, encodeWav, readWavHeader } from '../../../native/audio/wav.js';
import {
  asciiBytes,
  chunkOffsets,
  insertChunk,
  makeWav,
  randomSamples,
  setFormatTag,
  toExtensible,
} from './wav-builders.js';
import type { WaveFileDepth } from './wav-builders.js';

const { WaveFile } = wavefile;

function expectSamples(actual: Float32Array[], expected: Float32Array[], tol = 0): void {
  expect(actual.length).toBe(expected.length);
  for (let c = 0; c < expected.length; c++) {
    expect(actual[c].length).toBe(expected[c].length);
    let worst = 0;
    for (let i = 0; i < expected[c].length; i++) {
      worst = Math.max(worst, Math.abs(actual[c][i] - expected[c][i]));
    }
    expect(worst).toBeLessThanOrEqual(tol);
  }
}

function expectUserError(fn: () => unknown, pattern: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(UserError);
  expect((caught as UserError).code).toBe('bad_input');
  expect((caught as UserError).message).toMatch(pattern);
}

const depths: { depth: WaveFileDepth; codec: string; bits: number }[] = [
  { depth: '8', codec: 'pcm', bits: 8 },
  { depth: '16', codec: 'pcm', bits: 16 },
  { depth: '24', codec: 'pcm', bits: 24 },
  { depth: '32', codec: 'pcm', bits: 32 },
  { depth: '32f', codec: 'float', bits: 32 },
  { depth: '64', codec: 'float', bits: 64 },
];

describe('decodeWav against wavefile as an independent encoder', () => {
  for (const { depth, codec, bits } of depths) {
    for (const [channels, rate] of [
      [1, 8000],
      [2, 44100],
      [6, 96000],
    ]) {
      it(`${depth}-bit ${codec}, ${channels} ch, ${rate} Hz`, () => {
        const frames = 1001; // odd, so 8/24-bit data chunks get a pad byte
        const { native, expected } = randomSamples(depth, channels, frames, channels * 7 + bits);
        const bytes = makeWav(depth, rate, native);
        const audio = decodeWav(bytes, 'gen.wav');
        expect(audio.sampleRate).toBe(rate);
        expect(audio.sourceFormat).toEqual({ container: 'wav', codec, bitsPerSample: bits });
        // Integer formats decode exactly; float64 loses only float32 precision.
        expectSamples(audio.channels, expected, depth === '64' ? 6e-8 : 0);
      });
    }
  }

  it('reads WAVE_FORMAT_EXTENSIBLE with PCM and float sub-formats', () => {
    for (const depth of ['16', '24', '32f'] as const) {
      const { native, expected } = randomSamples(depth, 2, 300, 5);
      const bytes = toExtensible(makeWav(depth, 48000, native));
      expect(readWavHeader(bytes).formatTag).toBe(0xfffe);
      expectSamples(decodeWav(bytes, 'ext.wav').channels, expected);
    }
  });

  it('reports valid bits from an extensible header but scales by the container', () => {
    const { native, expected } = randomSamples('24', 1, 50, 9);
    const bytes = toExtensible(makeWav('24', 48000, native), 20);
    const audio = decodeWav(bytes, 'x.wav');
    expect(audio.sourceFormat.bitsPerSample).toBe(20);
    expectSamples(audio.channels, expected);
  });

  it('skips LIST, bext and odd-sized chunks before and after fmt', () => {
    const { native, expected } = randomSamples('16', 2, 500, 3);
    let bytes = makeWav('16', 22050, native);
    const list = asciiBytes('INFOINAM\x05\x00\x00\x00song\x00');
    bytes = insertChunk(bytes, 'LIST', list, 'data');
    bytes = insertChunk(bytes, 'bext', new Uint8Array(602).fill(0x20), 'data');
    bytes = insertChunk(bytes, 'junk', new Uint8Array(7).fill(0xab), 'data'); // odd: pad byte
    bytes = insertChunk(bytes, 'JUNK', new Uint8Array(3), 'fmt '); // odd, before fmt
    const offsets = chunkOffsets(bytes);
    expect(offsets.has('bext') && offsets.has('LIST') && offsets.has('junk')).toBe(true);
    const audio = decodeWav(bytes, 'chunks.wav');
    expectSamples(audio.channels, expected);
    // Pad bytes keep later chunks word-aligned, so the data is still found.
    expect(readWavHeader(bytes).dataOffset % 2).toBe(0);
  });

  it('decodes 32-bit and float data at offsets that are not multiples of 4', () => {
    for (const depth of ['32', '32f', '64'] as const) {
      const { native, expected } = randomSamples(depth, 2, 100, 11);
      const bytes = insertChunk(makeWav(depth, 16000, native), 'pad ', new Uint8Array(2), 'data');
      expect(readWavHeader(bytes).dataOffset % 4).not.toBe(0);
      expectSamples(decodeWav(bytes, 'u.wav').channels, expected, depth === '64' ? 6e-8 : 0);
    }
  });

  it('decodes a data view that does not start at the beginning of its buffer', () => {
    const { native, expected } = randomSamples('16', 1, 64, 2);
    const wav = makeWav('16', 16000, native);
    const host = new Uint8Array(wav.length + 3);
    host.set(wav, 3);
    expectSamples(decodeWav(host.subarray(3), 'view.wav').channels, expected);
  });

  it('reads RF64 files (data size from ds64)', () => {
    const { native, expected } = randomSamples('16', 1, 100, 4);
    const w = new WaveFile();
    w.fromScratch(1, 48000, '16', native[0]);
    const riff = w.toBuffer();
    const dataAt = chunkOffsets(riff).get('data') as number;
    const dataBytes = riff.length - dataAt - 8;
    const ds64 = new Uint8Array(28);
    const d = new DataView(ds64.buffer);
    d.setBigUint64(0, BigInt(riff.length + 36 - 8), true);
    d.setBigUint64(8, BigInt(dataBytes), true);
    d.setBigUint64(16, 100n, true);
    let rf = insertChunk(riff, 'ds64', ds64, 'fmt ');
    rf.set(asciiBytes('RF64'), 0);
    const dv = new DataView(rf.buffer);
    dv.setUint32(4, 0xffffffff, true);
    dv.setUint32((chunkOffsets(rf).get('data') as number) + 4, 0xffffffff, true);
    rf = rf.slice();
    const h = readWavHeader(rf, 'rf64.wav');
    expect(h.container).toBe('RF64');
    expect(h.frames).toBe(100);
    expectSamples(decodeWav(rf, 'rf64.wav').channels, expected);
  });

  it('decodes 2 minutes of 48 kHz stereo far faster than real time', () => {
    // A header over a zero-filled data region: the work is all in the sample loop.
    // (Much of the time here is the OS mapping fresh output pages, not the loop.)
    const frames = 48000 * 60 * 2;
    const header = encodeWav([new Float32Array(0), new Float32Array(0)], 48000);
    const bytes = new Uint8Array(header.length + frames * 4);
    bytes.set(header);
    const dv = new DataView(bytes.buffer);
    dv.setUint32(4, bytes.length - 8, true);
    dv.setUint32(header.length - 4, frames * 4, true);
    const t0 = performance.now();
    const audio = decodeWav(bytes, 'long.wav');
    const ms = performance.now() - t0;
    expect(audio.channels[1].length).toBe(frames);
    // 20× real time is a generous bound for a loaded shared core; an idle
    // one does this in about 100 ms (over 1000×).
    expect(ms).toBeLessThan(6000);
  });
});

describe('readWavHeader', () => {
  it('gives layout without decoding, and accepts just the first bytes of a file', () => {
    const { native } = randomSamples('24', 2, 4000, 1);
    const bytes = insertChunk(makeWav('24', 44100, native), 'LIST', new Uint8Array(10), 'data');
    const h = readWavHeader(bytes.subarray(0, 200), 'a.wav', { fileSize: bytes.length });
    expect(h).toMatchObject({
      container: 'RIFF',
      codec: 'pcm',
      sampleRate: 44100,
      channels: 2,
      bitsPerSample: 24,
      bytesPerSample: 3,
      blockAlign: 6,
      frames: 4000,
      dataBytes: 24000,
    });
    expect(bytes[h.dataOffset - 8]).toBe('d'.charCodeAt(0));
  });
});

describe('bad WAV input is a UserError naming the file', () => {
  const { native } = randomSamples('16', 2, 1000, 8);
  const good = makeWav('16', 16000, native);

  it('refuses a truncated data chunk as corrupt (it is not silently shortened)', () => {
    expectUserError(
      () => decodeWav(good.subarray(0, good.length - 101), 'cut.wav'),
      /^cut\.wav: truncated/,
    );
    expectUserError(
      () => readWavHeader(good.subarray(0, 100), 'cut.wav', { fileSize: 100 }),
      /^cut\.wav: truncated/,
    );
  });

  it('refuses a file cut inside its header', () => {
    expectUserError(() => decodeWav(good.subarray(0, 30), 'h.wav'), /^h\.wav: /);
    expectUserError(() => decodeWav(good.subarray(0, 8), 'h.wav'), /^h\.wav: too short/);
  });

  it('refuses a missing fmt chunk', () => {
    const noFmt = good.slice();
    noFmt.set(asciiBytes('xfmt'), 12);
    expectUserError(() => decodeWav(noFmt, 'nofmt.wav'), /^nofmt\.wav: no fmt chunk/);
  });

  it('refuses an implausible sample rate', () => {
    const z = good.slice();
    new DataView(z.buffer).setUint32(24, 50_000_000, true);
    expectUserError(() => decodeWav(z, 'fast.wav'), /^fast\.wav: implausible sample rate/);
  });

  it('refuses zero channels', () => {
    const z = good.slice();
    new DataView(z.buffer).setUint16(22, 0, true);
    expectUserError(() => decodeWav(z, 'z.wav'), /^z\.wav: .*zero channels/);
  });

  it('refuses compressed WAV codecs by name', () => {
    expectUserError(() => decodeWav(setFormatTag(good, 0x0006), 'alaw.wav'), /^alaw\.wav: .*A-law/);
    expectUserError(
      () => decodeWav(setFormatTag(good, 0x0011), 'ima.wav'),
      /^ima\.wav: .*IMA ADPCM/,
    );
    expectUserError(() => decodeWav(setFormatTag(good, 0x0002), 'ms.wav'), /ADPCM/);
    const ext = toExtensible(good);
    const at = (chunkOffsets(ext).get('fmt ') as number) + 8 + 24;
    new DataView(ext.buffer).setUint16(at, 0x0007, true);
    expectUserError(() => decodeWav(ext, 'mulaw.wav'), /^mulaw\.wav: .*mu-law/);
  });

  it('refuses wrong magic, RIFX and garbage', () => {
    const notWave = good.slice();
    notWave.set(asciiBytes('AVI '), 8);
    expectUserError(() => decodeWav(notWave, 'v.avi'), /^v\.avi: RIFF file is not WAVE/);
    const rifx = good.slice();
    rifx.set(asciiBytes('RIFX'), 0);
    expectUserError(() => decodeWav(rifx, 'be.wav'), /^be\.wav: big-endian/);
    const garbage = Uint8Array.from({ length: 500 }, (_, i) => (i * 37 + 11) & 0xff);
    expectUserError(() => decodeWav(garbage, 'g.wav'), /^g\.wav: not a WAV file/);
  });
});

describe('encodeWav', () => {
  it('round-trips integer samples exactly at 16, 24 and 32 bits', () => {
    for (const bits of [16, 24, 32] as const) {
      const depth = String(bits) as WaveFileDepth;
      const { expected } = randomSamples(depth, 3, 257, bits);
      const bytes = encodeWav(expected, 32000, { bitsPerSample: bits });
      const back = decodeWav(bytes, 'rt.wav');
      expect(back.sourceFormat.bitsPerSample).toBe(bits);
      expectSamples(back.channels, expected);
    }
  });

  it('writes files wavefile reads back (plain, float and extensible)', () => {
    const { expected } = randomSamples('16', 6, 100, 77);
    const w = new WaveFile(encodeWav(expected, 48000));
    const samples = w.getSamples(false) as unknown as Float64Array[];
    expect(samples.length).toBe(6);
    expect(samples[5][10]).toBe(Math.round(expected[5][10] * 32768));
    const f = new WaveFile(encodeWav([expected[0]], 8000, { float: true }));
    expect((f.fmt as { audioFormat: number }).audioFormat).toBe(3);
    expect((f.getSamples() as unknown as Float64Array)[3]).toBe(expected[0][3]);
  });

  it('clips out-of-range samples and rounds plainly', () => {
    const x = Float32Array.from([2, -2, 1, -1, 0.5 / 32768, -0.4 / 32768, 1.6 / 32768, NaN]);
    const back = decodeWav(encodeWav([x], 8000), 'c.wav').channels[0];
    expect(Array.from(back, (v) => Math.round(v * 32768) + 0)).toEqual([
      32767, -32768, 32767, -32768, 1, 0, 2, 0,
    ]);
    const wide = decodeWav(encodeWav([x], 8000, { bitsPerSample: 24 }), 'c.wav').channels[0];
    expect(Math.round(wide[0] * 8388608)).toBe(8388607);
    expect(Math.round(wide[1] * 8388608)).toBe(-8388608);
  });

  it('keeps float samples exactly, including overs', () => {
    const x = Float32Array.from([1.5, -0.25, 1e-9]);
    const back = decodeWav(encodeWav([x], 8000, { float: true }), 'f.wav');
    expect(back.sourceFormat.codec).toBe('float');
    expect(Array.from(back.channels[0])).toEqual(Array.from(x));
  });

  it('pads an odd-sized data chunk', () => {
    const bytes = encodeWav([new Float32Array(3)], 8000, { bitsPerSample: 24 });
    expect(bytes.length % 2).toBe(0);
    expect(readWavHeader(bytes).dataBytes).toBe(9);
  });

  it('rejects mismatched channel lengths and bad options', () => {
    expect(() => encodeWav([new Float32Array(2), new Float32Array(3)], 8000)).toThrow(RangeError);
    expect(() => encodeWav([], 8000)).toThrow(RangeError);
    expect(() => encodeWav([new Float32Array(2)], 0)).toThrow(RangeError);
    expect(() =>
      encodeWav([new Float32Array(2)], 8000, { float: true, bitsPerSample: 16 }),
    ).toThrow(RangeError);
  });
});
