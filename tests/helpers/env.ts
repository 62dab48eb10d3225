/** Remembers some environment variables; the returned function puts them back as they were. */
export function saveEnv(...keys: string[]): () => void {
  const saved = keys.map((k) => [k, process.env[k]] as const);
  return () => {
    for (const [k, v] of saved)
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  };
}
