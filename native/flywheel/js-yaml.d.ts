// js-yaml ships no types; this declares the one function the flywheel reads configs with.
declare module 'js-yaml' {
  export function load(text: string, options?: { filename?: string }): unknown;
}
