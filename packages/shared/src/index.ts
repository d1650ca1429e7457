export * from './common.js';
export * from './errors.js';
export * from './health.js';
export * from './buckets.js';
export * from './objects.js';
export * from './object.js';
export * from './keys.js';
