/**
 * third-party-markup: what the rendered HTML points at a third party without (necessarily) a
 * request during the visit: resource hints (<link rel=preconnect|dns-prefetch|preload|prefetch>),
 * which leak the visit as soon as the browser acts on them, `<a ping>` (sent on click) and
 * `<form action>` (sent on submit). One finding per (page, host, kind).
 */
import { load } from 'cheerio';
import type { PageEvidence } from '../../contracts/evidence.js';
import { hostOf } from '../../domains/party.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

const KINDS = ['hint', 'ping', 'form'] as const;
type Kind = (typeof KINDS)[number];
const CODES: Readonly<Record<Kind, string>> = { hint: 'thirdPartyHint', ping: 'thirdPartyPing', form: 'thirdPartyFormAction' };
const DEFAULT_RELS = ['preconnect', 'dns-prefetch', 'preload', 'prefetch', 'modulepreload', 'prerender'];

interface Params {
  kinds?: Kind[];
  rels?: string[];
}

interface Pointer {
  kind: Kind;
  url: string;
  detail: string;
}

function absolute(raw: string, base: string): string | null {
  try {
    // "//fonts.gstatic.com" is the usual way to write a preconnect target.
    const url = new URL(raw.trim(), base);
    return /^(https?|wss?):$/.test(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function markupPointers(page: PageEvidence, rels: ReadonlySet<string>): Pointer[] {
  if (!page.html) return [];
  const base = page.finalUrl ?? page.url;
  const $ = load(page.html);
  const found: Pointer[] = [];
  $('link[rel][href]').each((_, el) => {
    const relTokens = ($(el).attr('rel') ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter((r) => rels.has(r));
    const url = absolute($(el).attr('href') ?? '', base);
    if (url && relTokens.length > 0) found.push({ kind: 'hint', url, detail: relTokens.join(' ') });
  });
  $('a[ping], area[ping]').each((_, el) => {
    for (const raw of ($(el).attr('ping') ?? '').split(/\s+/).filter(Boolean)) {
      const url = absolute(raw, base);
      if (url) found.push({ kind: 'ping', url, detail: 'ping' });
    }
  });
  $('form[action]').each((_, el) => {
    const url = absolute($(el).attr('action') ?? '', base);
    if (url) found.push({ kind: 'form', url, detail: ($(el).attr('method') ?? 'get').toLowerCase() });
  });
  return found;
}

export const thirdPartyMarkup = defineEvaluator<Params, 'pages'>({
  id: 'third-party-markup',
  requires: ['pages'],
  params: { kinds: { type: 'string[]', enum: KINDS }, rels: { type: 'string[]' } },
  codes: Object.values(CODES),
  evaluate({ evidence, params, derived }) {
    const loaded = evidence.pages.filter((p) => p.status !== null && p.html);
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const kinds = new Set<Kind>(params.kinds ?? KINDS);
    const rels = new Set((params.rels ?? DEFAULT_RELS).map((r) => r.toLowerCase()));
    const findings: FindingDraft[] = [];
    for (const page of loaded) {
      const groups = new Map<string, Pointer[]>();
      for (const p of markupPointers(page, rels)) {
        const host = hostOf(p.url);
        if (!kinds.has(p.kind) || !host || !derived.party.isThirdParty(host)) continue;
        const key = `${p.kind}\u0000${host}`;
        groups.set(key, [...(groups.get(key) ?? []), p]);
      }
      for (const group of groups.values()) {
        const first = group[0] as Pointer;
        const host = hostOf(first.url) as string;
        findings.push({
          code: CODES[first.kind],
          page,
          host,
          urls: group.map((p) => p.url),
          count: group.length,
          args: { host, count: group.length, detail: [...new Set(group.map((p) => p.detail))].join(', ') },
        });
      }
    }
    return { outcome: findings.length > 0 ? 'fail' : 'pass', findings };
  },
});
