/**
 * How a spoken time joins the template word after it. Templates are written
 * for the written form ("{time} కి" after "సాయంత్రం 5:00", "{time}-க்கு");
 * the spoken clock already ends in a case-bearing hour word, so the spoken
 * text fuses the two the way a speaker does: గంటలకు (not గంటలకు కి),
 * மணிக்கு (not மணி-க்கு). Only `spoken` changes.
 */
export function joinSpokenTime(
  lang: string,
  fill: string,
  next: string,
): { fill: string; next: string } {
  if (lang === 'te' && fill.endsWith('గంటలకు')) {
    if (/^ కి(?![\p{L}\p{M}])/u.test(next)) return { fill, next: next.slice(3) };
  }
  // Engine gaps (kept out until the number reader learns them): the oblique
  // గంటల (గంటల లోపు) and மணிக்குள்ள are not read as times, so those stay
  // గంటలకు లోపు and மணி-க்குள்ள.
  if (lang === 'ta' && fill.endsWith('மணி') && /^-க்கு(?![\p{L}\p{M}])/u.test(next)) {
    return { fill, next: next.slice(1) };
  }
  return { fill, next };
}
