import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import { decodeAudio, decodeAudioFile } from '../../../native/audio/decode.js';
import { sniffAudio } from '../../../native/audio/sniff.js';
import { encodeWav } from '../../../native/audio/wav.js';
import { asciiBytes } from './wav-builders.js';
import { peakFrequency, powerSpectrum, sine } from './spectrum.js';

const fixtures = fileURLToPath(new URL('../../fixtures/audio/', import.meta.url));
const fixture = (name: string): string => join(fixtures, name);

async function expectUserError(p: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  const e: unknown = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(UserError);
  expect((e as UserError).code).toBe(code);
  expect((e as UserError).message).toMatch(pattern);
}

function toneOf(x: Float32Array, rate: number): number {
  const n = 8192;
  return peakFrequency(powerSpectrum(x, Math.floor((x.length - n) / 2), n), rate, n);
}

describe('decodeAudio: compressed fixtures (made with sox, lame, flac, oggenc)', () => {
  it('MP3: 1 s of 440 Hz, mono, 44.1 kHz', async () => {
    const a = await decodeAudioFile(fixture('sine-440hz-mono-44k1.mp3'));
    expect(a.sourceFormat).toEqual({ container: 'mp3', codec: 'mp3' });
    expect(a.sampleRate).toBe(44100);
    expect(a.channels.length).toBe(1);
    // Gapless decoding (LAME header) trims encoder delay and padding.
    expect(Math.abs(a.channels[0].length / 44100 - 1)).toBeLessThan(0.03);
    expect(toneOf(a.channels[0], 44100)).toBeCloseTo(440, 0);
  });

  it('FLAC: 1 s of 1 kHz, stereo, 48 kHz, 16-bit, lossless', async () => {
    const a = await decodeAudioFile(fixture('sine-1000hz-stereo-48k.flac'));
    expect(a.sourceFormat).toEqual({ container: 'flac', codec: 'flac', bitsPerSample: 16 });
    expect(a.sampleRate).toBe(48000);
    expect(a.channels.length).toBe(2);
    expect(a.channels[0].length).toBe(48000);
    expect(toneOf(a.channels[1], 48000)).toBeCloseTo(1000, 0);
    // Lossless, and scaled like WAV: every sample sits on the 16-bit grid k/32768.
    const offGrid = a.channels[0].filter((v) => Math.abs(v * 32768 - Math.round(v * 32768)) > 0.01);
    expect(offGrid.length).toBe(0);
  });

  it('Ogg Vorbis: 1 s of 660 Hz, mono, 22.05 kHz', async () => {
    const a = await decodeAudioFile(fixture('sine-660hz-mono-22k05.ogg'));
    expect(a.sourceFormat).toEqual({ container: 'ogg', codec: 'vorbis' });
    expect(a.sampleRate).toBe(22050);
    expect(a.channels.length).toBe(1);
    expect(a.channels[0].length).toBe(22050);
    expect(toneOf(a.channels[0], 22050)).toBeCloseTo(660, 0);
  });

  it('sniffs by content, not by name', async () => {
    const flac = new Uint8Array(readFileSync(fixture('sine-1000hz-stereo-48k.flac')));
    const a = await decodeAudio(flac, 'misnamed.mp3');
    expect(a.sourceFormat.container).toBe('flac');
  });

  it('decodes WAV through the same entry point', async () => {
    const x = sine(300, 16000, 1600);
    const a = await decodeAudio(encodeWav([x], 16000), 'tone.wav');
    expect(a.sourceFormat.container).toBe('wav');
    expect(a.channels[0].length).toBe(1600);
  });
});

describe('sniffAudio', () => {
  it('recognises each magic', () => {
    expect(sniffAudio(encodeWav([new Float32Array(1)], 8000)).kind).toBe('wav');
    expect(sniffAudio(asciiBytes('fLaC\0\0\0\x22')).kind).toBe('flac');
    expect(sniffAudio(Uint8Array.from([0xff, 0xfb, 0x90, 0x64])).kind).toBe('mp3');
    const id3 = new Uint8Array(30);
    id3.set(asciiBytes('ID3\x04\x00\x00\x00\x00\x00\x0a'));
    id3.set([0xff, 0xfb, 0x90, 0xc4], 20);
    expect(sniffAudio(id3)).toEqual({ kind: 'mp3', offset: 20 });
    const ogg = new Uint8Array(64);
    ogg.set(asciiBytes('OggS'));
    ogg.set(asciiBytes('\x01vorbis'), 28);
    expect(sniffAudio(ogg).kind).toBe('ogg-vorbis');
  });

  it('names formats it knows but does not decode', () => {
    const opus = new Uint8Array(64);
    opus.set(asciiBytes('OggS'));
    opus.set(asciiBytes('OpusHead'), 28);
    expect(sniffAudio(opus)).toEqual({ kind: 'unsupported', what: 'Ogg Opus' });
    expect(sniffAudio(asciiBytes('\0\0\0\x20ftypM4A ')).kind).toBe('unsupported');
    expect(sniffAudio(Uint8Array.from([0xff, 0xf1, 0x50, 0x80])).kind).toBe('unsupported');
    expect(sniffAudio(asciiBytes('FORM\0\0\0\0AIFF')).kind).toBe('unsupported');
  });
});

