/**
 * Words that extend a number reading into an entity reading: currency words
 * after an amount, "Indian" before them, slash words of house numbers, hour
 * words of times and month names of dates. Spoken numbers themselves come
 * from the shared parser (`native/text/numbers`); these tables cover what
 * the entity composites add on top. A word's meaning does not depend on the
 * utterance language here, because hypotheses mix languages.
 */

// Keys are NFC, as the text they are looked up with is (ज़ and ड़ decompose under NFC).
function nfcMap<V>(entries: [string, V][]): ReadonlyMap<string, V> {
  return new Map(entries.map(([k, v]) => [k.normalize('NFC'), v]));
}

function nfcSet(words: string[]): ReadonlySet<string> {
  return new Set(words.map((w) => w.normalize('NFC')));
}

/** Currency words and signs → ISO 4217 code. */
export const CURRENCY_WORDS: ReadonlyMap<string, string> = nfcMap([
  ['₹', 'INR'],
  ['रुपये', 'INR'],
  ['रुपए', 'INR'],
  ['रुपया', 'INR'],
  ['रुपयों', 'INR'],
  ['रूपये', 'INR'],
  ['रु', 'INR'],
  ['రూపాయలు', 'INR'],
  ['రూపాయల', 'INR'],
  ['రూపాయి', 'INR'],
  ['రూపాయిలు', 'INR'],
  ['రూ', 'INR'],
  ['ரூபாய்', 'INR'],
  ['ரூபாய்கள்', 'INR'],
  ['ரூபாய்க்கு', 'INR'],
  ['ரூ', 'INR'],
  ['rupees', 'INR'],
  ['rupee', 'INR'],
  ['rs', 'INR'],
  ['inr', 'INR'],
  ['$', 'USD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['डॉलर', 'USD'],
  ['usd', 'USD'],
  ['€', 'EUR'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['£', 'GBP'],
]);

/** "Indian" before a currency word ("இந்திய ரூபாய்கள்") belongs to the amount. */
export const CURRENCY_QUALIFIERS: ReadonlySet<string> = nfcSet([
  'indian',
  'इंडियन',
  'भारतीय',
  'இந்திய',
  'భారతీయ',
]);

/** Words read for a slash in house numbers ("बारह बटा चार" = 12/4). */
export const SLASH_WORDS: ReadonlySet<string> = nfcSet([
  'बटा',
  'बटे',
  'by',
  'slash',
  'stroke',
  'బై',
  'బటా',
  'ஸ்லாஷ்',
  'பை',
  'स्लैश',
]);

/** Hour words that make a number a time ("3 बजे", "साढ़े तीन बजे"). */
export const HOUR_WORDS: ReadonlySet<string> = nfcSet([
  'बजे',
  'बज',
  'గంటలకు',
  'గంటలు',
  'గంటకు',
  'மணிக்கு',
  'மணி',
  "o'clock",
  'oclock',
]);

const MONTHS_BY_LANG: readonly string[][] = [
  'january february march april may june july august september october november december'.split(
    ' ',
  ),
  'jan feb mar apr may jun jul aug sep oct nov dec'.split(' '),
  'जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर'.split(' '),
  'जनवरी फ़रवरी मार्च अप्रेल मई जून जुलाई अगस्त सितम्बर अक्तूबर नवम्बर दिसम्बर'.split(' '),
  'జనవరి ఫిబ్రవరి మార్చి ఏప్రిల్ మే జూన్ జూలై ఆగస్టు సెప్టెంబర్ అక్టోబర్ నవంబర్ డిసెంబర్'.split(' '),
  'ஜனவரி பிப்ரவரி மார்ச் ஏப்ரல் மே ஜூன் ஜூலை ஆகஸ்ட் செப்டம்பர் அக்டோபர் நவம்பர் டிசம்பர்'.split(' '),
];

/** Month word → month number 1–12. */
export const MONTH_WORDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  for (const list of MONTHS_BY_LANG) list.forEach((w, i) => m.set(w.normalize('NFC'), i + 1));
  return m;
})();
