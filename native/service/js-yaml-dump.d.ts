// js-yaml ships no types; the Generate screen also writes the configuration the CLI reads.
declare module 'js-yaml' {
  export function dump(value: unknown, options?: { lineWidth?: number; noRefs?: boolean }): string;
}
