/** Bounds a promise that a hostile page could keep pending forever (an infinite JS loop). */
class TimeoutError extends Error {
  constructor(
    readonly label: string,
    readonly ms: number,
  ) {
    super(`${label} did not finish within ${ms} ms`);
    this.name = 'TimeoutError';
  }
}

/**
 * The browser could not open a context or a page for a site (within its bound, or at all): the
 * tool's failure, never the site's. The batch relaunches the browser and retries the site; a
 * site that still gets no page is reported as an error, without a verdict.
 */
export class BrowserStalled extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserStalled';
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(label, ms)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const netError = /net::ERR_[A-Z_]+/.exec(message);
  return netError ? netError[0] : (message.split('\n')[0] ?? message).trim();
}
