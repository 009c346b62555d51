/**
 * What a hostile or broken page does to its visitor, recorded as incidents of the audited page.
 * One entry per (kind, URL), with a count, so a window.open storm is one line, not a thousand.
 */
import type { IncidentKind, PageIncident } from '../contracts/evidence.js';

const MAX_DETAIL = 200;
/** A storm is still one incident; past this many distinct ones, the rest are dropped. */
const MAX_INCIDENTS = 50;

export class IncidentLog {
  private readonly byKey = new Map<string, PageIncident>();

  constructor(private readonly pageUrl: string) {}

  add(kind: IncidentKind, detail: string, url?: string): void {
    const key = `${kind}\u0000${url ?? detail}`;
    const existing = this.byKey.get(key);
    if (existing) {
      existing.count += 1;
      return;
    }
    if (this.byKey.size >= MAX_INCIDENTS) return;
    const incident: PageIncident = { kind, page: this.pageUrl, detail: detail.replace(/\s+/g, ' ').trim().slice(0, MAX_DETAIL), count: 1 };
    if (url) incident.url = url;
    this.byKey.set(key, incident);
  }

  get all(): PageIncident[] {
    return [...this.byKey.values()];
  }
}
