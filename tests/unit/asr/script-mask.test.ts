/**
 * The script mask on hand-picked byte-level tokens: whole letters, Latin,
 * digits and punctuation, special tokens, and tokens that split a 3-byte
 * Indic letter (lead byte alone, lead + block byte, continuation bytes).
 */
import { describe, expect, it } from 'vitest';
import {
  ScriptMask,
  allowedScripts,
  byteLevelDecoder,
  prefixRange,
  tokenBytes,
  vocabBytes,
} from '../../../native/asr/script-mask.js';

const b = (...bytes: number[]): Uint8Array => Uint8Array.from(bytes);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** id → token, by name, so that assertions read as what they test. */
const TOKENS = {
  te_ka: utf8('క'), // E0 B0 95
  kn_ka: utf8('ಕ'), // E0 B2 95
  hi_ka: utf8('क'), // E0 A4 95
  te_word: utf8(' తెలుగు'),
  kn_sign: utf8('ಿ'), // Kannada vowel sign I: a mark, still Kannada
  latin: utf8(' hello'),
  digits: utf8(' 2024'),
  punct: utf8(', ।'), // comma and danda (Common)
  cjk: utf8('中'),
  lead_e0: b(0xe0),
  lead_e0_b0: b(0xe0, 0xb0), // Telugu U+0C00–0C3F
  lead_e0_b2: b(0xe0, 0xb2), // Kannada U+0C80–0CBF
  cont_b0: b(0xb0),
  cont_95: b(0x95),
  cont_b0_95: b(0xb0, 0x95),
  cont_b2_95: b(0xb2, 0x95),
  ka_then_lead: b(0xe0, 0xb0, 0x95, 0xe0), // క then a lead byte
  bad_ff: b(0xff),
  overlong: b(0xe0, 0x80),
  special: null,
  missing: undefined,
} as const;
type Name = keyof typeof TOKENS;
const NAMES = Object.keys(TOKENS) as Name[];
const ID = Object.fromEntries(NAMES.map((n, i) => [n, i])) as Record<Name, number>;
const telugu = new ScriptMask(
  NAMES.map((n) => TOKENS[n]),
  allowedScripts('Telugu'),
);
const allowed = (pending: number[] = []): Name[] =>
  NAMES.filter((n) => telugu.allowsToken(ID[n], pending));

describe('script mask (Telugu)', () => {
  it('after complete text: Telugu, Latin, digits, punctuation, specials and Telugu-capable lead bytes', () => {
    expect(allowed()).toEqual([
      'te_ka',
      'te_word',
      'latin',
      'digits',
      'punct',
      'lead_e0',
      'lead_e0_b0',
      'ka_then_lead',
      'special',
    ]);
  });

  it('after a lone E0: only the block bytes of allowed code points, and specials', () => {
    expect(allowed([0xe0])).toEqual(['cont_b0', 'cont_b0_95', 'special']);
  });

  it('after E0 B0: a continuation byte that ends a Telugu letter, not one that goes on', () => {
    // B0 ends U+0C30 ర; B0 95 would leave an orphan continuation byte.
    expect(allowed([0xe0, 0xb0])).toEqual(['cont_b0', 'cont_95', 'special']);
  });

  it('finds the pending sequence across token boundaries and resets it at special tokens', () => {
    expect(telugu.pendingOf([ID.te_ka])).toEqual([]);
    expect(telugu.pendingOf([ID.te_ka, ID.lead_e0])).toEqual([0xe0]);
    expect(telugu.pendingOf([ID.lead_e0, ID.cont_b0])).toEqual([0xe0, 0xb0]);
    expect(telugu.pendingOf([ID.lead_e0_b0, ID.cont_95])).toEqual([]);
    expect(telugu.pendingOf([ID.ka_then_lead])).toEqual([0xe0]);
    expect(telugu.pendingOf([ID.lead_e0, ID.special])).toEqual([]);
    expect(telugu.pendingOf([5n, BigInt(ID.lead_e0_b0)])).toEqual([0xe0, 0xb0]);
  });

  it('apply() bans exactly the tokens not allowed after the text so far', () => {
    const logits = new Float32Array(NAMES.length).fill(1);
    telugu.apply([ID.latin, ID.lead_e0], logits);
    const kept = NAMES.filter((n) => logits[ID[n]] === 1);
    expect(kept).toEqual(allowed([0xe0]));
    expect(logits[ID.kn_ka]).toBe(-Infinity);
  });

  it('never lets a Kannada letter be assembled from pieces', () => {
    // Greedy walk that always takes the first allowed token of a preferred order.
    const order: Name[] = ['lead_e0', 'cont_b2_95', 'lead_e0_b2', 'cont_b0', 'cont_95'];
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const pending = telugu.pendingOf(ids);
      const next = order.find((n) => telugu.allowsToken(ID[n], pending));
      ids.push(ID[next!]);
    }
    const bytes = ids.flatMap((id) => [...(TOKENS[NAMES[id]] as Uint8Array)]);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
    expect(text).toBe('రర'); // E0 B0 B0 = U+0C30, twice: the Kannada pieces were never taken
  });
});

describe('other targets', () => {
  it('Kannada keeps what Telugu banned, and Devanagari bans both', () => {
    const tokens = NAMES.map((n) => TOKENS[n]);
    const kn = new ScriptMask(tokens, allowedScripts('Kannada'));
    const hi = new ScriptMask(tokens, allowedScripts('Devanagari'));
    expect(kn.allowsToken(ID.kn_ka)).toBe(true);
    expect(kn.allowsToken(ID.kn_sign)).toBe(true);
    expect(kn.allowsToken(ID.te_ka)).toBe(false);
    expect(kn.allowsToken(ID.cont_b2_95, [0xe0])).toBe(true);
    expect(hi.allowsToken(ID.hi_ka)).toBe(true);
    expect(hi.allowsToken(ID.te_ka) || hi.allowsToken(ID.kn_ka)).toBe(false);
    expect(hi.allowsToken(ID.lead_e0_b0)).toBe(false);
    expect(hi.allowsToken(ID.punct)).toBe(true);
  });
});

describe('UTF-8 prefixes and the byte alphabet', () => {
  it('gives the range of code points a prefix can still become', () => {
    expect(prefixRange([0xe0])).toEqual([0x800, 0xfff]);
    expect(prefixRange([0xe0, 0xb0])).toEqual([0xc00, 0xc3f]);
    expect(prefixRange([0xe0, 0xb2])).toEqual([0xc80, 0xcbf]);
    expect(prefixRange([0xe0, 0x80])).toBeUndefined(); // overlong
    expect(prefixRange([0xed, 0xa0])).toBeUndefined(); // surrogates
    expect(prefixRange([0xf4, 0x90])).toBeUndefined(); // beyond U+10FFFF
    expect(prefixRange([0x41])).toBeUndefined(); // complete already
  });

  it('reads tokenizer.json: byte-level text tokens, added tokens special, the rest unusable', () => {
    const dec = byteLevelDecoder();
    expect(dec.size).toBe(256);
    expect(tokenBytes('Ġhi', dec)).toEqual(b(0x20, 0x68, 0x69));
    expect(tokenBytes('à°', dec)).toEqual(b(0xe0, 0xb0));
    expect(tokenBytes('中', dec)).toBeUndefined();
    const v = vocabBytes(
      {
        model: { vocab: { a: 0, Ġb: 1 } },
        added_tokens: [{ id: 3, content: '<|endoftext|>' }],
      },
      5,
    );
    expect(v).toEqual([b(0x61), b(0x20, 0x62), undefined, null, undefined]);
  });
});
