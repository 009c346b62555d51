// Regenerates the golden evidence files by running the real audit (built CLI, real Chromium)
// on the fixture internet with --save-evidence. Run after `npm run build`:
//   node test/golden/make-evidence.mjs [site ...]      (no site: all of them)
// Then `npm run golden:update` rewrites the expected reports from it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startFixtureInternet } from '../../dist/fixture-internet/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Every site here is judged by every rule in the golden reports (test/report/golden.test.ts).
// Each with the audit's extra flags: between them, every rule has an outcome other than
// not-applicable somewhere (a legal notice to read, a candidate that claims membership).
const sites = {
  'services.bonchaton.example': [],
  'google-fonts.example': [],
  'asso-avant.example': [],
  'asso-apres.example': [],
  'gravatar-cdn.example': [],
  'pisteurs.example': [],
  'toile-partagee.example': [],
  'futur-chaton.example': ['--candidate'],
};
const wanted = process.argv.slice(2);
const unknown = wanted.filter((site) => !(site in sites));
if (unknown.length > 0) throw new Error(`not a golden site: ${unknown.join(', ')}`);
const internet = await startFixtureInternet();
try {
  for (const [site, flags] of Object.entries(sites)) {
    if (wanted.length > 0 && !wanted.includes(site)) continue;
    const file = join(root, 'test/golden', `${site}.evidence.json`);
    // Asynchronous: the fixture internet answers from this very process.
    await promisify(execFile)(process.execPath, [
      join(root, 'bin/chatons-audit.js'),
      '--map-host',
      internet.mapHost,
      '--ca-cert',
      internet.caCertFile,
      '--format',
      'json',
      '--fail-on',
      'never',
      '--save-evidence',
      file,
      ...flags,
      `https://${site}/`,
    ]);
    console.log(`wrote ${file}`);
  }
} finally {
  await internet.close();
}
