/**
 * Runs many site audits with bounded concurrency on one browser. A site whose audit finds the
 * browser gone (crashed, killed) or stalled (no context or page within its bound) gets the
 * browser relaunched and is retried once; a site that still fails is reported as failed, with
 * no verdict, and the batch goes on.
 */
import type { AuditResult } from '../../contracts/result.js';
import type { BatchTarget, TargetOverrides } from './targets.js';
import { BrowserStalled } from '../../collect/timeout.js';

/** What the runner needs of an Auditor (a fake in unit tests). */
export interface SiteAuditor {
  audit(target: URL, overrides?: TargetOverrides): Promise<{ result: AuditResult }>;
  readonly connected: boolean;
  close(): Promise<void>;
}

export type SiteOutcome =
  | { target: BatchTarget; result: AuditResult; retried: boolean }
  /** `cause`: what was thrown, for a run that stops at the first failure (a single audit). */
  | { target: BatchTarget; error: string; cause: unknown; retried: boolean };

export interface BatchRunOptions {
  concurrency: number;
  launch(): Promise<SiteAuditor>;
  /** Called as each site ends, in completion order (write its file here). */
  onSite(outcome: SiteOutcome): void | Promise<void>;
  onStart?(target: BatchTarget): void;
  /** How a site's failure is told in its outcome (default: the error's first line). */
  describeError?(error: unknown): string;
}

/** The browser crashed or stalled: relaunch it and retry the site. */
class BrowserCrashed extends Error {}

export async function runBatch(targets: readonly BatchTarget[], options: BatchRunOptions): Promise<void> {
  if (targets.length === 0) return;
  let auditor = await options.launch();
  // All sites in flight on a crashed browser share one relaunch.
  let relaunching: Promise<SiteAuditor> | null = null;
  const relaunch = async (crashed: SiteAuditor): Promise<SiteAuditor> => {
    if (auditor !== crashed) return auditor;
    relaunching ??= (async () => {
      await crashed.close().catch(() => undefined);
      auditor = await options.launch();
      relaunching = null;
      return auditor;
    })();
    return relaunching;
  };

  const describe = options.describeError ?? errorLine;
  const attempt = async (target: BatchTarget, on: SiteAuditor): Promise<AuditResult> => {
    try {
      const { result } = await on.audit(target.url, target.overrides);
      if (!on.connected) throw new BrowserCrashed('the browser stopped during this site');
      return result;
    } catch (error) {
      if (error instanceof BrowserStalled || (!on.connected && !(error instanceof BrowserCrashed)))
        throw new BrowserCrashed(errorLine(error));
      throw error;
    }
  };

  const one = async (target: BatchTarget): Promise<SiteOutcome> => {
    options.onStart?.(target);
    const on = auditor;
    try {
      return { target, result: await attempt(target, on), retried: false };
    } catch (error) {
      if (!(error instanceof BrowserCrashed)) return { target, error: describe(error), cause: error, retried: false };
      try {
        return { target, result: await attempt(target, await relaunch(on)), retried: true };
      } catch (second) {
        if (second instanceof BrowserCrashed) await relaunch(auditor).catch(() => undefined);
        return { target, error: describe(second), cause: second, retried: true };
      }
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const target = targets[next++] as BatchTarget;
      await options.onSite(await one(target));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency, targets.length) }, worker));
  } finally {
    await auditor.close();
  }
}

export function errorLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}
