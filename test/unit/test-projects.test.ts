/**
 * Every test file runs in exactly one vitest project: since the projects list their folders,
 * a file in a new folder (or matching two projects) would otherwise be silently skipped (or run
 * twice).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';
import config from '../../vitest.config.js';

interface Project {
  test: { name: string; include: string[]; exclude?: string[] };
}

/** The glob subset the config uses: `**` for any folders, `*` within a name, `{a,b}`. */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .replace(/[.+^$()|[\]\\]/g, '\\$&')
    .replace(/\{([^}]*)\}/g, (_, alternatives: string) => `(?:${alternatives.split(',').join('|')})`)
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:[^/]+/)*');
  return new RegExp(`^${source}$`);
}

const projects = (config.test?.projects ?? []) as Project[];
const matches = (file: string, globs: readonly string[] = []): boolean => globs.some((g) => globToRegExp(g).test(file));
const owners = (file: string): string[] =>
  projects.filter((p) => matches(file, p.test.include) && !matches(file, p.test.exclude)).map((p) => p.test.name);
const testFiles = readdirSync(join(packageRoot, 'test'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/${f.split('\\').join('/')}`);

describe('vitest projects', () => {
  it('are unit, cli and e2e', () => {
    expect(projects.map((p) => p.test.name)).toEqual(['unit', 'cli', 'e2e']);
  });

  it('take every test file exactly once', () => {
    expect(testFiles.length).toBeGreaterThan(50);
    expect(testFiles.map((file) => ({ file, projects: owners(file) })).filter((f) => f.projects.length !== 1)).toEqual([]);
  });

  it('put CLI tests that start Chromium in cli, the others in unit, and e2e in e2e', () => {
    expect(owners('test/cli/batch-interrupt.chromium.test.ts')).toEqual(['cli']);
    expect(owners('test/cli/bad-input.test.ts')).toEqual(['unit']);
    expect(owners('test/rules/https.test.ts')).toEqual(['unit']);
    expect(owners('test/e2e/visitor.test.ts')).toEqual(['e2e']);
  });
});
