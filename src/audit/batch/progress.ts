/**
 * Batch progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise (CI
 * logs keep every line).
 */
import type { OutputStream } from '../../util/io.js';
import type { Lang } from '../../contracts/rule.js';
import type { Verdict } from '../../contracts/result.js';
import { t } from '../../i18n/catalog.js';
import { forTerminal, terminalArgs } from '../../report/neutralise.js';

const BAR_WIDTH = 24;
/** A terminal that does not say its width (rare): the classic 80 columns. */
const DEFAULT_COLUMNS = 80;

export interface ProgressState {
  done: number;
  total: number;
  /** Hosts being audited now. */
  running: readonly string[];
}

/**
 * The bar line for a terminal `columns` wide. It stays one column short of the width: a line
 * that fills the last column leaves the cursor in the terminal's pending-wrap state, and the
 * next carriage return would redraw on a line of its own, leaving the old one behind.
 */
export function renderProgressLine(state: ProgressState, columns: number): string {
  const room = Math.max(1, Math.floor(columns) - 1);
  const count = `${state.done}/${state.total}`;
  // The bar takes at most a third of the line: the count and the hosts say more.
  const barWidth = Math.min(BAR_WIDTH, Math.floor(room / 3), room - count.length - 3);
  let line = count;
  if (barWidth >= 5) {
    const filled = state.total === 0 ? barWidth : Math.round((state.done / state.total) * barWidth);
    line = `[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${count}`;
  }
  const hosts = state.running.join(', ');
  if (hosts) line += ` ${hosts}`;
  return fit(line, room);
}

/** Cut to `width` characters (code points), with an ellipsis when something was cut. */
function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('')}…`;
}

export class BatchProgress {
  private done = 0;
  private readonly running = new Set<string>();
  private readonly onResize = (): void => this.redraw();

  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
    private readonly lang: Lang,
  ) {
    if (this.tty) this.stream.on?.('resize', this.onResize);
  }

  private get tty(): boolean {
    return Boolean(this.stream.isTTY);
  }

  get finishedCount(): number {
    return this.done;
  }

  skipped(target: string): void {
    this.done += 1;
    if (!this.tty) this.line(t(this.lang, 'batch.skipped', terminalArgs({ target })));
    else this.redraw();
  }

  started(target: string): void {
    this.running.add(target);
    if (this.tty) this.redraw();
  }

  finished(target: string, verdict: Verdict | null, seconds: number, error?: string): void {
    this.running.delete(target);
    this.done += 1;
    const text = verdict
      ? t(this.lang, 'batch.siteDone', terminalArgs({ target, verdict: t(this.lang, `verdict.${verdict}`), seconds: seconds.toFixed(1) }))
      : t(this.lang, 'batch.siteFailed', terminalArgs({ target, error: error ?? '' }));
    if (this.tty) {
      this.stream.write(`\r\u001b[2K${text}\n`);
      this.redraw();
    } else {
      this.line(text);
    }
  }

  end(): void {
    this.stream.off?.('resize', this.onResize);
    if (this.tty) this.stream.write('\r\u001b[2K');
  }

  /** Ctrl-C: the bar stays as it was, the message goes on a line of its own below it. */
  interrupted(message: string): void {
    this.stream.off?.('resize', this.onResize);
    this.stream.write(`${this.tty ? '\n' : ''}${message}\n`);
  }

  private line(text: string): void {
    this.stream.write(`[${this.done}/${this.total}] ${text}\n`);
  }

  private redraw(): void {
    const columns = this.stream.columns && this.stream.columns > 0 ? this.stream.columns : DEFAULT_COLUMNS;
    const running = [...this.running].map((u) => forTerminal(new URL(u).host));
    this.stream.write(`\r\u001b[2K${renderProgressLine({ done: this.done, total: this.total, running }, columns)}`);
  }
}
