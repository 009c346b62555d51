/** Reporter registry (ESLint formatters, knip reporters): a format name → a pure function. */
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import type { Reporter } from './reporter.js';
import type { FormatName } from '../contracts/settings.js';
import { sarifReporter } from './sarif.js';
import { terminalReporter } from './terminal.js';

export const reporters = {
  terminal: terminalReporter,
  json: jsonReporter,
  markdown: markdownReporter,
  html: htmlReporter,
  sarif: sarifReporter,
  junit: junitReporter,
} as const satisfies Record<FormatName, Reporter>;

export const FORMAT_NAMES = Object.keys(reporters) as FormatName[];

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(reporters, name);
}

/** The file extension each format is written with. */
export const FILE_EXTENSIONS: Readonly<Record<FormatName, string>> = {
  json: '.json',
  terminal: '.txt',
  markdown: '.md',
  html: '.html',
  sarif: '.sarif',
  junit: '.xml',
};

const EXTENSIONS: Readonly<Record<string, FormatName>> = {
  ...Object.fromEntries(FORMAT_NAMES.map((format) => [FILE_EXTENSIONS[format], format])),
  '.htm': 'html',
};

/** --output report.json implies --format json (.md markdown, .html html, .sarif sarif, .xml junit). */
export function formatFromFileName(file: string): FormatName | undefined {
  const ext = /\.[a-z]+$/i.exec(file)?.[0]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}
