import { tamilFuse } from './tamil-sandhi.js';
import type { NumberLangData, Tok } from './types.js';

/**
 * Tamil. Compositional with combining forms: இருபது (20) / இருபத்து,
 * இருபத்தி (20 before a unit); நூறு / நூற்று; ஆயிரம் / ஆயிரத்து; லட்சம் /
 * லட்சத்து; கோடி / கோடியே. Hundreds 200–900 are single words (இருநூறு,
 * தொள்ளாயிரம்). Vowel-initial words fuse onto the word before (see
 * tamil-sandhi.ts); the fused forms are generated here, not listed.
 */
const UNITS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['ஒன்று', 'ஒண்ணு']],
  [2, ['இரண்டு', 'ரெண்டு']],
  [3, ['மூன்று', 'மூணு']],
  [4, ['நான்கு', 'நாலு']],
  [5, ['ஐந்து', 'அஞ்சு']],
  [6, ['ஆறு']],
  [7, ['ஏழு']],
  [8, ['எட்டு']],
  [9, ['ஒன்பது', 'ஒம்பது']],
];

const TEENS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [10, ['பத்து']],
  [11, ['பதினொன்று', 'பதினொண்ணு', 'பதினொரு', 'பதினோரு']],
  [12, ['பன்னிரண்டு', 'பனிரண்டு', 'பன்னெண்டு', 'பனிரெண்டு']],
  [13, ['பதின்மூன்று', 'பதிமூன்று', 'பதிமூணு']],
  [14, ['பதினான்கு', 'பதிநான்கு', 'பதினாலு']],
  [15, ['பதினைந்து', 'பதினஞ்சு']],
  [16, ['பதினாறு']],
  [17, ['பதினேழு']],
  [18, ['பதினெட்டு']],
  [19, ['பத்தொன்பது']],
];

const TENS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [20, ['இருபது', 'இருவது']],
  [30, ['முப்பது']],
  [40, ['நாற்பது']],
  [50, ['ஐம்பது']],
  [60, ['அறுபது']],
  [70, ['எழுபது']],
  [80, ['எண்பது']],
  [90, ['தொண்ணூறு']],
];

/** Combining tens; the first (-த்தி) is what the verbaliser writes. */
const COMBINING_TENS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [20, ['இருபத்தி', 'இருபத்து']],
  [30, ['முப்பத்தி', 'முப்பத்து']],
  [40, ['நாற்பத்தி', 'நாற்பத்து']],
  [50, ['ஐம்பத்தி', 'ஐம்பத்து', 'ஐம்பத்']],
  [60, ['அறுபத்தி', 'அறுபத்து', 'அறுபத்']],
  [70, ['எழுபத்தி', 'எழுபத்து']],
  [80, ['எண்பத்தி', 'எண்பத்து']],
  [90, ['தொண்ணூற்றி', 'தொண்ணூற்று', 'தொண்ணூத்தி']],
];

/** Hundreds: value → [alone…], [before a number…]; first of each is written. */
export const TA_HUNDREDS: ReadonlyArray<readonly [number, readonly string[], readonly string[]]> = [
  [100, ['நூறு'], ['நூற்று', 'நூற்றி', 'நூத்தி']],
  [200, ['இருநூறு'], ['இருநூற்று', 'இருநூற்றி']],
  [300, ['முந்நூறு', 'முன்னூறு'], ['முந்நூற்று', 'முன்னூற்று', 'முன்னூற்றி']],
  [400, ['நானூறு', 'நாநூறு', 'நாநூறூ', 'நாலுநூறு'], ['நானூற்று', 'நாநூற்று', 'நானூற்றி']],
  [500, ['ஐநூறு', 'ஐந்நூறு', 'அஞ்சுநூறு'], ['ஐநூற்று', 'ஐந்நூற்று', 'ஐநூற்றி']],
  [600, ['அறுநூறு'], ['அறுநூற்று', 'அறுநூற்றி']],
  [700, ['எழுநூறு'], ['எழுநூற்று', 'எழுநூற்றி']],
  [800, ['எண்ணூறு', 'எண்நூறு'], ['எண்ணூற்று', 'எண்நூற்று', 'எண்ணூற்றி']],
  [900, ['தொள்ளாயிரம்'], ['தொள்ளாயிரத்து', 'தொள்ளாயிரத்தி']],
];

/** Scale forms: alone, before a number. */
export const TA_THOUSAND = { alone: 'ஆயிரம்', before: 'ஆயிரத்து' } as const;

