/**
 * The CLI as a testable function: `main(process)` returns the exit code, tests pass a fake
 * process and read its output (size-limit's run(process)). Exit codes (DESIGN.md):
 * 0 nothing to fail on, 1 failed per --fail-on, 2 usage, configuration or internal error.
 */
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../contracts/rule.js';
import { defaultLang, isLang, t } from '../i18n/catalog.js';
import { packageInfo } from '../paths.js';
import { FORMAT_NAMES } from '../report/index.js';
import { FAIL_ON } from '../rules/verdict.js';
import { runAuditCommand } from './audit-command.js';
import type { BatchOptions } from '../batch/command.js';
import { runMergeCommand, type MergeOptions } from '../batch/merge-command.js';
import type { AuditCommandOptions } from './run-settings.js';
import { runDemoCommand } from './demo-command.js';
import { addRulesCommands } from './rules-commands-cli.js';
import type { CliProcess } from './io.js';
import { UsageError } from './usage-error.js';
import { forTerminal, terminalArgs } from '../report/neutralise.js';

export type { CliProcess } from './io.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The language for messages printed before options are parsed (errors in the options themselves). */
function earlyLang(argv: readonly string[], env: CliProcess['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value && isLang(value) ? value : defaultLang(env);
}

function addAuditOptions(command: Command, lang: Lang): Command {
  return command
    .option('-f, --format <name>', t(lang, 'cli.opt.format', { formats: FORMAT_NAMES.join(' | ') }))
    .option('-o, --output <file>', t(lang, 'cli.opt.output'))
    .option('--lang <lang>', t(lang, 'cli.opt.lang'))
    .option('--config <file>', t(lang, 'cli.opt.config'))
    .option('--own-domain <domain>', t(lang, 'cli.opt.ownDomain'), collect, [])
    .option('--map-host <mapping>', t(lang, 'cli.opt.mapHost'), collect, [])
    .option('--max-pages <n>', t(lang, 'cli.opt.maxPages'))
    .option('--timeout <ms>', t(lang, 'cli.opt.timeout'))
    .option('--quiet-window <ms>', t(lang, 'cli.opt.quietWindow'))
    .option('--browser <path>', t(lang, 'cli.opt.browser'))
    .option('--ca-cert <file>', t(lang, 'cli.opt.caCert'), collect, [])
    .option('--dns-server <addr[:port]>', t(lang, 'cli.opt.dnsServer'), collect, [])
    .option('--save-evidence <file>', t(lang, 'cli.opt.saveEvidence'))
    .option('--fail-on <when>', t(lang, 'cli.opt.failOn', { values: FAIL_ON.join(' | ') }))
    .option('--baseline <file>', t(lang, 'cli.opt.baseline'))
    .option('--evidence-dir <dir>', t(lang, 'cli.opt.evidenceDir'))
    .option('--no-redact', t(lang, 'cli.opt.noRedact'))
    .option('--debug', t(lang, 'cli.opt.debug'));
}

export async function main(proc: CliProcess): Promise<number> {
  const argv = proc.argv.slice(2);
  const lang = earlyLang(argv, proc.env);
  let debug = argv.includes('--debug');
  let exitCode = 0;
  const program = new Command('chatons-audit')
    .description(t(lang, 'cli.description'))
    .version(packageInfo.version)
    .exitOverride()
    .configureOutput({ writeOut: (s) => proc.stdout.write(s), writeErr: () => undefined, outputError: () => undefined });

  addAuditOptions(program.command('audit', { isDefault: true }).description(t(lang, 'cli.audit')), lang)
    .argument('[urls...]', t(lang, 'cli.arg.urls'))
    .option('--candidate', t(lang, 'cli.opt.candidate'))
    .option('--allow-private', t(lang, 'cli.opt.allowPrivate'))
    .option('--chatonsinfos <url>', t(lang, 'cli.opt.chatonsinfos'))
    .addOption(new Option('--from-evidence <file>', t(lang, 'cli.opt.fromEvidence')))
    .option('--targets <file|url>', t(lang, 'cli.opt.targets'))
    .option('--output-dir <dir>', t(lang, 'cli.opt.outputDir'))
    .option('--concurrency <n>', t(lang, 'cli.opt.concurrency'))
    .option('--shard <i/n>', t(lang, 'cli.opt.shard'))
    .option('--force', t(lang, 'cli.opt.force'))
    .action(async (urls: string[], options: AuditCommandOptions & BatchOptions) => {
      debug ||= Boolean(options.debug);
      exitCode = await runAuditCommand(urls, options, proc);
    });

  addAuditOptions(program.command('demo').description(t(lang, 'cli.demo')), lang)
    .action(async (options: AuditCommandOptions) => {
      debug ||= Boolean(options.debug);
      exitCode = await runDemoCommand(options, proc);
    });

  addRulesCommands(program, lang, proc, (code) => (exitCode = code));
  program.command('merge').description(t(lang, 'cli.merge'))
    .argument('<dirs...>', t(lang, 'cli.arg.dirs'))
    .option('--output-dir <dir>', t(lang, 'cli.opt.outputDir'))
    .option('-f, --format <name>', 'terminal | json')
    .option('--lang <lang>', t(lang, 'cli.opt.lang'))
    .option('--fail-on <when>', t(lang, 'cli.opt.failOn', { values: 'never | blocking | incomplete | suggestion' }))
    .action((dirs: string[], options: MergeOptions) => {
      exitCode = runMergeCommand(dirs, options, proc);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, proc, lang, debug);
  }
}

function reportError(error: unknown, proc: CliProcess, lang: Lang, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version are "errors" that exit 0 in commander's exitOverride mode.
    if (error.exitCode === 0) return 0;
    const detail = error.message.replace(/^error:\s*/i, '');
    proc.stderr.write(`${t(lang, 'error.prefix')} ${t(lang, 'error.cli', terminalArgs({ detail }))}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    proc.stderr.write(`${t(lang, 'error.prefix')} ${t(lang, error.key, terminalArgs(error.args))}\n`);
  } else {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
    proc.stderr.write(`${t(lang, 'error.prefix')} ${t(lang, 'error.internal', terminalArgs({ message }))}\n`);
  }
  if (debug && error instanceof Error && error.stack) proc.stderr.write(`${error.stack.split('\n').map(forTerminal).join('\n')}\n`);
  return 2;
}
