/**
 * sacrebleu takes references as streams (`refs[k][i]`: stream k's sentence
 * i); a null entry is a missing reference, as sacrebleu allows.
 */
export type RefStreams = readonly (readonly (string | null)[])[];

/** The references of sentence i across the streams, missing ones left out. */
export function refsAt(refs: RefStreams, i: number): string[] {
  const out: string[] = [];
  for (const stream of refs) {
    if (i >= stream.length) throw new Error('reference and hypothesis streams differ in length');
    const r = stream[i];
    if (r !== null && r !== undefined) out.push(r);
  }
  return out;
}