function hundredToks(v: number): Tok[] {
  return v === 100
    ? [{ t: 'scale', v: 100 }]
    : [
        { t: 'num', v: v / 100 },
        { t: 'scale', v: 100 },
      ];
}

function generated(): Array<readonly [string, readonly Tok[]]> {
  const out: Array<readonly [string, readonly Tok[]]> = [];
  const below100: Array<readonly [string, Tok[]]> = [];
  for (const [v, forms] of [...UNITS, ...TEENS, ...TENS]) {
    for (const f of forms) below100.push([f, [{ t: 'num', v, open: v >= 20 && v % 10 === 0 }]]);
  }
  // Tens + unit in one word: இருபத்தொன்று, இருபத்துமூன்று.
  for (const [tv, cforms] of COMBINING_TENS) {
    for (const c of cforms) {
      for (const [uv, uforms] of UNITS) {
        for (const u of uforms) {
          const toks: Tok[] = [
            { t: 'num', v: tv, open: true },
            { t: 'num', v: uv },
          ];
          const fused = tamilFuse(c, u);
          out.push([fused ?? c + u, toks]);
          if (fused) below100.push([fused, toks]);
        }
      }
    }
  }
  // Hundreds + number in one word: நூற்றிருபது, இருநூற்றைம்பது.
  for (const [hv, , before] of TA_HUNDREDS) {
    for (const b of before) {
      for (const [w, toks] of below100) {
        const fused = tamilFuse(b, w);
        if (fused) out.push([fused, [...hundredToks(hv), ...toks]]);
      }
    }
  }
  // n × 1000 in one word: இரண்டாயிரம், பத்தாயிரத்து, இருபத்தைந்தாயிரம்.
  for (const [w, toks] of below100) {
    for (const th of ['ஆயிரம்', 'ஆயிரத்து', 'ஆயிரத்தி']) {
      const fused = tamilFuse(w, th);
      if (fused) out.push([fused, [...toks, { t: 'scale', v: 1000 }]]);
    }
  }
  // The -த்தி forms glide into a vowel: இருபத்தியெட்டு, ஐம்பத்தியொரு.
  for (const [tv, cforms] of COMBINING_TENS) {
    for (const c of cforms.filter((f) => f.endsWith('த்தி') || f.endsWith('ற்றி'))) {
      for (const [uv, uforms] of [...UNITS, [1, ['ஒரு']] as const]) {
        for (const u of uforms) {
          const glided = tamilFuse('ய' + 'ு', u);
          if (glided)
            out.push([
              c + glided,
              [
                { t: 'num', v: tv, open: true },
                { t: 'num', v: uv },
              ],
            ]);
        }
      }
    }
    // ஐம்பத்தாயிரம்: the combining form fused with ஆயிரம்.
    for (const c of cforms.filter((f) => f.endsWith('ு'))) {
      for (const th of ['ஆயிரம்', 'ஆயிரத்து']) {
        const fused = tamilFuse(c, th);
        if (fused)
          out.push([
            fused,
            [
              { t: 'num', v: tv },
              { t: 'scale', v: 1000 },
            ],
          ]);
      }
    }
  }
  // Written together with lakh / crore: பத்துலட்சம், ஐந்துகோடி.
  for (const [w, toks] of below100) {
    for (const [s, forms] of [
      [100000, ['லட்சம்', 'லட்சத்து']],
      [10000000, ['கோடி', 'கோடியே']],
    ] as const) {
      for (const f of forms) out.push([w + f, [...toks, { t: 'scale', v: s }]]);
    }
  }
  out.push([
    'பதினாயிரம்',
    [
      { t: 'num', v: 10 },
      { t: 'scale', v: 1000 },
    ],
  ]);
  out.push([
    'பதினாயிரத்து',
    [
      { t: 'num', v: 10 },
      { t: 'scale', v: 1000 },
    ],
  ]);
  out.push([
    'நூறாயிரம்',
    [
      { t: 'num', v: 100 },
      { t: 'scale', v: 1000 },
    ],
  ]);
  // 21, 31 … thousand: இருபத்தோராயிரம் (ஒரு → ஓர் before a vowel).
  for (const [tv, cforms] of COMBINING_TENS) {
    for (const c of cforms) {
      for (const th of ['ஓராயிரம்', 'ஓராயிரத்து']) {
        const fused = tamilFuse(c, th);
        if (fused) {
          out.push([
            fused,
            [
              { t: 'num', v: tv, open: true },
              { t: 'num', v: 1 },
              { t: 'scale', v: 1000 },
            ],
          ]);
        }
      }
    }
  }
  for (const [w, n] of [
    ['ஓராயிரம்', 1],
    ['மூவாயிரம்', 3],
    ['நாலாயிரம்', 4],
    ['ஐயாயிரம்', 5],
    ['ஐயாயிரத்து', 5],
    ['மூவாயிரத்து', 3],
  ] as const) {
    out.push([
      w,
      [
        { t: 'num', v: n },
        { t: 'scale', v: 1000 },
      ],
    ]);
  }
  // Halves: ஒன்றரை 1½, இரண்டரை 2½; அரை alone only before a scale.
  for (const [uv, uforms] of UNITS) {
    for (const u of uforms) {
      const fused = tamilFuse(u, 'அரை');
      if (fused) out.push([fused, [{ t: 'num', v: uv + 0.5 }]]);
    }
  }
  out.push(['அரை', [{ t: 'num', v: 0.5, weak: true }]]);
  return out;
}

