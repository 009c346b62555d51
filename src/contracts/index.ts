export type * from './evidence.js';
export type * from './rule.js';
export type * from './result.js';
export { LANGS } from './rule.js';
