import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../native/contract/errors.js';
import {
  emptyDocument,
  newTier,
  type AnnotationDocument,
} from '../../../native/interchange/annotation-document.js';
import {
  detectFormat,
  readAnnotations,
  writeAnnotations,
} from '../../../native/interchange/annotation-formats.js';
import { readEaf } from '../../../native/interchange/eaf-read.js';
import { validateEaf } from '../../../native/interchange/eaf-validate.js';
import { writeEaf } from '../../../native/interchange/eaf-write.js';
import { readTextGrid } from '../../../native/interchange/textgrid-read.js';
import { writeTextGrid } from '../../../native/interchange/textgrid-write.js';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../fixtures/annotations', name));

function refused(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  throw new Error('expected a UserError');
}

const tiersOf = (doc: AnnotationDocument) =>
  doc.tiers.map((t) => ({
    name: t.name,
    points: t.points,
    segments: t.segments.map((s) => [s.start, s.end, s.text]),
  }));

function sampleDocument(): AnnotationDocument {
  const doc = emptyDocument();
  doc.end = 6;
  const tr = newTier('transcript', 'transcript', [
    { start: 0.5, end: 1.25, text: 'నమస్కారం "అమ్మా" & <b>' },
    { start: 1.25, end: 3.001, text: 'పాँच, "quoted"' },
    { start: 4, end: 5.5, text: 'line one\nline two' },
  ]);
  tr.participant = 'Speaker A';
  tr.annotator = 'Lakshmi';
  const en = newTier('english', 'translation', [
    { start: 0.5, end: 1.25, text: 'hello "mother"' },
    { start: 4, end: 5.5, text: 'two lines' },
  ]);
  en.parent = 'transcript';
  const noise = newTier('noise', 'user', [{ start: 3.2, end: 3.4, text: 'laugh' }]);
  noise.vocabulary = 'noise';
  doc.vocabularies = [
    {
      id: 'noise',
      description: 'events',
      entries: [
        { value: 'laugh', description: 'someone laughs' },
        { value: 'cough', description: null },
      ],
    },
  ];
  doc.tiers = [tr, en, noise];
  doc.media = [
    { url: 'file:///data/market.wav', mimeType: 'audio/x-wav', relativeUrl: './market.wav' },
  ];
  return doc;
}

