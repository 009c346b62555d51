import type { Reporter } from './reporter.js';

export const jsonReporter: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
