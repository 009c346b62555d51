/** The demo sites of the fixture internet (fixtures/demo.yaml): what `demo` audits and the bench measures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { fixturesDir } from '../util/paths.js';

interface DemoSite {
  name: string;
  url: string;
}

export function demoSites(): DemoSite[] {
  const doc = load(readFileSync(join(fixturesDir, 'demo.yaml'), 'utf8')) as { sites: DemoSite[] };
  return doc.sites;
}