describe('decodeAudio refuses bad input with a UserError naming the file', () => {
  it('garbage bytes', async () => {
    const junk = Uint8Array.from({ length: 4000 }, (_, i) => (i * 131 + 7) & 0x7f);
    await expectUserError(
      decodeAudio(junk, 'junk.bin'),
      'bad_input',
      /^junk\.bin: not a recognised audio file/,
    );
  });

  it('an empty file', async () => {
    await expectUserError(
      decodeAudio(new Uint8Array(0), 'empty.wav'),
      'bad_input',
      /^empty\.wav: the file is empty/,
    );
  });

  it('an unsupported format, saying which', async () => {
    const opus = new Uint8Array(64);
    opus.set(asciiBytes('OggS'));
    opus.set(asciiBytes('OpusHead'), 28);
    await expectUserError(
      decodeAudio(opus, 'voice.opus'),
      'bad_input',
      /^voice\.opus: Ogg Opus is not supported/,
    );
  });

  it('a truncated WAV', async () => {
    const wav = encodeWav([sine(440, 8000, 800)], 8000);
    await expectUserError(
      decodeAudio(wav.subarray(0, 900), 'cut.wav'),
      'bad_input',
      /^cut\.wav: truncated/,
    );
  });

  it('a FLAC header followed by garbage', async () => {
    const flac = readFileSync(fixture('sine-1000hz-stereo-48k.flac'));
    const broken = new Uint8Array(flac.subarray(0, 200));
    broken.fill(0x55, 42);
    await expectUserError(decodeAudio(broken, 'broken.flac'), 'bad_input', /^broken\.flac: /);
  });

  it('an MP3 frame header followed by garbage', async () => {
    const bytes = new Uint8Array(2000).fill(0x33);
    bytes.set([0xff, 0xfb, 0x90, 0x64]);
    await expectUserError(decodeAudio(bytes, 'bad.mp3'), 'bad_input', /^bad\.mp3: /);
  });

  it('an Ogg Vorbis file cut after its first page', async () => {
    const ogg = readFileSync(fixture('sine-660hz-mono-22k05.ogg'));
    await expectUserError(
      decodeAudio(new Uint8Array(ogg.subarray(0, 80)), 'cut.ogg'),
      'bad_input',
      /^cut\.ogg: /,
    );
  });

  it('a FLAC, MP3 or Ogg file cut short (the decoders alone would return less audio)', async () => {
    const cases: [string, RegExp][] = [
      ['sine-1000hz-stereo-48k.flac', /samples its header declares/],
      ['sine-440hz-mono-44k1.mp3', /bytes its header declares/],
      ['sine-660hz-mono-22k05.ogg', /truncated: the last Ogg page is incomplete/],
    ];
    for (const [file, pattern] of cases) {
      const whole = new Uint8Array(readFileSync(fixture(file)));
      for (const keep of [0.5, 0.97]) {
        const cut = whole.subarray(0, Math.floor(whole.length * keep));
        const e: unknown = await decodeAudio(cut, `cut-${file}`).catch((err: unknown) => err);
        expect(e, file).toBeInstanceOf(UserError);
        expect((e as UserError).message.startsWith(`cut-${file}: `)).toBe(true);
        expect((e as UserError).message).toMatch(pattern);
      }
    }
  });

  it('an Ogg file whose last page lacks the end-of-stream flag', async () => {
    const whole = new Uint8Array(readFileSync(fixture('sine-660hz-mono-22k05.ogg')));
    let at = whole.length - 27;
    while (String.fromCharCode(...whole.subarray(at, at + 4)) !== 'OggS') at--;
    const open = whole.slice();
    open[at + 5] &= ~0x04;
    await expectUserError(decodeAudio(open, 'open.ogg'), 'bad_input', /no end-of-stream page/);
  });

  it('a missing file is not_found', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'charkha-audio-'));
    try {
      await expectUserError(
        decodeAudioFile(join(dir, 'nope.wav')),
        'not_found',
        /nope\.wav: no such file/,
      );
      await expectUserError(decodeAudioFile(dir), 'bad_input', /is a folder/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