describe('ELAN EAF', () => {
  it('reads time slots, reference tiers, subdivisions, vocabularies and participants', () => {
    const doc = readEaf(fixture('telugu.eaf'), 'telugu.eaf');
    expect(doc.media[0].url).toBe('file:///home/lakshmi/recordings/market.wav');
    const by = Object.fromEntries(doc.tiers.map((t) => [t.name, t]));
    expect(by.transcript.kind).toBe('transcript');
    expect(by.transcript.participant).toBe('Speaker A');
    expect(by.transcript.annotator).toBe('Lakshmi');
    expect(by.transcript.segments).toEqual([
      { start: 0.12, end: 1.83, text: 'ఐదు లక్షల రూపాయలు & "రెండు"' },
      { start: 2, end: 3.001, text: 'సరే అమ్మా' },
    ]);
    // Symbolic association: the parent's times.
    expect(by.english.kind).toBe('translation');
    expect(by.english.parent).toBe('transcript');
    expect(by.english.segments).toEqual([
      { start: 0.12, end: 1.83, text: 'five lakh rupees & "two"' },
    ]);
    // Symbolic subdivision: the parent's span shared in PREVIOUS_ANNOTATION order.
    expect(by.words.segments).toEqual([
      { start: 2, end: 2.501, text: 'సరే' },
      { start: 2.501, end: 3.001, text: 'అమ్మా' },
    ]);
    // Time subdivision with an unaligned slot between its neighbours.
    expect(by.phrases.segments.map((s) => [s.start, s.end])).toEqual([
      [2, 2.501],
      [2.501, 3.001],
    ]);
    expect(by.noise.vocabulary).toBe('noise-cv');
    expect(by.noise.segments).toEqual([
      { start: 0.12, end: 1.83, text: '' },
      { start: 3.5, end: 3.6, text: 'laugh' },
    ]);
    expect(doc.vocabularies).toEqual([
      {
        id: 'noise-cv',
        description: 'non-speech events',
        entries: [
          { value: 'laugh', description: 'someone laughs' },
          { value: 'cough', description: null },
        ],
      },
    ]);
  });

  it('writes files that pass the schema rules and read back equal', () => {
    const doc = sampleDocument();
    const xml = writeEaf(doc, { author: 'Lakshmi', date: '2026-01-01T00:00:00+00:00' });
    expect(validateEaf(xml)).toEqual([]);
    expect(xml).toContain('FORMAT="3.0"');
    expect(xml).toContain('CONSTRAINTS="Symbolic_Association"');
    expect(xml).toMatch(/<REF_ANNOTATION ANNOTATION_ID="a4" ANNOTATION_REF="a1">/);
    expect(xml).toContain('PARTICIPANT="Speaker A"');
    const back = readEaf(Buffer.from(xml), 'x.eaf');
    expect(tiersOf(back)).toEqual(tiersOf(doc));
    expect(back.tiers.map((t) => [t.kind, t.parent, t.vocabulary])).toEqual([
      ['transcript', null, null],
      ['translation', 'transcript', null],
      ['user', null, 'noise'],
    ]);
    expect(back.vocabularies).toEqual(doc.vocabularies);
    // A hand-written file read and written again still passes.
    expect(validateEaf(writeEaf(readEaf(fixture('telugu.eaf'), 'x')))).toEqual([]);
  });

  it('validation names the element at fault', () => {
    const xml = writeEaf(sampleDocument());
    expect(validateEaf(xml.replace('TIME_SLOT_REF2="ts2"', 'TIME_SLOT_REF2="ts99"'))).toEqual([
      'ALIGNABLE_ANNOTATION a1: TIME_SLOT_REF2 "ts99" does not resolve',
    ]);
    expect(validateEaf(xml.replace('ANNOTATION_REF="a1"', 'ANNOTATION_REF="a77"'))).toEqual([
      'REF_ANNOTATION a4: ANNOTATION_REF "a77" does not resolve',
    ]);
    expect(validateEaf(xml.replace('TIME_VALUE="500"', 'TIME_VALUE="9000"'))[0]).toMatch(
      /^TIME_SLOT ts2: 1250 ms comes after 9000 ms/,
    );
    expect(validateEaf(xml.replace('ANNOTATION_ID="a2"', 'ANNOTATION_ID="a1"'))[0]).toBe(
      'ANNOTATION in TIER transcript: id "a1" is used twice',
    );
  });

  it('refuses malformed files with the line or element at fault', () => {
    const text = fixture('telugu.eaf').toString();
    expect(refused(() => readEaf(Buffer.from(text.replace('</TIER>', '')), 'bad.eaf'))).toMatch(
      /^bad\.eaf:\d+:\d+: not well-formed XML/,
    );
    expect(
      refused(() =>
        readEaf(
          Buffer.from(text.replace('TIME_SLOT_REF2="ts2"', 'TIME_SLOT_REF2="ts9"')),
          'bad.eaf',
        ),
      ),
    ).toBe('bad.eaf: ALIGNABLE_ANNOTATION "a1": time slot "ts9" does not exist');
    expect(
      refused(() =>
        readEaf(Buffer.from(text.replace('ANNOTATION_REF="a1"', 'ANNOTATION_REF="a0"')), 'bad.eaf'),
      ),
    ).toBe('bad.eaf: REF_ANNOTATION "a3": ANNOTATION_REF "a0" does not exist');
    expect(
      refused(() =>
        readEaf(Buffer.from(text.replace('TIME_VALUE="2000"', 'TIME_VALUE="100"')), 'bad.eaf'),
      ),
    ).toMatch(/TIME_SLOT "ts3" \(100 ms\) comes before/);
    expect(refused(() => readEaf(Buffer.from('<TextGrid/>'), 'bad.eaf'))).toMatch(
      /not an ELAN file/,
    );
  });
});

