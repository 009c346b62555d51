/**
 * The ChatonsInfos gatherer starts once the portal is known (only if it answered, or the user
 * named the file) and hands its files over once the pages are visited.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { chatonsInfosGatherer } from '../../../src/collect/site-gatherers/chatonsinfos.js';
import { localSite, portalPage, type LocalSite } from './support.js';

const ORGANISATION = 'file.class = organization\norganization.name = Bon Chaton\n';
let local: LocalSite | undefined;
afterEach(async () => {
  await local?.close();
});

const served = (req: IncomingMessage, res: ServerResponse): void => {
  if (req.url === '/.well-known/chatonsinfos/organization.properties')
    res.writeHead(200, { 'content-type': 'text/plain' }).end(ORGANISATION);
  else res.writeHead(404, { 'content-type': 'text/plain' }).end('');
};

describe('ChatonsInfos gatherer', () => {
  it('reads the well-known file of a portal that answered', async () => {
    local = await localSite('http://bonchaton.example/', served);
    const hooks = chatonsInfosGatherer.start(local.site);
    hooks.portalKnown?.(portalPage('http://bonchaton.example/', 200));
    const part = await hooks.pagesVisited?.({ pages: [], requests: [] });
    expect(part?.chatonsinfos?.files.map((f) => [f.url, f.source, f.properties['organization.name']])).toEqual([
      ['http://bonchaton.example/.well-known/chatonsinfos/organization.properties', 'probe', 'Bon Chaton'],
    ]);
    expect(local.site.errors).toEqual([]);
  });

  it('asks nothing of a portal that did not answer', async () => {
    local = await localSite('http://bonchaton.example/', served);
    const hooks = chatonsInfosGatherer.start(local.site);
    hooks.portalKnown?.(portalPage('http://bonchaton.example/', null));
    expect(await hooks.pagesVisited?.({ pages: [], requests: [] })).toBeUndefined();
    expect(local.received).toEqual([]);
  });

  it('reads the file the user named even when the portal did not answer', async () => {
    const explicit = 'http://infos.example/.well-known/chatonsinfos/organization.properties';
    local = await localSite('http://bonchaton.example/', served, {
      evidenceOptions: { ownDomains: [], candidate: false, chatonsinfos: explicit },
    });
    const hooks = chatonsInfosGatherer.start(local.site);
    hooks.portalKnown?.(portalPage('http://bonchaton.example/', null));
    const part = await hooks.pagesVisited?.({ pages: [], requests: [] });
    expect(part?.chatonsinfos?.files.map((f) => [f.url, f.source])).toEqual([[explicit, 'option']]);
  });
});
