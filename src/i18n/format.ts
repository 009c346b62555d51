import type { MessageArgs } from '../contracts/result.js';
import type { Lang } from '../contracts/rule.js';

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralCategory(lang: Lang, value: string | number | undefined): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const n = Number(value);
  return Number.isFinite(n) ? rules.select(n) : 'other';
}

/**
 * Replaces `{name}` placeholders, and `{name:singular|plural}` with the form Intl.PluralRules
 * gives for that number in the language (French: 0 and 1 are singular; English: only 1).
 * An unknown placeholder stays visible rather than vanishing.
 */
export function interpolate(template: string, args: MessageArgs = {}, lang: Lang = 'fr'): string {
  const has = (name: string): boolean => Object.hasOwn(args, name);
  // Plural forms first: a form may itself hold placeholders ("Aucune des {pages} pages").
  const chosen = template.replace(
    /\{(\w+):((?:[^{}|]|\{\w+\})*)\|((?:[^{}|]|\{\w+\})*)\}/g,
    (whole, name: string, one: string, other: string) => (has(name) ? (pluralCategory(lang, args[name]) === 'one' ? one : other) : whole),
  );
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(args[name]) : whole));
}
