/** Reporter registry (ESLint formatters, knip reporters): a format name → a pure function. */
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';
import { terminalReporter } from './terminal.js';

export const reporters = {
  terminal: terminalReporter,
  json: jsonReporter,
} as const satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;
export const FORMAT_NAMES = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.prototype.hasOwnProperty.call(reporters, name);
}

const EXTENSIONS: Readonly<Record<string, FormatName>> = { '.json': 'json', '.txt': 'terminal' };

/** --output report.json implies --format json. */
export function formatFromFileName(file: string): FormatName | undefined {
  const ext = /\.[a-z]+$/i.exec(file)?.[0]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}
