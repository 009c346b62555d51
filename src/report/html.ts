/**
 * One self-contained HTML file: verdict, rules with their evidence, every request in a table
 * filterable by party and type, DNS chains and documents when the result has them, and the
 * pages' screenshots inline (data: URLs) when an evidence pack exists. No external asset: its
 * Content-Security-Policy forbids any request leaving the file, so the report itself complies
 * with the charter it checks.
 */
import type { AuditResult, Outcome, RuleResult, Verdict } from '../contracts/result.js';
import type { Lang } from '../contracts/rule.js';
import { t, type MessageKey } from '../i18n/catalog.js';
import { allowedHosts, groupFindings, showsFindings } from './findings-view.js';
import { htmlText as esc, siteView, type SiteView } from './neutralise.js';
import type { Reporter } from './reporter.js';
import { OUTCOME_ICON } from './symbols.js';

/** What a reader acts on comes first: failures, then what a human must check, then the rest. */
const OUTCOME_GROUPS: readonly { key: MessageKey; outcomes: readonly Outcome[] }[] = [
  { key: 'html.group.fail', outcomes: ['fail'] },
  { key: 'html.group.review', outcomes: ['error', 'needs-review'] },
  { key: 'html.group.pass', outcomes: ['pass'] },
  { key: 'html.group.notApplicable', outcomes: ['not-applicable'] },
];
const VERDICT_RANK: Readonly<Record<Verdict, number>> = { 'non-compliant': 0, incomplete: 1, compliant: 2 };
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/** A URL from the audit as a link when it is http(s), as text otherwise (javascript:, data:...). */
function urlLink(value: string | null | undefined): string {
  if (!value) return '';
  let href: string | null = null;
  try {
    const url = new URL(value);
    // No user info: `https://bank.example@evil.example/` must not read as the bank.
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password) href = url.href;
  } catch {
    // Not a URL: shown as text.
  }
  return href ? `<a href="${esc(href)}" rel="noreferrer noopener nofollow">${esc(value)}</a>` : esc(value);
}

const STYLE = `
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.verdict{display:inline-block;padding:.3rem .8rem;border-radius:.3rem;font-weight:bold;color:#fff}
.v-compliant{background:#2e7d32}.v-non-compliant{background:#c62828}.v-incomplete{background:#ef6c00}
.rule{border:1px solid #ddd;border-radius:.3rem;padding:.4rem .7rem;margin:.4rem 0}
.rule summary{cursor:pointer}.o-pass{color:#2e7d32}.o-fail{color:#c62828}.o-needs-review{color:#ef6c00}.o-error{color:#6a1b9a}.o-not-applicable{color:#777}
.marker{font-weight:bold;display:inline-block;width:1.2rem}.help{background:#eef6ff;padding:.4rem .6rem;border-radius:.3rem}
.allowed{color:#555;font-style:italic}.new{background:#fff3cd;padding:0 .3rem;border-radius:.2rem}
table{border-collapse:collapse;width:100%;font-size:13px}td,th{border-bottom:1px solid #eee;padding:.2rem .4rem;text-align:left;vertical-align:top}
td.url{word-break:break-all;min-width:14rem}tr.third td:first-child{border-left:3px solid #c62828}
.shots{display:flex;flex-wrap:wrap;gap:1rem}.shots figure{margin:0;max-width:22rem}.shots img{max-width:100%;border:1px solid #ccc}
code{background:#f4f4f4;padding:0 .2rem}
h1,h2,summary,li,p{overflow-wrap:anywhere}.scroll{overflow-x:auto;max-width:100%}.scroll table{min-width:36rem}
nav.index ol{padding-left:1.2rem}nav.index li{margin:.2rem 0}.section-name{color:#666}
@media (max-width:40rem){body{padding:.6rem .8rem}}`;

/** Inline, tiny: filters the request table by party and type. */
const SCRIPT = `
document.querySelectorAll('article.site').forEach(function(site){
var p=site.querySelector('.f-party'),t=site.querySelector('.f-type'),n=site.querySelector('.f-count');
function apply(){var shown=0;site.querySelectorAll('table.requests tbody tr').forEach(function(r){
var ok=(!p.value||r.dataset.party===p.value)&&(!t.value||r.dataset.type===t.value);r.hidden=!ok;if(ok)shown++;});n.textContent=shown;}
p.addEventListener('change',apply);t.addEventListener('change',apply);apply();});`;

