/**
 * The CLI run in-process: main() with a fake process (size-limit's run(process)), no build and
 * no spawn. Same arguments and result as runCli in ./cli.ts, so a test switches by changing one
 * import. Keep runCli for what needs a real process: signals, exiting by itself, a process tree.
 */
import { main } from '../../src/cli/main.js';
import { packageRoot } from '../../src/util/paths.js';
import { cliEnv, type CliRun } from './cli.js';

export { lines } from './cli.js';
export type { CliRun } from './cli.js';

export async function runMain(args: string[], env: Record<string, string> = {}, cwd = packageRoot): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: [process.execPath, 'chatons-audit', ...args],
    env: cliEnv(env),
    cwd: () => cwd,
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
  });
  return { code, stdout, stderr };
}
