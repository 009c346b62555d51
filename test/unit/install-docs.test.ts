/**
 * The package is not on the npm registry: every install line of the README must work from the
 * source (clone, packed tarball, forge git URL), and none may fetch the bare name from the
 * registry, where anyone could publish code under it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/util/paths.js';

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
};
const forge = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');

describe('install instructions', () => {
  it('never fetch the bare package name from the registry', () => {
    expect(readme).not.toMatch(/npx\s+(-y\s+|--yes\s+)?chatons-audit\b/);
    expect(readme).not.toMatch(/npm\s+(i|install|add)\s+(-g\s+|--global\s+)*chatons-audit(@[\w.^~-]+)?(\s|$)/m);
    expect(readme).not.toMatch(/npm\s+exec\s+chatons-audit\b/);
  });

  it('name the tarball npm pack writes and the forge package.json points at', () => {
    expect(readme).toContain(`npm install --global ./${pkg.name}-${pkg.version}.tgz`);
    // A git package that builds itself cannot be installed with --global (npm/cli#8440).
    expect(readme).toMatch(new RegExp(`npm install --prefix \\S+ "${pkg.repository.url.replace(/[.+]/g, '\\$&')}#`));
    expect(readme).not.toMatch(/npm install (-g|--global) "?git\+/);
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/framagit\.org\/[\w.-]+\/[\w.-]+\.git$/);
    expect(pkg.homepage.startsWith(forge)).toBe(true);
    expect(pkg.bugs.url.startsWith(forge)).toBe(true);
    expect(readme).toContain(`git clone ${forge}.git`);
  });

  it('keep the two commands of a clone', () => {
    expect(readme).toMatch(/## The two commands[\s\S]*bash \.ci\/install-browser && npm ci && npm run demo[\s\S]*npm test/);
  });

  it('install the tool in every CI job from a pinnable git URL, on the PATH of every script', () => {
    const jobs = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .flatMap((m) => (m[1] ?? '').split(/\n(?=[\w-]+:\n)/))
      .filter((job) => /- chatons-audit /.test(job));
    expect(jobs.length).toBeGreaterThanOrEqual(3);
    for (const yaml of jobs) {
      expect(yaml).toMatch(
        /npm install --prefix \/opt\/chatons-audit [^\n]*"(git\+https:\/\/framagit\.org\/[^"#]+|\$CHATONS_AUDIT_GIT)#\$CHATONS_AUDIT_REF"/,
      );
      // before_script and script share a shell; GitLab runs after_script in a shell of its own.
      const exportPath = 'export PATH="/opt/chatons-audit/node_modules/.bin:$PATH"';
      const [main = '', after = ''] = yaml.split(/\n\s*after_script:/);
      const firstUse = main.search(/- chatons-audit /);
      expect(firstUse).toBeGreaterThan(0);
      expect(main.slice(0, firstUse)).toContain(exportPath);
      const afterUse = after.search(/- chatons-audit /);
      if (afterUse >= 0) expect(after.slice(0, afterUse)).toContain(exportPath);
    }
  });
});
