/**
 * A candidate whose every quotable string tries to take over the report that quotes it: page
 * title, link texts, charter sentence, legal notice, dialog message, response headers, redirect
 * Location, cookie and storage names, ChatonsInfos values. Served by code so that the control
 * characters (ESC, BEL, C1, right-to-left override) are real, not committed bytes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicHost } from './dynamic-host.js';

export const HOSTILE_CONTENT_HOST = 'injection.hostile.example';

/**
 * One payload for every field, terminal sequences first (some fields are cut to a length):
 * clear screen, window title, a disguised OSC 8 hyperlink, bell, right-to-left override, C1
 * CSI; then Markdown and HTML break-outs (backticks, image, <img onerror>, <script>, a
 * <details> close, a comment, a mention, a link), a phone number right before a link target
 * (the review's masking must not make it a link) and a bare domain forums would link.
 */
export const PAYLOAD =
  '\u001b[2J \u001b]0;owned\u0007 \u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007 \u0007 \u202Egnp.exe \u009b31m ' +
  '``` ![x](https://t.example/p.png) <img src=x onerror=alert(1)> <script>alert(2)</script> </details> <!-- c --> @staff ' +
  '[link](https://evil.example/) 0612345678(https://evil.example/phone) tracker.com';

const html = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
/** A JavaScript string literal that cannot close its <script>. */
const js = (text: string): string => JSON.stringify(text).replace(/</g, '\\u003c');
/** What an HTTP header value can carry (Node refuses C0 controls): the rest of the payload, C1 included. */
const header = (text: string): string => text.replace(/[^\t\u0020-\u007e\u0080-\u00ff]/g, '');
/** A cookie name: browsers drop cookies whose name holds a control character, ';' or '='. */
const cookieName = header(PAYLOAD)
  .replace(/[\t;=\u0080-\u00ff]/g, '')
  .trim();

const HTML = 'text/html; charset=utf-8';

const PORTAL = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Chaton piégé ${html(PAYLOAD)}</title></head><body>
<h1>Chaton piégé</h1>
<p>Nous respectons la charte CHATONS ${html(PAYLOAD)}.</p>
<p><a href="/mentions-legales">Mentions légales ${html(PAYLOAD)}</a> · <a href="/conditions">Conditions d'utilisation ${html(PAYLOAD)}</a></p>
<script>
  alert(${js(PAYLOAD)});
  document.cookie = ${js(cookieName)} + '=1; path=/; max-age=3600';
  try { localStorage.setItem(${js(PAYLOAD)}, ${js(PAYLOAD)}); } catch (e) {}
</script>
</body></html>`;

const LEGAL = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Mentions légales ${html(PAYLOAD)}</title></head><body>
<h1>Mentions légales</h1>
<p>Directeur de la publication : Alix ${html(PAYLOAD)}.</p>
<p>Hébergeur : Chaton piégé ${html(PAYLOAD)}, 1 rue du Piège, 69000 Lyon.</p>
<p>Nous respectons la charte CHATONS ${html(PAYLOAD)}.</p>
</body></html>`;

const ORGANIZATION = `# [File]
file.class = organization
file.protocol = ChatonsInfos-0.5
file.datetime = 2026-10-01T10:00:00

# [Organization]
organization.name = Chaton piégé ${PAYLOAD}
organization.description = ${PAYLOAD}
organization.website = https://${HOSTILE_CONTENT_HOST}/
organization.legal.url = https://${HOSTILE_CONTENT_HOST}/${PAYLOAD}
organization.type = ASSOCIATION
organization.status.level = ACTIVE
organization.memberof.chatons.status.level = ACTIVE ${PAYLOAD}

# [Subs]
subs.pad = https://${HOSTILE_CONTENT_HOST}/.well-known/chatonsinfos/pad.properties
`;

const SERVICE = `# [File]
file.class = service
file.protocol = ChatonsInfos-0.5

# [Service]
service.name = Pad ${PAYLOAD}
service.website = https://pad.${HOSTILE_CONTENT_HOST}/${PAYLOAD}

# [Software]
software.name = Etherpad ${PAYLOAD}
software.license.name = ${PAYLOAD}
`;

function respond(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://fixture.invalid').pathname;
  const headers = {
    'content-type': HTML,
    'strict-transport-security': `max-age=60; ${header(PAYLOAD)}`,
    'referrer-policy': header(PAYLOAD),
    server: header(PAYLOAD),
    'set-cookie': `${cookieName}-header=1; Path=/; Max-Age=3600`,
  };
  if (path === '/') {
    res.writeHead(302, { ...headers, location: `/accueil?${header(PAYLOAD)}` });
    return void res.end();
  }
  if (path === '/accueil') return void res.writeHead(200, headers).end(PORTAL);
  if (path === '/mentions-legales' || path === '/conditions') return void res.writeHead(200, headers).end(LEGAL);
  if (path === '/.well-known/chatonsinfos/organization.properties')
    return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(ORGANIZATION);
  if (path === '/.well-known/chatonsinfos/pad.properties')
    return void res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(SERVICE);
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`introuvable ${header(PAYLOAD)}`);
}

export const hostileContent: DynamicHost = { respond };

/** 236 characters in four labels: its name alone nearly fills a file system's 255-byte limit. */
export const LONG_HOST = `${'l'.repeat(58)}.${'o'.repeat(58)}.${'n'.repeat(58)}.${'g'.repeat(51)}.example`;
/** An internationalised name, as a reviewer types it (the fixture server sees its punycode). */
export const IDN_HOST = 'chaton-étoilé.example';

/** A small, ordinary portal for the hosts whose only oddity is their name. */
export const plainPortal: DynamicHost = {
  respond(_req, res) {
    res
      .writeHead(200, { 'content-type': HTML })
      .end(
        '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Chaton</title></head><body><h1>Chaton</h1><p>Bienvenue.</p></body></html>',
      );
  },
};
