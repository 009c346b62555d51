/**
 * The questions no tool can answer from outside (CHARTER.md, last section): every report ends
 * with them, so a reviewer never mistakes a clean audit for a complete one.
 */
import type { Lang } from '../contracts/rule.js';
import { t, type MessageKey } from '../i18n/catalog.js';

const QUESTION_KEYS: readonly MessageKey[] = [
  'question.rootAccess',
  'question.confidentiality',
  'question.noCensorship',
  'question.lawfulRequests',
  'question.freeContributions',
  'question.respect',
];

export function reviewerQuestions(lang: Lang): string[] {
  return QUESTION_KEYS.map((key) => t(lang, key));
}
