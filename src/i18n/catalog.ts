/**
 * The one place for user-facing text outside rule files. Keys are typed from the French
 * catalogue; the English one must have exactly the same keys (checked by the compiler).
 */
import type { Lang } from '../contracts/rule.js';
import type { MessageArgs } from '../contracts/result.js';
import { interpolate } from './format.js';
import { fr } from './fr.js';
import { en } from './en.js';

export type MessageKey = keyof typeof fr;

const catalogues: Record<Lang, Record<MessageKey, string>> = { fr, en };

export function t(lang: Lang, key: MessageKey, args?: MessageArgs): string {
  return interpolate(catalogues[lang][key], args, lang);
}

/**
 * Names of resource types or tracker categories in both languages, as `<name>_fr` and
 * `<name>_en` message arguments (the rule engine renders `{name}` in the report language).
 * A value the catalogue does not know is kept as it is.
 */
/** A resource type or tracker category in words; a value the catalogue does not know is kept. */
export function codeName(lang: Lang, kind: 'resourceType' | 'category', value: string): string {
  const key = `${kind}.${value}`;
  return Object.hasOwn(catalogues[lang], key) ? catalogues[lang][key as MessageKey] : value;
}

export function labelArgs(name: string, kind: 'resourceType' | 'category', values: readonly string[]): Record<string, string> {
  return {
    [`${name}_fr`]: values.map((v) => codeName('fr', kind, v)).join(', '),
    [`${name}_en`]: values.map((v) => codeName('en', kind, v)).join(', '),
  };
}

/** Default report language: fr, or en when the environment's locale is English. */
export function defaultLang(env: Readonly<Record<string, string | undefined>>): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function isLang(value: string): value is Lang {
  return value === 'fr' || value === 'en';
}
