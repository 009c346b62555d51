import type { MessageArgs } from '../contracts/result.js';
import type { MessageKey } from '../i18n/catalog.js';

/**
 * A problem with what the user asked for (input, flags, configuration, rule files):
 * reported as one line from the catalogue, exit code 2, no stack trace.
 */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly args: MessageArgs = {},
  ) {
    super(`${key} ${JSON.stringify(args)}`);
    this.name = 'UsageError';
  }
}