export const TA_NUMBERS: NumberLangData = {
  lang: 'ta',
  compositional: true,
  words: [
    [0, ['பூஜ்யம்', 'பூஜ்ஜியம்', 'பூஜ்ய', 'சுழியம்', 'சுழி', 'சைபர்', 'ஜீரோ']],
    ...UNITS,
    [1, ['ஒரு', 'ஓர்']],
    ...TEENS,
    ...TENS,
  ],
  combiningTens: COMBINING_TENS,
  scales: [
    [100, TA_HUNDREDS[0][1].concat(TA_HUNDREDS[0][2])],
    [1000, ['ஆயிரம்', 'ஆயிரத்து', 'ஆயிரத்தி', 'ஆயிரங்கள்']],
    [100000, ['லட்சம்', 'லட்சத்து', 'லட்சத்தி', 'இலட்சம்', 'லட்ச', 'லெட்சம்', 'லட்சங்கள்']],
    [10000000, ['கோடி', 'கோடியே', 'கோடிகள்']],
  ],
  extra: [
    ...TA_HUNDREDS.slice(1).flatMap(([v, alone, before]) =>
      [...alone, ...before].map((w) => [w, hundredToks(v)] as const),
    ),
    ...generated(),
  ],
  point: ['புள்ளி', 'பாயிண்ட்'],
  slash: ['ஸ்லாஷ்', 'பை'],
  repeat: [
    [2, ['டபுள்']],
    [3, ['ட்ரிபிள்']],
  ],
  currency: [
    ['INR', false, ['ரூபாய்', 'ரூபாய்கள்', 'ரூபா', 'ரூ', 'ரூ.']],
    ['INR', true, ['பைசா', 'பைசாக்கள்', 'காசு']],
    ['USD', false, ['டாலர்', 'டாலர்கள்']],
  ],
  months: [
    ['ஜனவரி'],
    ['பிப்ரவரி', 'பெப்ரவரி'],
    ['மார்ச்'],
    ['ஏப்ரல்'],
    ['மே'],
    ['ஜூன்'],
    ['ஜூலை'],
    ['ஆகஸ்ட்', 'ஆகஸ்டு'],
    ['செப்டம்பர்', 'செப்டெம்பர்'],
    ['அக்டோபர்'],
    ['நவம்பர்'],
    ['டிசம்பர்'],
  ],
  // Case endings written onto a number: 2024ல், 15ஆம், 500க்கு.
  suffixes: [
    'க்கு',
    'ல்',
    'இல்',
    'ஆம்',
    'ம்',
    'வது',
    'ஆவது',
    'ஐ',
    'ஆக',
    'உக்கு',
    'ாம்',
    'ில்',
    'ிற்கு',
    'ின்',
    'ுக்கு',
    'ை',
    'ாக',
    'யில்',
    'யை',
  ],
  time: {
    hour: ['மணி', 'மணிக்கு'],
    minute: ['நிமிடம்', 'நிமிஷம்', 'நிமிடங்கள்'],
    parts: [
      [['காலை'], [4, 5, 6, 7, 8, 9, 10, 11]],
      [['மதியம்'], [12, 13, 14, 15]],
      [['மாலை'], [16, 17, 18, 19]],
      [['இரவு'], [20, 21, 22, 23, 0, 1, 2, 3]],
    ],
  },
};
