/**
 * Our own "network idle": a request is done at its response or its failure. Playwright's
 * networkidle can hang forever (a no-store fetch whose body is never read never finishes),
 * so we wait for a quiet window with a hard cap instead.
 */
export interface QuietOptions {
  /** How long no request may start or end before the page counts as settled. */
  quietMs: number;
  /** Give up waiting after this long (the page is then reported as capped). */
  capMs: number;
  /** Requests in flight longer than this (long polls, streams) stop blocking the settle. */
  staleMs: number;
}

export class NetworkQuietTracker<K> {
  private readonly inflight = new Map<K, number>();
  private lastActivity = Date.now();

  started(key: K): void {
    this.inflight.set(key, Date.now());
    this.lastActivity = Date.now();
  }

  /** Something happened that may start requests (the page was left): the quiet window restarts. */
  touch(): void {
    this.lastActivity = Date.now();
  }

  done(key: K): void {
    if (this.inflight.delete(key)) this.lastActivity = Date.now();
  }

  /** Resolves true when settled, false when the cap was reached first. */
  async waitForQuiet(options: QuietOptions, signal?: AbortSignal): Promise<boolean> {
    const deadline = Date.now() + options.capMs;
    for (;;) {
      const now = Date.now();
      const blocking = [...this.inflight.values()].filter((since) => now - since < options.staleMs).length;
      if (blocking === 0 && now - this.lastActivity >= options.quietMs) return true;
      if (now >= deadline || signal?.aborted) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, deadline - now))));
    }
  }
}
