export * from './api.js';
export * from './audio.js';
export * from './common.js';
export * from './corpus.js';
export * from './errors.js';
export * from './jobs.js';
export * from './project.js';
export * from './runs.js';
