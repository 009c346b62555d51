import { jsonText } from './neutralise.js';
import type { Reporter } from './reporter.js';

/** The exact result: JSON keeps the evidence; controls in it are written as \u escapes. */
export const jsonReporter: Reporter = (result) => `${jsonText(result, 2)}\n`;
