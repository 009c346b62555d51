/** What the configuration adds to an audit: allowlist, per-target overrides, evidence pack. */
import type { AuditSettings } from './auditor.js';
import { siteConfigFor } from './config.js';
import type { JudgeOptions } from '../judge/judge.js';
import type { RunSettings } from './run-settings.js';

export function issue6AuditSettings(settings: RunSettings): Pick<AuditSettings, 'allowlist' | 'targets' | 'evidenceDir'> {
  return {
    allowlist: settings.config.allowlist,
    targets: settings.config.targets,
    ...(settings.evidenceDir ? { evidenceDir: settings.evidenceDir } : {}),
  };
}

/** Levels and allowlist for re-judging one target's saved evidence. */
export function judgeConfigFor(settings: RunSettings, target: string): Pick<JudgeOptions, 'levels' | 'allowlist'> {
  const site = siteConfigFor(settings.config, target);
  return { levels: site.levels, allowlist: site.allowlist };
}
