/**
 * IndicTrans2's text side without the model: the SentencePiece ModelProto
 * reader and its BPE and Unigram encoders (the fixture's model.SRC is BPE
 * like the real models, model.TGT Unigram), the toolkit's preparation and
 * the script unification, on hand-checked cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifyScript } from '../../../native/mt/indictrans2/script-unify.js';
import { parseSpmModel, SpmEncoder } from '../../../native/mt/indictrans2/spm.js';
import {
  asciiNumerals,
  detokenize,
  englishTokenize,
  finishTarget,
  indicNormalize,
  prepareSource,
  puncNorm,
} from '../../../native/mt/indictrans2/text-prep.js';
import { fixtureDir } from '../models/fixtures.js';

const dir = fixtureDir('indictrans2-tiny');
const golden = JSON.parse(readFileSync(join(dir, 'golden.json'), 'utf8')) as {
  text: string;
  source_pieces: string[];
};
const spm = (name: string): SpmEncoder =>
  new SpmEncoder(parseSpmModel(readFileSync(join(dir, name)), name));

describe('SentencePiece models', () => {
  it('reads pieces, scores, types and the model type from the protobuf', () => {
    const src = parseSpmModel(readFileSync(join(dir, 'model.SRC')), 'model.SRC');
    expect(src.modelType).toBe('bpe');
    expect(src.pieces.slice(0, 4)).toEqual([
      { piece: '<unk>', score: 0, type: 'unknown' },
      { piece: '<s>', score: 0, type: 'control' },
      { piece: '</s>', score: 0, type: 'control' },
      { piece: 'ay', score: -0, type: 'normal' },
    ]);
    expect(src.addDummyPrefix).toBe(true);
    expect(parseSpmModel(readFileSync(join(dir, 'model.TGT')), 'model.TGT').modelType).toBe(
      'unigram',
    );
  });

  it('BPE: merges by score, as the recipe (and SentencePiece) encodes', () => {
    const bpe = spm('model.SRC');
    expect(bpe.encode(golden.text)).toEqual(golden.source_pieces);
    // "▁P"+"ay" needs "ay" first, which outranks "▁P"; "▁to" is "▁t" then "o".
    expect(bpe.encode('  Pay   to ')).toEqual(['▁Pay', '▁to']);
    expect(bpe.encode('नमस्ते')).toEqual(['▁नम', 'स', '्त', 'े']);
    expect(bpe.encode('Ω')).toEqual(['▁', '<unk>']);
    expect(bpe.encode('')).toEqual([]);
  });

  it('Unigram: the segmentation with the best total score', () => {
    // model.TGT scores a piece -2 - 4/length: "▁Pay" (-3) beats "▁P"+"ay" (-4 - 4) and four letters.
    const uni = spm('model.TGT');
    expect(uni.encode('Pay')).toEqual(['▁Pay']);
    expect(uni.encode('Paz')).toEqual(['▁P', 'a', 'z']);
    expect(uni.encode('है')).toEqual(['▁है']);
    expect(uni.encode('aΩb')).toEqual(['▁', 'a', '<unk>', 'b']);
  });

  it('refuses a file that is not a SentencePiece model, naming it', () => {
    expect(() => parseSpmModel(new Uint8Array([0x0a, 0x05, 0x01]), 'model.SRC')).toThrow(
      /model\.SRC: not a SentencePiece model/,
    );
  });
});

describe('IndicTrans2 text preparation', () => {
  it('normalises punctuation and digits as the toolkit does', () => {
    expect(puncNorm('“Hello” – world…  ( x )')).toBe('"Hello" - world... (x)');
    expect(asciiNumerals('₹५००, ৩২, ౧౦, ௫, ٣')).toBe('₹500, 32, 10, 5, 3');
  });

  it('the Indic normaliser: joiners out, nukta letters decomposed, pipe to danda, visarga', () => {
    expect(indicNormalize('क़\u200dलम|')).toBe('क\u093cलम।');
    expect(indicNormalize('दु:ख')).toBe('दुःख');
  });

  it('English: symbols and clitics apart, numbers whole', () => {
    expect(englishTokenize("It's ₹5,000 (approx.), isn't it?")).toBe(
      "It 's ₹ 5,000 ( approx. ) , isn 't it ?",
    );
  });

  it('Indic sources: tokenised, then written in Devanagari', () => {
    // A colon straight after a letter is the normaliser's visarga.
    expect(prepareSource('ఫోన్: 98,765.', 'te')).toBe('फोन्ः 98,765 .');
    expect(prepareSource('ఫోన్ - 98,765.', 'te')).toBe('फोन् - 98,765 .');
    expect(prepareSource('সে বলল, "ভালো"।', 'bn')).toBe('से बलल , " भालो " ।');
    expect(prepareSource('آپ کیسے ہیں؟', 'ur')).toBe('آپ کیسے ہیں؟');
  });

  it('targets: back to the target script, punctuation and quotes rejoined', () => {
    expect(finishTarget('से बलल , " भालो " ।', 'bn')).toBe('সে বলল, "ভালো"।');
    expect(finishTarget("It 's 5 , 000 ( approx . ) .", 'en')).toBe("It's 5,000 (approx.).");
    expect(detokenize("a ' b ' c", 'hi')).toBe("a 'b' c");
  });

  it('script unification keeps dandas and maps Tamil to its nearest letters', () => {
    expect(unifyScript('गंगा।', 'Devanagari', 'Tamil')).toBe('கஂகா।');
    expect(unifyScript('ಕನ್ನಡ', 'Kannada', 'Devanagari')).toBe('कन्नड');
    expect(unifyScript('abc १२', 'Devanagari', 'Telugu')).toBe('abc ౧౨');
  });
});
