import type { EgressGate } from './egress-gate.js';

/** Chromium's failures when its proxy refuses or cannot connect: the gate knows what really happened. */
const PROXY_FAILURES = /ERR_(TUNNEL_CONNECTION_FAILED|EMPTY_RESPONSE|PROXY_CONNECTION_FAILED|CONNECTION_CLOSED)$/;

/** A browser request's failure in the gate's words (and the refused address) when the gate caused it. */
export function explainFailure(gate: EgressGate | undefined, url: string, failure: string): { error: string; address: string | null } {
  if (!gate || !PROXY_FAILURES.test(failure)) return { error: failure, address: null };
  try {
    const u = new URL(url);
    const port = u.port ? Number(u.port) : u.protocol === 'https:' || u.protocol === 'wss:' ? 443 : 80;
    return gate.explain(u.hostname, port) ?? { error: failure, address: null };
  } catch {
    return { error: failure, address: null };
  }
}
