/**
 * A hostile candidate's payload and the checks that every report quotes it as data (the
 * Markdown review rendered both by marked and as Discourse does, with markdown-it and linkify). The payload
 * tries each way out of a quote: Markdown (backticks, image, link, raw HTML, comment, the
 * <details> fold, a mention), HTML (<img onerror>, <script>), and the terminal (clear screen,
 * window title, a disguised OSC 8 hyperlink, bell, right-to-left override).
 */
import { load } from 'cheerio';
import MarkdownIt from 'markdown-it';
import { marked } from 'marked';
import { expect } from 'vitest';
import type { AuditResult } from '../../src/contracts/result.js';
import { PAYLOAD } from '../../src/fixture-internet/hostile-content.js';
import { reporters } from '../../src/report/index.js';
import { rulesDir } from '../../src/util/paths.js';
import { loadRuleSet } from '../../src/judge/loader.js';

export { PAYLOAD };

/** Markers of the payload that must show, as text, wherever it was quoted. */
export const PAYLOAD_TEXT = ['![x](https://t.example/p.png)', '<script>alert(2)</script>'];

/** Control characters a terminal acts on: C0 (but line feed), DEL, C1, bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const ACTIVE_CHAR = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;

/** Fields that are the tool's own vocabulary (ids, enums, dates), left as they are. */
const STRUCTURAL = new Set([
  'id',
  'code',
  'level',
  'outcome',
  'section',
  'role',
  'pageRole',
  'party',
  'resourceType',
  'lang',
  'verdict',
  'startedAt',
  'schemaVersion',
  'target',
  'stage',
  'baseline',
  'status',
]);

/** The result as a hostile site would make it: the payload in every string a site could write. */
export function poison(result: AuditResult): AuditResult {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return STRUCTURAL.has(key) ? value : `${value} ${PAYLOAD}`;
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'tool' ? v : walk(v, k)]));
    return value;
  };
  return walk(result, '') as AuditResult;
}

type Loaded = ReturnType<typeof load>;
/** The fields of a parsed element we read (domhandler's shape, which cheerio does not re-export). */
interface Tag {
  tagName: string;
  attribs: Record<string, string>;
}
const elements = ($: Loaded): Tag[] => $('*').toArray() as unknown as Tag[];
const tagNames = ($: Loaded): string[] => [...new Set(elements($).map((e) => e.tagName))];

function textOutside($: ReturnType<typeof load>, skip: string): string[] {
  const out: string[] = [];
  const visit = (nodes: ReturnType<ReturnType<typeof load>>): void => {
    nodes.contents().each((_, node) => {
      if (node.type === 'text') out.push(node.data);
      else if (node.type === 'tag' && !$(node).is(skip)) visit($(node));
    });
  };
  visit($.root());
  return out;
}

const MD_TAGS = new Set([
  'html',
  'head',
  'body',
  'h2',
  'h3',
  'h4',
  'p',
  'ul',
  'li',
  'strong',
  'em',
  'code',
  'a',
  'blockquote',
  'details',
  'summary',
  'sub',
  'br',
]);

/** As Discourse renders a post: markdown-it with raw HTML allowed and bare links made live. */
const forum = new MarkdownIt({ html: true, linkify: true });

function assertMarkdown(result: AuditResult): void {
  const md = reporters.markdown(result, { lang: 'fr', color: false });
  expect(md, 'raw control characters in the Markdown').not.toMatch(ACTIVE_CHAR);
  const ownHosts = new Set([result.target, ...result.pages.map((p) => p.url)].map((u) => new URL(u).hostname));
  // The tool's own links: the addresses its rule files' help names (the charter), read from the files.
  const toolLinks = new Set(
    loadRuleSet(rulesDir)
      .rules.flatMap((r) => Object.values(r.help))
      .flatMap((h) => h.match(/https?:\/\/[^\s<>()]*[^\s<>().,;:!?]/g) ?? []),
  );
  // Every fold the tool opens is closed by the tool, never by the site.
  const opened = (md.match(/^<details><summary>/gm) ?? []).length;
  for (const [renderer, html] of [
    ['marked', marked.parse(md, { async: false })],
    ['markdown-it', forum.render(md)],
  ] as const) {
    const $ = load(html);
    expect(
      tagNames($).filter((tag) => !MD_TAGS.has(tag)),
      `elements in the review rendered by ${renderer}`,
    ).toEqual([]);
    expect($('img'), `images in the review rendered by ${renderer}`).toHaveLength(0);
    expect(html, `HTML comments in the review rendered by ${renderer}`).not.toContain('<!--');
    expect((html.match(/<\/details>/g) ?? []).length, `folds closed in the review rendered by ${renderer}`).toBe(opened);
    const links = $('a')
      .map((_, a) => $(a).attr('href') ?? '')
      .get();
    expect(
      links.filter((href) => !ownHosts.has(new URL(href).hostname) && !toolLinks.has(href)),
      `links to hosts the audit did not visit (${renderer})`,
    ).toEqual([]);
    const mentions = textOutside($, 'code').filter((text) => /@[\p{L}\p{N}_]/u.test(text));
    expect(mentions, `@mentions outside code (${renderer})`).toEqual([]);
  }
}

