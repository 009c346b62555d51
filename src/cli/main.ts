/**
 * The CLI as a testable function: `main(process)` returns the exit code, tests pass a fake
 * process and read its output (size-limit's run(process)). Exit codes (DESIGN.md):
 * 0 nothing to fail on, 1 failed per --fail-on, 2 usage, configuration or internal error.
 */
import { Command, CommanderError, Help, Option } from 'commander';
import type { Lang } from '../contracts/rule.js';
import { defaultLang, isLang, t, type MessageKey } from '../i18n/catalog.js';
import { packageInfo } from '../util/paths.js';
import { FORMAT_NAMES } from '../report/index.js';
import { FAIL_ON } from '../contracts/settings.js';
import { runAuditCommand } from './audit-command.js';
import { runMergeCommand, type MergeOptions } from './merge-command.js';
import type { CommandOptions } from '../audit/settings.js';
import { runDemoCommand } from './demo-command.js';
import { addRulesCommands } from './rules-commands-cli.js';
import { wantsColor, type CliProcess } from '../util/io.js';
import { closest } from '../util/suggest.js';
import { UsageError } from '../errors.js';
import { forTerminal, terminalArgs } from '../report/neutralise.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The language for messages printed before options are parsed (errors in the options themselves). */
function earlyLang(argv: readonly string[], env: CliProcess['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? undefined : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return value && isLang(value) ? value : defaultLang(env);
}

function addAuditOptions(command: Command, lang: Lang): Command {
  // Value names are only shown in the help, so they are translated like the descriptions.
  const file = t(lang, 'cli.meta.file');
  return command
    .option(`-f, --format <${t(lang, 'cli.meta.name')}>`, t(lang, 'cli.opt.format', { formats: FORMAT_NAMES.join(' | ') }))
    .option(`-o, --output <${file}>`, t(lang, 'cli.opt.output'))
    .option('--lang <fr|en>', t(lang, 'cli.opt.lang'))
    .option(`--config <${file}>`, t(lang, 'cli.opt.config'))
    .option(`--own-domain <${t(lang, 'cli.meta.domain')}>`, t(lang, 'cli.opt.ownDomain'), collect, [])
    .option(`--map-host <${t(lang, 'cli.meta.mapping')}>`, t(lang, 'cli.opt.mapHost'), collect, [])
    .option('--max-pages <n>', t(lang, 'cli.opt.maxPages'))
    .option('--timeout <ms>', t(lang, 'cli.opt.timeout'))
    .option('--quiet-window <ms>', t(lang, 'cli.opt.quietWindow'))
    .option(`--browser <${t(lang, 'cli.meta.path')}>`, t(lang, 'cli.opt.browser'))
    .option(`--ca-cert <${file}>`, t(lang, 'cli.opt.caCert'), collect, [])
    .option(`--dns-server <${t(lang, 'cli.meta.address')}[:port]>`, t(lang, 'cli.opt.dnsServer'), collect, [])
    .option(`--save-evidence <${file}>`, t(lang, 'cli.opt.saveEvidence'))
    .option(`--fail-on <${t(lang, 'cli.meta.when')}>`, t(lang, 'cli.opt.failOn', { values: FAIL_ON.join(' | ') }))
    .option(`--baseline <${file}>`, t(lang, 'cli.opt.baseline'))
    .option(`--evidence-dir <${t(lang, 'cli.meta.dir')}>`, t(lang, 'cli.opt.evidenceDir'))
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
    .version(packageInfo.version, '-V, --version', t(lang, 'cli.version'))
    .helpOption('-h, --help', t(lang, 'cli.help'))
    .helpCommand(`help [${t(lang, 'cli.meta.command')}]`, t(lang, 'cli.helpCommand'))
    .usage(t(lang, 'cli.usage'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => proc.stdout.write(s),
      writeErr: () => undefined,
      outputError: () => undefined,
      // Commander would read the global process's terminal: the help fits the one main() was given
      // (80 columns without a terminal, commander's own default).
      getOutHelpWidth: () => (proc.stdout.isTTY && proc.stdout.columns) || 80,
      getOutHasColors: () => wantsColor(proc.stdout, proc.env),
    });
  // Set before the commands are added: they inherit it.
  program.configureHelp(translatedHelp(lang, () => audit));

  const audit = addAuditOptions(program.command('audit', { isDefault: true }).description(t(lang, 'cli.audit')), lang)
    .argument('[urls...]', t(lang, 'cli.arg.urls'))
    .option('--candidate', t(lang, 'cli.opt.candidate'))
    .option('--allow-private', t(lang, 'cli.opt.allowPrivate'))
    .option('--chatonsinfos <url>', t(lang, 'cli.opt.chatonsinfos'))
    .addOption(new Option(`--from-evidence <${t(lang, 'cli.meta.file')}>`, t(lang, 'cli.opt.fromEvidence')))
    // 29 options: the batch ones under a heading of their own.
    .optionsGroup(t(lang, 'help.batchOptions'))
    .option(`--targets <${t(lang, 'cli.meta.file')}|url>`, t(lang, 'cli.opt.targets'))
    .option(`--output-dir <${t(lang, 'cli.meta.dir')}>`, t(lang, 'cli.opt.outputDir'))
    .option('--concurrency <n>', t(lang, 'cli.opt.concurrency'))
    .option('--shard <i/n>', t(lang, 'cli.opt.shard'))
    .option('--force', t(lang, 'cli.opt.force'))
    .action(async (urls: string[], options: CommandOptions) => {
      debug ||= Boolean(options.debug);
      exitCode = await runAuditCommand(urls, options, proc);
    });

  addAuditOptions(program.command('demo').description(t(lang, 'cli.demo')), lang).action(async (options: CommandOptions) => {
    debug ||= Boolean(options.debug);
    exitCode = await runDemoCommand(options, proc);
  });

  addRulesCommands(program, lang, proc, (code) => (exitCode = code));
  program
    .command('merge')
    .description(t(lang, 'cli.merge'))
    .argument(`<${t(lang, 'cli.meta.dirs')}...>`, t(lang, 'cli.arg.dirs'))
    .option(`--output-dir <${t(lang, 'cli.meta.dir')}>`, t(lang, 'cli.opt.outputDir'))
    .option(`-f, --format <${t(lang, 'cli.meta.name')}>`, t(lang, 'cli.opt.mergeFormat'))
    .option('--lang <fr|en>', t(lang, 'cli.opt.lang'))
    .option(`--fail-on <${t(lang, 'cli.meta.when')}>`, t(lang, 'cli.opt.failOn', { values: FAIL_ON.join(' | ') }))
    .option(`--baseline <${t(lang, 'cli.meta.file')}>`, t(lang, 'cli.opt.baseline'))
    .action((dirs: string[], options: MergeOptions) => {
      exitCode = runMergeCommand(dirs, options, proc);
    });

  try {
    refuseMistypedCommand(argv, program, audit);
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
    proc.stderr.write(`${t(lang, 'error.prefix')} ${t(lang, 'error.cli', { detail: commanderMessage(error, lang) })}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    proc.stderr.write(`${t(lang, 'error.prefix')} ${error.text(lang, terminalArgs)}\n`);
  } else {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    proc.stderr.write(`${t(lang, 'error.prefix')} ${t(lang, 'error.internal', terminalArgs({ message }))}\n`);
  }
  if (debug && error instanceof Error && error.stack) proc.stderr.write(`${error.stack.split('\n').map(forTerminal).join('\n')}\n`);
  return 2;
}

/** Commander's own errors, in the catalogue's words (its messages are English only). */
const COMMANDER_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'commander.unknownOption': 'error.unknownOption',
  'commander.missingArgument': 'error.missingArgument',
  'commander.optionMissingArgument': 'error.optionMissingArgument',
  'commander.excessArguments': 'error.excessArguments',
  'commander.invalidArgument': 'error.invalidArgument',
  'commander.unknownCommand': 'error.unknownCommand',
  'commander.missingMandatoryOptionValue': 'error.optionMissingArgument',
  'commander.conflictingOption': 'error.conflictingOption',
};

function commanderMessage(error: CommanderError, lang: Lang): string {
  const message = error.message.replace(/^error:\s*/i, '');
  // The name commander quotes ('--frobnicate', 'rule-id') and the suggestion it computed, if any.
  const name = /'([^']+)'/.exec(message)?.[1] ?? '';
  const like = /Did you mean (\S+)\?/.exec(message)?.[1];
  const key = like && error.code === 'commander.unknownOption' ? 'error.unknownOptionLike' : COMMANDER_MESSAGES[error.code];
  // What commander quotes comes from the command line: neutralised like any other argument.
  return key ? t(lang, key, terminalArgs({ name, like: like ?? '', detail: message })) : forTerminal(message);
}

/** Operands that are values of the options before them are not commands (`--lang en`). */
function firstOperand(argv: readonly string[], commands: readonly Command[]): string | undefined {
  const takesValue = new Set(
    commands
      .flatMap((c) => c.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]))
      .filter((flag): flag is string => Boolean(flag)),
  );
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') return argv[i + 1];
    if (!arg.startsWith('-')) return arg;
    if (!arg.includes('=') && takesValue.has(arg)) i++;
  }
  return undefined;
}

/**
 * A bare word close to a command name (`rule`, `explian`) is a mistyped command, not a host
 * to audit: say which command was meant rather than "invalid address".
 */
function refuseMistypedCommand(argv: readonly string[], program: Command, audit: Command): void {
  const word = firstOperand(argv, [program, audit]);
  if (!word || !/^[a-z][a-z-]*$/i.test(word)) return;
  const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
  if (names.includes(word)) return;
  const like = closest(word, names);
  if (like) throw new UsageError('error.mistypedCommand', { name: word, like });
}

const HELP_TITLES: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.options',
};

/**
 * Commander's help in the catalogue's words; the top-level help shows the default command's
 * arguments and options, since `chatons-audit URL` is how the tool is used.
 */
function translatedHelp(lang: Lang, defaultCommand: () => Command): Partial<Help> {
  const base = new Help();
  return {
    styleTitle: (title: string) => {
      const key = HELP_TITLES[title];
      return key ? t(lang, key) : title;
    },
    optionDescription: (option: Option) => {
      const value = option.defaultValue as unknown;
      const shown = value !== undefined && typeof value !== 'boolean' && !(Array.isArray(value) && value.length === 0);
      return shown
        ? `${option.description} ${t(lang, 'cli.default', { value: option.defaultValueDescription ?? JSON.stringify(value) })}`
        : option.description;
    },
    visibleArguments: (cmd: Command) => base.visibleArguments(cmd.parent ? cmd : defaultCommand()),
    visibleOptions: (cmd: Command) => {
      if (cmd.parent) return base.visibleOptions(cmd);
      const own = base.visibleOptions(cmd);
      const flags = new Set(own.map((o) => o.long));
      return [...base.visibleOptions(defaultCommand()).filter((o) => !flags.has(o.long)), ...own];
    },
  };
}
