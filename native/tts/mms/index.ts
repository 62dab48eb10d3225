export { MmsTtsEngine } from './engine.js';
export type { MmsSynthesis } from './engine.js';
export { loadMmsTokenizer, tokenize } from './tokenizer.js';
export type { MmsTokenizer, MmsTokens } from './tokenizer.js';
