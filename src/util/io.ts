/** What the CLI needs of a process: `process` itself, or a fake one in tests. */
export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Width of the terminal, when the stream is one (read again on every redraw). */
  columns?: number;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

export interface CliProcess {
  argv: string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  cwd(): string;
  /** Ctrl-C. The real process has these; a fake one may leave them out (no handler is set then). */
  once?(event: 'SIGINT', listener: () => void): unknown;
  off?(event: 'SIGINT', listener: () => void): unknown;
  exit?(code: number): void;
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
export function wantsColor(stream: OutputStream, env: CliProcess['env']): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}
