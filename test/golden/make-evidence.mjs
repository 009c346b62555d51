// Regenerates the golden evidence files by running the real audit (built CLI, real Chromium)
// on the fixture internet with --save-evidence. Run after `npm run build`:
//   node test/golden/make-evidence.mjs
// Then `npm run golden:update` rewrites the expected reports from it.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startFixtureInternet } from '../../dist/fixture-internet/server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Every site here is judged by every rule in the golden reports (test/report/golden.test.ts).
const sites = [
  'services.bonchaton.example',
  'google-fonts.example',
  'asso-avant.example',
  'asso-apres.example',
  'gravatar-cdn.example',
  'pisteurs.example',
];
const internet = await startFixtureInternet();
try {
  for (const site of sites) {
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
      `https://${site}/`,
    ]);
    console.log(`wrote ${file}`);
  }
} finally {
  await internet.close();
}
