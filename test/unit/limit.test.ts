/** The concurrency bound shared by the DNS resolver, a site's pages and the browser's page slots. */
import { describe, expect, it } from 'vitest';
import { limiter } from '../../src/util/limit.js';

const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 5));

describe('limiter', () => {
  it('bounds concurrency', async () => {
    const limit = limiter(2);
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limit(async () => {
          peak = Math.max(peak, ++running);
          await tick();
          running--;
        }),
      ),
    );
    expect(peak).toBe(2);
  });

  it('serves higher priority first, then in arrival order', async () => {
    const limit = limiter(1);
    const order: string[] = [];
    const job = (name: string) => async (): Promise<void> => {
      order.push(name);
      await tick();
    };
    await Promise.all([limit(job('running')), limit(job('a')), limit(job('b')), limit(job('urgent'), 1), limit(job('c'))]);
    expect(order).toEqual(['running', 'urgent', 'a', 'b', 'c']);
  });
});
