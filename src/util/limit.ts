/**
 * A tiny concurrency bound: at most `max` tasks run at once, the others wait their turn, higher
 * `priority` first, then in arrival order. A finishing task hands its slot straight to the next
 * one waiting, so a newcomer cannot slip in between.
 */
export type Limiter = <T>(task: () => Promise<T>, priority?: number) => Promise<T>;

export function limiter(max: number): Limiter {
  let running = 0;
  const waiting: { go: () => void; priority: number }[] = [];
  const release = (): void => {
    const next = waiting.shift();
    if (next) next.go();
    else running--;
  };
  return async <T>(task: () => Promise<T>, priority = 0): Promise<T> => {
    if (running >= max) {
      await new Promise<void>((go) => {
        const at = waiting.findIndex((w) => w.priority < priority);
        waiting.splice(at < 0 ? waiting.length : at, 0, { go, priority });
      });
    } else {
      running++;
    }
    try {
      return await task();
    } finally {
      release();
    }
  };
}
