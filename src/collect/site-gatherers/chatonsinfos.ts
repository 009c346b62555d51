/**
 * ChatonsInfos gatherer: the site's ChatonsInfos files, fetched by the auditor itself while the
 * pages load (all it needs is the portal's address), awaited once they are visited.
 */
import { collectChatonsInfos } from '../chatonsinfos.js';
import { errorText, withTimeout } from '../timeout.js';
import type { SiteGatherer } from './gatherer.js';

export const chatonsInfosGatherer: SiteGatherer = {
  id: 'chatonsinfos',
  start(site) {
    let infos: Promise<Awaited<ReturnType<typeof collectChatonsInfos>> | null> | null = null;
    const failed = (error: unknown): null => {
      site.errors.push({ stage: 'fetch', page: site.target.href, message: `chatonsinfos: ${errorText(error)}` });
      return null;
    };
    return {
      portalKnown(portal) {
        const { evidenceOptions, timing, probe } = site.options;
        if (portal.status === null && !evidenceOptions.chatonsinfos) return;
        // Never left rejecting unobserved while the pages load: failures become errors here.
        infos = collectChatonsInfos({
          portalUrl: portal.finalUrl ?? site.target.href,
          explicitUrl: evidenceOptions.chatonsinfos,
          deadline: site.pagesDeadline,
          timeoutMs: timing.timeoutMs,
          gate: site.gate,
          network: probe,
        }).catch(failed);
      },
      async pagesVisited() {
        if (!infos) return undefined;
        const found = await withTimeout(infos, site.leftUntil(site.pagesDeadline), 'chatonsinfos').catch(failed);
        if (!found) return undefined;
        site.errors.push(...found.errors);
        return { chatonsinfos: found.evidence };
      },
    };
  },
};