function ruleBlock(rule: RuleResult, lang: Lang): string {
  const outcome = t(lang, `outcome.${rule.outcome}` as MessageKey);
  const level = t(lang, `level.${rule.level}` as MessageKey);
  const open = rule.outcome === 'fail' || rule.outcome === 'needs-review' ? ' open' : '';
  const items = showsFindings(rule)
    ? groupFindings(rule.findings)
        .map(
          (g) =>
            `<li>${g.key && g.keyIsHost ? `<code>${esc(g.key)}</code> — ` : ''}${esc(g.message)}` +
            `${g.baseline === 'new' ? ` <span class="new">${esc(t(lang, 'baseline.new'))}</span>` : ''}` +
            `${g.pages.length ? `<br><small>${g.pages.map(urlLink).join(' · ')}</small>` : ''}` +
            `${g.examples.length ? `<br><small>${g.examples.map(urlLink).join('<br>')}</small>` : ''}` +
            `${g.allowed ? `<br><span class="allowed">${esc(t(lang, 'report.allowed', { justification: g.allowed }))}</span>` : ''}</li>`,
        )
        .join('')
    : '';
  return (
    `<details class="rule" data-rule="${esc(rule.id)}" data-outcome="${esc(rule.outcome)}"${open}><summary><span class="marker" title="${esc(level)}">${rule.level === 'blocking' ? '!' : 'i'}</span>` +
    `<strong class="o-${rule.outcome}"><span class="icon">${OUTCOME_ICON[rule.outcome]}</span> ${esc(outcome)}</strong> ${esc(rule.title)} <small>(${esc(rule.id)})</small>` +
    ` <small class="section-name">${esc(t(lang, `section.${rule.section}` as MessageKey))}</small></summary>` +
    `${rule.reason ? `<p>${esc(rule.reason)}</p>` : ''}${items ? `<ul>${items}</ul>` : ''}` +
    `${rule.outcome === 'fail' && rule.help ? `<p class="help">${esc(t(lang, 'report.help', { help: rule.help }))}</p>` : ''}</details>`
  );
}

