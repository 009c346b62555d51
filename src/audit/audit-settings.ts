import type { AuditSettings } from './auditor.js';
import type { AuditCommandOptions, RunSettings } from './run-settings.js';
import { issue6AuditSettings } from './site-settings.js';

/** Every option that shapes an audit, in one place for the single-site path and the batch. */
export function auditSettingsOf(settings: RunSettings, options: AuditCommandOptions, browserPath: string): AuditSettings {
  return {
    lang: settings.lang,
    candidate: Boolean(options.candidate),
    ...(options.chatonsinfos ? { chatonsinfos: options.chatonsinfos } : {}),
    ownDomains: [...settings.config.ownDomains, ...options.ownDomain],
    mappings: settings.mappings,
    timing: settings.timing,
    maxPages: settings.maxPages,
    browserPath,
    trust: settings.trust,
    levels: settings.config.levels,
    locale: 'fr-FR',
    ...(settings.dnsServers ? { dnsServers: settings.dnsServers } : {}),
    ...issue6AuditSettings(settings),
    allowPrivate: Boolean(options.allowPrivate),
  };
}

