/**
 * Batch progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise (CI
 * logs keep every line).
 */
import type { OutputStream } from '../cli/io.js';
import type { Lang } from '../contracts/rule.js';
import type { Verdict } from '../contracts/result.js';
import { t } from '../i18n/catalog.js';
import { forTerminal, terminalArgs } from '../report/neutralise.js';

const BAR_WIDTH = 24;

export class BatchProgress {
  private done = 0;
  private readonly running = new Set<string>();

  constructor(
    private readonly stream: OutputStream,
    private readonly total: number,
    private readonly lang: Lang,
  ) {}

  private get tty(): boolean {
    return Boolean(this.stream.isTTY);
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
    if (this.tty) this.stream.write('\r\u001b[2K');
  }

  private line(text: string): void {
    this.stream.write(`[${this.done}/${this.total}] ${text}\n`);
  }

  private redraw(): void {
    const filled = this.total === 0 ? BAR_WIDTH : Math.round((this.done / this.total) * BAR_WIDTH);
    const current = forTerminal([...this.running].map((u) => new URL(u).host).join(', '));
    this.stream.write(`\r\u001b[2K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${this.done}/${this.total} ${current}`.slice(0, 160));
  }
}