export function assertTerminal(text: string): void {
  expect(
    [...text].filter((c) => ACTIVE_CHAR.test(c) && c !== '\t').map((c) => c.codePointAt(0)?.toString(16)),
    'ESC, BEL, C1 or bidi in the terminal report',
  ).toEqual([]);
}

const HTML_TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'style',
  'body',
  'article',
  'h1',
  'h2',
  'p',
  'span',
  'small',
  'details',
  'summary',
  'strong',
  'ul',
  'li',
  'br',
  'code',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'label',
  'select',
  'option',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'div',
  'hr',
  'script',
  'figure',
  'figcaption',
  'nav',
  'ol',
  'a',
]);
const HTML_ATTRIBUTES = new Set([
  'lang',
  'charset',
  'http-equiv',
  'content',
  'name',
  'class',
  'data-rule',
  'open',
  'title',
  'data-party',
  'data-type',
  'value',
  'id',
  'data-outcome',
  'href',
  'rel',
]);

function assertHtml(result: AuditResult): void {
  const html = reporters.html(result, { lang: 'fr', color: false });
  expect(html).not.toMatch(ACTIVE_CHAR);
  const $ = load(html);
  expect(
    tagNames($).filter((tag) => !HTML_TAGS.has(tag)),
    'elements from the site',
  ).toEqual([]);
  const attributes = new Set(elements($).flatMap((e) => Object.keys(e.attribs)));
  expect(
    [...attributes].filter((a) => !HTML_ATTRIBUTES.has(a)),
    'attributes from the site',
  ).toEqual([]);
  expect($('script'), "only the report's own script").toHaveLength(1);
  // The report's own links: its index anchors, and audited http(s) URLs without referrer.
  const links = $('a')
    .map((_, a) => ({ href: $(a).attr('href') ?? '', rel: $(a).attr('rel') ?? '' }))
    .get();
  const audited = (href: string): boolean => {
    try {
      const url = new URL(href);
      return /^https?:$/.test(url.protocol) && !url.username && !url.password && url.href === href;
    } catch {
      return false;
    }
  };
  expect(
    links.filter((l) => !/^#site-\d+$/.test(l.href) && !(audited(l.href) && l.rel === 'noreferrer noopener nofollow')),
    'links from the site',
  ).toEqual([]);
  expect(html).not.toContain('<!--');
  for (const text of PAYLOAD_TEXT) expect($('body').text()).toContain(text);
}

const JUNIT_TAG = /^<(?:\?xml |\/?testsuites?\b|\/?testcase\b|\/?properties>|property\b|\/?failure\b|\/?error\b|skipped\b|\/?system-out>)/;

function assertJunit(result: AuditResult): void {
  const xml = reporters.junit(result, { lang: 'fr', color: false });
  expect(xml).not.toMatch(XML_FORBIDDEN);
  expect(xml).not.toMatch(ACTIVE_CHAR);
  // Well-formed as far as the site can reach: every tag and entity is the tool's own.
  const strayTags = [...xml.matchAll(/</g)].map((m) => xml.slice(m.index, m.index + 20)).filter((s) => !JUNIT_TAG.test(s));
  expect(strayTags, 'markup from the site in JUnit').toEqual([]);
  const strayEntities = [...xml.matchAll(/&/g)]
    .map((m) => xml.slice(m.index, m.index + 8))
    .filter((s) => !/^&(?:amp|lt|gt|quot|apos|#\d+);/.test(s));
  expect(strayEntities).toEqual([]);
  const $ = load(xml, { xml: true });
  expect($('testsuite')).toHaveLength(1);
  expect($('testcase')).toHaveLength(result.rules.length);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

function assertSarif(result: AuditResult): void {
  const text = reporters.sarif(result, { lang: 'fr', color: false });
  expect(text).not.toMatch(ACTIVE_CHAR);
  const parsed = JSON.parse(text) as unknown;
  expect(
    strings(parsed).filter((s) => ACTIVE_CHAR.test(s)),
    'control characters in SARIF values',
  ).toEqual([]);
}

function assertJson(result: AuditResult): void {
  const text = reporters.json(result, { lang: 'fr', color: false });
  expect(text).not.toMatch(ACTIVE_CHAR);
  // JSON keeps the evidence exact: the escapes read back as what the site wrote.
  expect(JSON.parse(text)).toEqual(result);
}

/** Every format of one result: what the site wrote is shown, never obeyed. */
export const FORMAT_CHECKS: Readonly<Record<string, (result: AuditResult) => void>> = {
  markdown: assertMarkdown,
  terminal: (result) => assertTerminal(reporters.terminal(result, { lang: 'fr', color: false })),
  html: assertHtml,
  junit: assertJunit,
  sarif: assertSarif,
  json: assertJson,
};
