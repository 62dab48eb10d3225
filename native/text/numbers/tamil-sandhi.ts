/**
 * Tamil writes a number and the word after it as one word when the second
 * begins with a vowel: இரண்டு + ஆயிரம் = இரண்டாயிரம், இருபத்து + ஒன்று =
 * இருபத்தொன்று, நூற்று + இருபது = நூற்றிருபது. The first word loses its final
 * உ sign (ு) and the vowel becomes the sign on the consonant before it.
 */
const VOWEL_SIGN: Record<string, string> = {
  அ: '',
  ஆ: 'ா',
  இ: 'ி',
  ஈ: 'ீ',
  உ: 'ு',
  ஊ: 'ூ',
  எ: 'ெ',
  ஏ: 'ே',
  ஐ: 'ை',
  ஒ: 'ொ',
  ஓ: 'ோ',
};

/** The fused spelling of `a` + `b`, or null when Tamil keeps them apart. */
export function tamilFuse(a: string, b: string): string | null {
  const sign = VOWEL_SIGN[b[0]];
  if (sign === undefined) return null;
  if (a.endsWith('ு')) return a.slice(0, -1) + sign + b.slice(1);
  return null;
}
