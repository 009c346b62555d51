/** Registers `rules` and `explain` on the program (kept out of main.ts so merges stay small). */
import type { Command } from 'commander';
import type { Lang } from '../contracts/rule.js';
import { t } from '../i18n/catalog.js';
import type { CliProcess } from '../util/io.js';
import { runExplainCommand, runRulesCommand, type RulesCommandOptions } from './rules-command.js';

export function addRulesCommands(program: Command, lang: Lang, proc: CliProcess, setExit: (code: number) => void): void {
  program
    .command('rules')
    .description(t(lang, 'cli.rules'))
    .option(`-f, --format <${t(lang, 'cli.meta.name')}>`, t(lang, 'cli.opt.rulesFormat'))
    .option('--lang <fr|en>', t(lang, 'cli.opt.lang'))
    .option(`--config <${t(lang, 'cli.meta.file')}>`, t(lang, 'cli.opt.config'))
    .action((options: RulesCommandOptions) => setExit(runRulesCommand(options, proc)));
  program
    .command('explain')
    .description(t(lang, 'cli.explain'))
    .argument(`<${t(lang, 'cli.meta.ruleId')}>`, t(lang, 'cli.arg.ruleId'))
    .option('--lang <fr|en>', t(lang, 'cli.opt.lang'))
    .option(`--config <${t(lang, 'cli.meta.file')}>`, t(lang, 'cli.opt.config'))
    .action((id: string, options: RulesCommandOptions) => setExit(runExplainCommand(id, options, proc)));
}
