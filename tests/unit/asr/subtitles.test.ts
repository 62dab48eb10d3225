/**
 * WebVTT and SRT writers: timestamp formats (rounding, hours), cue numbering,
 * escaping where each format needs it, and Indic text passed through as is.
 */
import { describe, expect, it } from 'vitest';
import { formatTimestamp, toSrt, toWebVtt } from '../../../native/asr/subtitles.js';

const hindi = 'मेरा पिन कोड ११०००१ है';
// Malayalam chillu written with ZWJ, and a Kannada conjunct with ZWNJ: must survive byte for byte.
const joiners = 'ന്\u200D ಕ್\u200Cಷ';

describe('subtitles', () => {
  it('formats timestamps with the separator each format wants', () => {
    expect(formatTimestamp(0, '.')).toBe('00:00:00.000');
    expect(formatTimestamp(1.2345, '.')).toBe('00:00:01.235');
    expect(formatTimestamp(59.9996, ',')).toBe('00:01:00,000');
    expect(formatTimestamp(3723.004, ',')).toBe('01:02:03,004');
    expect(formatTimestamp(100 * 3600 + 1, '.')).toBe('100:00:01.000');
    expect(formatTimestamp(-0.2, '.')).toBe('00:00:00.000');
  });

  it('writes WebVTT', () => {
    const vtt = toWebVtt([
      { text: hindi, start: 0.5, end: 2.25 },
      { text: '  ', start: 3, end: 4 },
      { text: 'a < b & c --> d', start: 61, end: 62.5 },
    ]);
    expect(vtt).toBe(
      'WEBVTT\n\n' +
        `00:00:00.500 --> 00:00:02.250\n${hindi}\n\n` +
        '00:01:01.000 --> 00:01:02.500\na &lt; b &amp; c --&gt; d\n',
    );
  });

  it('writes SRT, numbered from 1, with Indic text untouched', () => {
    const srt = toSrt([
      { text: joiners, start: 1, end: 2 },
      { text: hindi, start: 3600, end: 3601.5 },
    ]);
    expect(srt).toBe(
      `1\n00:00:01,000 --> 00:00:02,000\n${joiners}\n\n` +
        `2\n01:00:00,000 --> 01:00:01,500\n${hindi}\n`,
    );
    expect(Buffer.from(srt).includes(Buffer.from(joiners))).toBe(true);
  });

  it('never writes a cue that ends before it starts, and folds blank lines', () => {
    const srt = toSrt([{ text: 'one\n\ntwo', start: 5, end: 5 }]);
    expect(srt).toBe('1\n00:00:05,000 --> 00:00:05,001\none\ntwo\n');
    expect(toWebVtt([])).toBe('WEBVTT\n');
  });
});
