/**
 * Mean of the channels, sample by sample. A mono input is returned as is (not
 * copied): callers treat decoded audio as read-only.
 */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const nc = channels.length;
  if (nc === 0) throw new RangeError('mixToMono: no channels');
  if (nc === 1) return channels[0];
  const n = channels[0].length;
  for (const ch of channels) {
    if (ch.length !== n) throw new RangeError('mixToMono: channels differ in length');
  }
  const out = new Float32Array(n);
  if (nc === 2) {
    const [a, b] = channels;
    for (let i = 0; i < n; i++) out[i] = (a[i] + b[i]) * 0.5;
    return out;
  }
  // Sum in a Float64 accumulator: many channels of near-full-scale audio
  // would otherwise lose low bits in float32.
  const acc = new Float64Array(n);
  for (const ch of channels) for (let i = 0; i < n; i++) acc[i] += ch[i];
  const scale = 1 / nc;
  for (let i = 0; i < n; i++) out[i] = acc[i] * scale;
  return out;
}
