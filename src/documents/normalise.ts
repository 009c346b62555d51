/**
 * Accent- and case-insensitive matching: "Mentions LÉGALES" and "mentions legales" are the same
 * words to a reviewer, and so they are here. Typographic apostrophes become ASCII ones.
 */

export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00a0\u202f\s]+/g, ' ')
    .toLowerCase()
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a whole-word pattern over normalised text (letters and digits only count as word). */
export function phrasePattern(phrase: string): RegExp {
  const words = normaliseText(phrase)
    .split(/[\s'-]+/)
    .filter(Boolean)
    .map(escapeRegExp);
  return new RegExp(`(^|[^a-z0-9])${words.join("[\\s'-]*")}($|[^a-z0-9])`);
}
