/** `--name value` from the command line, or the default when the flag is absent. */
export function stringArg(name: string, dflt: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
}

export function numberArg(name: string, dflt: number): number {
  return Number(stringArg(name, String(dflt)));
}