function requestsTable(result: AuditResult, lang: Lang): string {
  const types = [...new Set(result.requests.map((r) => r.resourceType))].sort();
  const options = (values: string[], label: (v: string) => string): string =>
    values.map((v) => `<option value="${esc(v)}">${esc(label(v))}</option>`).join('');
  const rows = result.requests
    .map(
      (r) =>
        `<tr class="${r.party}" data-party="${r.party}" data-type="${esc(r.resourceType)}">` +
        `<td>${esc(t(lang, `html.party.${r.party}` as MessageKey))}</td><td>${esc(r.resourceType)}</td><td>${esc(r.host)}</td>` +
        `<td class="url">${urlLink(r.url)}</td><td>${esc(r.status ?? r.failure ?? '')}</td><td>${esc(r.tracker ? `${r.tracker.name} (${r.tracker.organization})` : '')}</td>` +
        `<td class="url">${urlLink(r.page)}</td><td>${esc(r.phase ? t(lang, `html.phase.${r.phase}` as MessageKey) : '')}</td></tr>`,
    )
    .join('\n');
  return `<h2>${esc(t(lang, 'html.requests'))}</h2>
<p><label>${esc(t(lang, 'html.party'))} <select class="f-party"><option value="">${esc(t(lang, 'html.all'))}</option>${options(['first', 'third'], (v) => t(lang, `html.party.${v}` as MessageKey))}</select></label>
<label>${esc(t(lang, 'html.type'))} <select class="f-type"><option value="">${esc(t(lang, 'html.all'))}</option>${options(types, (v) => v)}</select></label>
<span class="f-count">${result.requests.length}</span> / ${result.requests.length}</p>
<div class="scroll"><table class="requests"><thead><tr><th>${esc(t(lang, 'html.party'))}</th><th>${esc(t(lang, 'html.type'))}</th><th>${esc(t(lang, 'html.host'))}</th><th>URL</th><th>${esc(t(lang, 'html.status'))}</th><th>${esc(t(lang, 'html.tracker'))}</th><th>${esc(t(lang, 'html.page'))}</th><th>${esc(t(lang, 'html.phase'))}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function dnsTable(result: AuditResult, lang: Lang): string {
  if (result.dns.length === 0) return '';
  const status = (d: AuditResult['dns'][number]): string => [d.status, d.error].filter(Boolean).join(' — ');
  const rows = result.dns
    .map(
      (d) =>
        `<tr><td>${esc(d.host)}</td><td>${esc([d.host, ...d.cname].join(' → '))}</td><td>${esc(d.addresses.join(', '))}</td><td>${esc(status(d))}</td></tr>`,
    )
    .join('\n');
  return (
    `<h2>${esc(t(lang, 'html.dns'))}</h2><div class="scroll"><table class="dns"><thead><tr><th>${esc(t(lang, 'html.host'))}</th><th>${esc(t(lang, 'html.cnameChain'))}</th>` +
    `<th>${esc(t(lang, 'html.addresses'))}</th><th>${esc(t(lang, 'html.status'))}</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** Documents (legal notice, terms...) are added to the result by other parts of the tool: shown generically. */
function documentsSection(result: AuditResult, lang: Lang): string {
  const docs = (result as unknown as Record<string, unknown>).documents;
  if (!Array.isArray(docs) || docs.length === 0) return '';
  const render = (value: unknown): string => {
    if (Array.isArray(value)) return `<ul>${value.map((v) => `<li>${render(v)}</li>`).join('')}</ul>`;
    if (value && typeof value === 'object') {
      return `<dl>${Object.entries(value)
        .map(
          ([k, v]) =>
            `<dt>${esc(k)}</dt><dd>${typeof v === 'string' && v.length > 40 ? `<blockquote>${esc(v)}</blockquote>` : render(v)}</dd>`,
        )
        .join('')}</dl>`;
    }
    return esc(value);
  };
  return `<h2>${esc(t(lang, 'html.documents'))}</h2>${docs.map((d) => `<div class="rule">${render(d)}</div>`).join('')}`;
}

function pagesSection(result: AuditResult, lang: Lang, screenshots: Readonly<Record<string, string>>): string {
  const rows = result.pages
    .map(
      (p) =>
        `<tr><td>${esc(t(lang, `role.${p.role}` as MessageKey))}</td><td class="url">${urlLink(p.url)}</td><td class="url">${urlLink(p.finalUrl)}</td><td>${esc(p.status ?? p.error ?? '')}</td></tr>`,
    )
    .join('\n');
  const shots = result.pages
    .filter((p) => screenshots[p.url]?.startsWith('data:image/'))
    .map(
      (p) =>
        `<figure><img alt="${esc(p.url)}" src="${esc(screenshots[p.url])}"><figcaption>${esc(t(lang, `role.${p.role}` as MessageKey))} — ${esc(p.url)}</figcaption></figure>`,
    )
    .join('');
  const head = `<thead><tr><th>${esc(t(lang, 'html.role'))}</th><th>URL</th><th>${esc(t(lang, 'html.finalUrl'))}</th><th>${esc(t(lang, 'html.status'))}</th></tr></thead>`;
  return `<h2>${esc(t(lang, 'report.pages'))}</h2><div class="scroll"><table class="pages">${head}<tbody>${rows}</tbody></table></div>${shots ? `<div class="shots">${shots}</div>` : ''}`;
}

/** Rules grouped by what the reader must do, blocking before suggestion, then checklist order. */
function ruleGroups(result: SiteView, lang: Lang): string {
  return OUTCOME_GROUPS.map((group) => {
    const rules = result.rules
      .filter((r) => group.outcomes.includes(r.outcome))
      .map((r, i) => ({ r, i }))
      .sort(
        (a, b) =>
          Number(a.r.level !== 'blocking') - Number(b.r.level !== 'blocking') || a.r.section.localeCompare(b.r.section) || a.i - b.i,
      )
      .map(({ r }) => r);
    return rules.length
      ? `<h2>${esc(t(lang, group.key, { count: rules.length }))}</h2>${rules.map((r) => ruleBlock(r, lang)).join('\n')}`
      : '';
  }).join('\n');
}

/** The legend, from the very symbols the rows use. */
function legend(lang: Lang): string {
  const outcomes = Object.entries(OUTCOME_ICON) as [Outcome, string][];
  const items = [
    `! ${t(lang, 'level.blocking')}`,
    `i ${t(lang, 'level.suggestion')}`,
    ...outcomes.map(([o, icon]) => `${icon} ${t(lang, `outcome.${o}` as MessageKey)}`),
  ];
  return `<p class="legend"><small>${esc(t(lang, 'html.legend'))} ${items.map(esc).join(' · ')}</small></p>`;
}

function siteArticle(result: SiteView, lang: Lang, screenshots: Readonly<Record<string, string>>, anchor: string): string {
  const verdict = t(lang, `verdict.${result.verdict}` as MessageKey);
  const sections = ruleGroups(result, lang);
  const allowed = allowedHosts(result.rules);
  const allowSection = allowed.length
    ? `<h2>${esc(t(lang, 'md.allowlist'))}</h2><ul>${allowed.map((a) => `<li><code>${esc(a.host)}</code> (${a.rules.map(esc).join(', ')}) : ${esc(a.justification)}</li>`).join('')}</ul>`
    : '';
  const b = result.baseline;
  const baseline = b
    ? `<p>${esc(t(lang, 'md.baseline', { new: b.new, unchanged: b.unchanged, resolved: b.resolved.length }))}</p>` +
      (b.resolved.length
        ? `<details><summary>${esc(t(lang, 'md.resolved', { count: b.resolved.length }))}</summary><ul>${b.resolved.map((r) => `<li><code>${esc(r.rule)}</code> ${esc(r.host ?? r.subject ?? '')} — ${esc(r.message)}</li>`).join('')}</ul></details>`
        : '')
    : '';
  const errors = result.errors.length
    ? `<h2>${esc(t(lang, 'report.errors'))}</h2><ul>${result.errors.map((e) => `<li>[${esc(e.stage)}] ${esc(e.page ?? '')} ${esc(e.message)}</li>`).join('')}</ul>`
    : '';
  const third = result.requests.filter((r) => r.party === 'third').length;
  return `<article class="site" id="${esc(anchor)}">
<h1>${esc(t(lang, 'report.title', { target: result.target }))}</h1>
<p><span class="verdict v-${result.verdict}">${esc(t(lang, 'report.verdict', { verdict }))}</span></p>
${legend(lang)}
${baseline}
${sections}
${allowSection}
${requestsTable(result, lang)}
${dnsTable(result, lang)}
${documentsSection(result, lang)}
${pagesSection(result, lang, screenshots)}
${errors}
<p><small>${esc(t(lang, 'md.footer', { tool: `${result.tool.name} ${result.tool.version}`, browser: result.tool.browser ?? '—', requests: result.requests.length, third }))}</small></p>
</article>`;
}

/** Several audited sites make one document: one <article> each, each with its own filters. */
export function renderHtml(
  results: readonly AuditResult[],
  lang: Lang,
  screenshotsOf: (result: AuditResult) => Readonly<Record<string, string>> = () => ({}),
): string {
  const views = results.map((result, i) => ({ result, view: siteView(result), anchor: `site-${i + 1}` }));
  const title =
    views.length === 1 && views[0]
      ? t(lang, 'report.title', { target: views[0].view.target })
      : t(lang, 'html.indexTitle', { count: views.length });
  // Several sites: the failing ones first (stable otherwise), each an anchor of the index.
  const sites = views.sort((a, b) => VERDICT_RANK[a.view.verdict] - VERDICT_RANK[b.view.verdict]);
  const index =
    sites.length > 1
      ? `<nav class="index"><h1>${esc(title)}</h1><ol>${sites
          .map(({ view, anchor }) => {
            const failing = view.rules.filter((r) => r.outcome === 'fail' && r.level === 'blocking').length;
            return (
              `<li><a href="#${anchor}">${esc(view.target)}</a> — <span class="v-text-${view.verdict}">${esc(t(lang, `verdict.${view.verdict}` as MessageKey))}</span>` +
              `${failing ? ` <small>(${esc(t(lang, 'html.failingBlocking', { count: failing }))})</small>` : ''}</li>`
            );
          })
          .join('')}</ol></nav>\n<hr>\n`
      : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${index}${sites.map(({ result, view, anchor }) => siteArticle(view, lang, screenshotsOf(result), anchor)).join('\n<hr>\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

export const htmlReporter: Reporter = (result, { lang, screenshots = {} }) => renderHtml([result], lang, () => screenshots);
