import { describe, expect, it } from 'vitest';
import { BatchProgress, renderProgressLine } from '../../src/audit/batch/progress.js';
import type { OutputStream } from '../../src/util/io.js';

const running = ['services.bonchaton.example', 'a-very-long-host-name-of-a-member.example.org', 'google-fonts.example'];

describe('the progress bar on a terminal', () => {
  it.each([8, 12, 20, 40, 80, 120, 300])('fits a terminal %i columns wide, one column to spare', (columns) => {
    const line = renderProgressLine({ done: 17, total: 240, running }, columns);
    expect([...line].length).toBeLessThanOrEqual(columns - 1);
    expect(line).toMatch(/^(\[[#.]+\] )?17\/240/);
  });

  it('shows the bar, the count and the hosts when there is room, cut with an ellipsis when not', () => {
    expect(renderProgressLine({ done: 1, total: 4, running: ['a.example'] }, 80)).toBe(`[${'#'.repeat(6)}${'.'.repeat(18)}] 1/4 a.example`);
    const narrow = renderProgressLine({ done: 1, total: 4, running }, 40);
    expect(narrow).toMatch(/^\[#+\.+\] 1\/4 services\.bonchat.*…$/);
    expect([...narrow].length).toBe(39);
    expect(renderProgressLine({ done: 3, total: 4, running }, 8)).toBe('3/4 se…');
  });

  it('redraws at the new width when the terminal is resized, and puts Ctrl-C on a line of its own', () => {
    const writes: string[] = [];
    const listeners: (() => void)[] = [];
    const stream: OutputStream = {
      isTTY: true,
      columns: 100,
      write: (chunk) => writes.push(chunk),
      on: (_event, listener) => listeners.push(listener),
      off: (_event, listener) => listeners.splice(listeners.indexOf(listener), 1),
    };
    const progress = new BatchProgress(stream, 3, 'en');
    progress.started('https://a-very-long-host-name-of-a-member.example.org/');
    progress.started('https://services.bonchaton.example/');
    const barLines = (): string[] =>
      writes.filter((w) => w.startsWith('\r\u001b[2K') && !w.endsWith('\n')).map((w) => w.slice('\r\u001b[2K'.length));
    expect(barLines().length).toBeGreaterThan(0);
    expect(barLines().filter((l) => l.length > 99)).toEqual([]);

    stream.columns = 30;
    expect(listeners).toHaveLength(1);
    for (const l of listeners) l();
    const afterResize = barLines().at(-1) ?? '';
    expect(afterResize.length).toBeLessThanOrEqual(29);
    expect(afterResize).toMatch(/0\/3/);

    writes.length = 0;
    progress.interrupted('Interrupted: 0/3 sites done.');
    expect(writes.join('')).toBe('\nInterrupted: 0/3 sites done.\n');
    expect(listeners).toHaveLength(0);
  });

  it('writes whole lines only when stderr is not a terminal (CI logs)', () => {
    const writes: string[] = [];
    const progress = new BatchProgress({ write: (chunk) => writes.push(chunk) }, 2, 'en');
    progress.started('https://a.example/');
    progress.finished('https://a.example/', 'compliant', 1.25);
    progress.interrupted('Interrupted: 1/2 sites done.');
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true);
    expect(writes.at(-1)).toBe('Interrupted: 1/2 sites done.\n');
  });
});
