/** What the CLI needs of a process: `process` itself, or a fake one in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface CliProcess {
  argv: string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  cwd(): string;
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColor(stream: OutputStream, env: CliProcess['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
