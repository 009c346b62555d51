import type { MessageArgs } from './contracts/result.js';
import type { Lang } from './contracts/rule.js';
import { t, type MessageKey } from './i18n/catalog.js';

/** A catalogue message used as an argument of another (an expected value, a suggestion). */
export interface MessageRef {
  key: MessageKey;
  args?: MessageArgs;
}

/**
 * A problem with what the user asked for (input, flags, configuration, rule files):
 * reported as one line from the catalogue, exit code 2, no stack trace.
 */
export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly args: MessageArgs = {},
    /** Arguments that are themselves catalogue messages, translated with the outer one. */
    readonly parts: Readonly<Record<string, MessageRef>> = {},
  ) {
    super(`${key} ${JSON.stringify(args)}`);
    this.name = 'UsageError';
  }

  /** `quote`: how the user-given arguments are made safe to print (the catalogue's parts are ours). */
  text(lang: Lang, quote: (args: MessageArgs) => MessageArgs = (args) => args): string {
    const parts = Object.fromEntries(
      Object.entries(this.parts).map(([name, ref]) => [name, t(lang, ref.key, ref.args && quote(ref.args))]),
    );
    return t(lang, this.key, { ...quote(this.args), ...parts });
  }
}
