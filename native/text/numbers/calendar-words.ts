/** English ordinals for day numbers ("fifteenth August"), both directions. */
export const EN_ORDINALS: readonly string[] = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
  'twenty first',
  'twenty second',
  'twenty third',
  'twenty fourth',
  'twenty fifth',
  'twenty sixth',
  'twenty seventh',
  'twenty eighth',
  'twenty ninth',
  'thirtieth',
  'thirty first',
];

/** Single-word ordinals → value (the last word of a two-word ordinal). */
export const EN_ORDINAL_WORDS: ReadonlyMap<string, number> = new Map(
  EN_ORDINALS.slice(1, 20)
    .map((w, i) => [w, i + 1] as [string, number])
    .concat([
      ['twentieth', 20],
      ['thirtieth', 30],
    ]),
);
