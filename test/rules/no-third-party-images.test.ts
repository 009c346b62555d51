import { describe, expect, it } from 'vitest';
import { ruleResult } from '../support/rules.js';
import { cdnScript, googleFonts, gravatar, ownDomainImage, twoPages } from './third-party-cases.js';

describe('no-third-party-images', () => {
  it.each([
    ['Gravatar', gravatar, 'fail', ['secure.gravatar.com']],
    ['Gravatar on two pages', twoPages, 'fail', ['secure.gravatar.com', 'secure.gravatar.com']],
    ['an image on a declared own domain', ownDomainImage, 'pass', []],
    ['fonts are not images', googleFonts, 'pass', []],
    ['scripts are not images', cdnScript, 'pass', []],
  ] as const)('%s → %s', (_name, ev, outcome, hosts) => {
    const result = ruleResult('no-third-party-images', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.host)).toEqual(hosts);
  });
});