describe('Praat TextGrid', () => {
  const expected = [
    {
      name: 'transcript',
      points: false,
      segments: [
        [0.75, 2.1, 'पाँच लाख "रुपये"'],
        [3.333, 4.5, 'ठीक है'],
      ],
    },
    {
      name: 'events',
      points: true,
      segments: [
        [1.2, 1.2, 'click'],
        [4, 4, ''],
      ],
    },
  ];

  it('reads the long and short layouts in UTF-8 and UTF-16 (either byte order) alike', () => {
    for (const f of [
      'long.TextGrid',
      'short.TextGrid',
      'utf16le.TextGrid',
      'utf16be-short.TextGrid',
    ]) {
      const doc = readTextGrid(fixture(f), f);
      expect(tiersOf(doc), f).toEqual(expected);
      expect([doc.start, doc.end]).toEqual([0, 4.5]);
    }
  });

  it('writes tiers that cover the whole range, doubled quotes, TextTiers, and UTF-16 on request', () => {
    const doc = sampleDocument();
    const events = newTier('events', 'user', [
      { start: 2, end: 2, text: 'click "x"' },
      { start: 5.9, end: 5.9, text: '' },
    ]);
    events.points = true;
    doc.tiers.push(events);
    const text = writeTextGrid(doc).toString('utf8');
    expect(text.startsWith('File type = "ooTextFile"\nObject class = "TextGrid"\n')).toBe(true);
    expect(text).toContain('text = "నమస్కారం ""అమ్మా"" & <b>"');
    expect(text).toContain('class = "TextTier"');
    expect(text).toContain('mark = "click ""x"""');
    // transcript: gap 0–0.5, two touching intervals, gap, interval, gap to 6.
    expect(text).toMatch(/name = "transcript" \n(.*\n){2}\s+intervals: size = 6 /);
    const back = readTextGrid(Buffer.from(text), 'x.TextGrid');
    expect(tiersOf(back)).toEqual(tiersOf(doc));
    expect(back.end).toBe(6);

    const utf16 = writeTextGrid(doc, { encoding: 'utf-16', layout: 'short' });
    expect([...utf16.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect(tiersOf(readTextGrid(utf16, 'x.TextGrid'))).toEqual(tiersOf(doc));
  });

  it('refuses malformed files naming the line', () => {
    const text = fixture('long.TextGrid').toString();
    expect(
      refused(() =>
        readTextGrid(Buffer.from(text.replace('xmax = 2.1 ', 'xmax = "2.1" ')), 'b.TextGrid'),
      ),
    ).toBe('b.TextGrid:21: expected an interval xmax (a number)');
    expect(
      refused(() =>
        readTextGrid(Buffer.from(text.replace('mark = "" ', 'mark = " ')), 'b.TextGrid'),
      ),
    ).toBe('b.TextGrid:42: a string is not closed');
    expect(
      refused(() =>
        readTextGrid(Buffer.from(text.replace('xmin = 3.333 ', 'xmin = 1.5 ')), 'b.TextGrid'),
      ),
    ).toBe('b.TextGrid:28: interval 4 of tier "transcript" (1.5–4.5) is out of order');
    expect(
      refused(() =>
        readTextGrid(Buffer.from(text.replace('"TextTier"', '"PitchTier"')), 'b.TextGrid'),
      ),
    ).toBe('b.TextGrid:32: unknown tier class "PitchTier"');
    expect(refused(() => readTextGrid(Buffer.from('hello'), 'b.TextGrid'))).toMatch(
      /not a Praat text file/,
    );
    expect(
      refused(() => readTextGrid(Buffer.from([0x46, 0xff, 0xfe, 0x00]), 'b.TextGrid')),
    ).toMatch(/not valid UTF-8/);
  });
});

describe('subtitles, ELAN tab-delimited text and Audacity labels', () => {
  it('round-trip SRT and WebVTT through the ASR subtitle writers', () => {
    const doc = emptyDocument();
    doc.tiers.push(
      newTier('transcript', 'transcript', [
        { start: 0.5, end: 1.25, text: 'నమస్కారం & <ok>' },
        { start: 3661.001, end: 3662, text: 'line one\nline two' },
      ]),
    );
    for (const format of ['srt', 'vtt'] as const) {
      const bytes = writeAnnotations(doc, format);
      const back = readAnnotations(bytes, `x.${format}`);
      expect(tiersOf(back), format).toEqual(tiersOf(doc));
    }
    expect(writeAnnotations(doc, 'vtt').toString()).toContain('01:01:01.001 --> 01:01:02.000');
    const vtt =
      'WEBVTT\n\nNOTE a note\n\nintro\n00:01.000 --> 00:02.500 align:start\n<v Ravi>హలో</v> &amp; bye\n';
    expect(tiersOf(readAnnotations(Buffer.from(vtt), 'x.vtt'))[0].segments).toEqual([
      [1, 2.5, 'హలో & bye'],
    ]);
    expect(
      refused(() => readAnnotations(Buffer.from('1\n00:00:01,000 -> 00:00:02,000\nx\n'), 'b.srt')),
    ).toBe('b.srt:1: a cue without a "-->" time line');
    expect(
      refused(() => readAnnotations(Buffer.from('1\n00:00:01,000 --> 00:0x:02,000\nx\n'), 'b.srt')),
    ).toBe('b.srt:2: "00:0x:02,000" is not a cue time');
    const two = sampleDocument();
    expect(refused(() => writeAnnotations(two, 'srt'))).toMatch(
      /srt holds one tier; choose one of transcript, english, noise/,
    );
  });

  it('round-trip ELAN tab-delimited text and CSV, and read the narrower layouts', () => {
    const doc = sampleDocument();
    for (const format of ['tsv', 'csv'] as const) {
      const bytes = writeAnnotations(doc, format);
      const back = readAnnotations(bytes, format === 'tsv' ? 'x.tsv' : 'x.csv');
      const flat = (d: AnnotationDocument) =>
        d.tiers.map((t) => [
          t.name,
          t.participant,
          t.segments.map((s) => [
            s.start,
            s.end,
            s.text.replace(/\n/g, format === 'tsv' ? ' ' : '\n'),
          ]),
        ]);
      expect(flat(back), format).toEqual(flat(doc));
    }
    expect(writeAnnotations(doc, 'tsv').toString().split('\n')[0]).toBe(
      'transcript\tSpeaker A\t0.500\t1.250\t0.750\tనమస్కారం "అమ్మా" & <b>',
    );
    const narrow =
      'Tier\tBegin Time\tEnd Time\tAnnotation\nwords\t00:00:01.500\t00:00:02.000\tసరే\n';
    expect(tiersOf(readAnnotations(Buffer.from(narrow), 'n.txt'))).toEqual([
      { name: 'words', points: false, segments: [[1.5, 2, 'సరే']] },
    ]);
    expect(refused(() => readAnnotations(Buffer.from('a\t1\t2\tx\nb\tx\n'), 'b.tsv'))).toMatch(
      /^b\.tsv:2: 2 columns/,
    );
  });

  it('round-trip Audacity labels and tell them from ELAN text by content', () => {
    const doc = emptyDocument();
    doc.tiers.push(
      newTier('transcript', 'transcript', [
        { start: 1.5, end: 2.25, text: 'పాట' },
        { start: 3, end: 3, text: 'mark' },
      ]),
    );
    const bytes = writeAnnotations(doc, 'audacity');
    expect(bytes.toString()).toBe('1.500000\t2.250000\tపాట\n3.000000\t3.000000\tmark\n');
    expect(detectFormat('labels.txt', bytes)).toBe('audacity');
    expect(detectFormat('elan.txt', Buffer.from('transcript\t\t1.0\t2.0\t1.0\tx\n'))).toBe('tsv');
    const withSpectral = `${bytes.toString()}\\\t100.0\t2000.0\n`;
    expect(tiersOf(readAnnotations(Buffer.from(withSpectral), 'labels.txt'))).toEqual(tiersOf(doc));
    expect(
      refused(() =>
        readAnnotations(Buffer.from('1.0\tx\tlabel\n'), 'l.txt', { format: 'audacity' }),
      ),
    ).toMatch(/^l\.txt:1: expected/);
  });
});
