/**
 * `npm run update-trackers`: rebuilds rules/data/trackers/ from the devDependencies that carry
 * free tracker knowledge, so nothing is ever downloaded at audit time:
 * - third-party-web (MIT): domain → entity, company, category;
 * - AdGuard Tracking Protection, Social media and French filters (GPL-3.0), as shipped inside
 *   @adguard/dnr-rulesets; network rules only (we name requests, we do not hide elements).
 * Then precompiles one @ghostery/adblocker engine (engine.bin) so an audit loads it in a few ms.
 * Update the source packages first (`npm install -D third-party-web@latest @adguard/dnr-rulesets@latest`).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FiltersEngine, NetworkFilter } from '@ghostery/adblocker';
import { packageRoot } from '../util/paths.js';
import { trackersDataDir } from './data-files.js';
import { ENGINE_CONFIG } from './engine-config.js';
import { TRACKER_SOURCES } from './staleness.js';

interface TpwEntity {
  name: string;
  company?: string | null;
  category: string;
  domains: string[];
}

interface SourceList {
  id: string;
  ruleset: number;
  file: string;
}

const LISTS: readonly SourceList[] = [
  { id: 'adguard-tracking-protection', ruleset: 3, file: 'adguard-tracking-protection.txt' },
  { id: 'adguard-social', ruleset: 4, file: 'adguard-social.txt' },
  { id: 'adguard-french', ruleset: 16, file: 'adguard-french.txt' },
];

/** Sections whose rules list customers' own subdomains (160,000 lines): we keep only each vendor's domains. */
const CNAME_SECTIONS = /^!-+ CNAME mail trackers|^! SECTION: CNAME disguised tracking networks/;
const VENDOR_HEADING = /^! (.+?) : (.+) disguised trackers$/;

function packageVersion(name: string): { version: string; license: string; dir: string } {
  // Read from node_modules directly: some of these packages do not export their package.json.
  const file = join(packageRoot, 'node_modules', name, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version: string; license: string };
  return { version: pkg.version, license: pkg.license, dir: dirname(file) };
}

function isNetworkRule(line: string): boolean {
  // Cosmetic (##, #@#, #$#, #%#, #?#), HTML ($$) and scriptlet rules do not name requests.
  return line !== '' && !line.startsWith('!') && !line.startsWith('[') && !/#[@$?%]{0,2}#|\$\$/.test(line);
}

function header(field: string): RegExp {
  return new RegExp(`^! ${field}: (.*)$`, 'm');
}

interface TrimmedList {
  title: string;
  version: string;
  timeUpdated: string;
  rules: string[];
  cnameVendors: Record<string, string>;
}

/** Network rules of a raw list; in the CNAME sections, only the vendor domains after each heading. */
function trimList(raw: string): TrimmedList {
  const lines = raw.replace(/\r/g, '').split('\n');
  const rules: string[] = [];
  const cnameVendors: Record<string, string> = {};
  let inCname = false;
  let vendorDomains: string[] = [];
  for (const line of lines) {
    if (/^!-{5,} ?[A-Za-z]/.test(line) || line.startsWith('! SECTION:')) {
      inCname = CNAME_SECTIONS.test(line);
      vendorDomains = [];
      continue;
    }
    if (inCname) {
      // "! Eulerian : eulerian.net disguised trackers" names the vendor and its own domains; the
      // rules below list its customers' subdomains, which we drop (see CNAME_SECTIONS).
      const heading = VENDOR_HEADING.exec(line);
      if (heading?.[1] && heading[2]) {
        vendorDomains = heading[2]
          .split(/,\s*|\s+and\s+/)
          .map((d) => d.trim().toLowerCase())
          .filter((d) => /^[a-z0-9.-]+\.[a-z]+$/.test(d));
        for (const d of vendorDomains) cnameVendors[d] = heading[1].trim();
      } else if (isNetworkRule(line)) {
        const domain = /^\|\|([a-z0-9.-]+)\^/.exec(line)?.[1];
        if (domain && vendorDomains.some((d) => domain === d || domain.endsWith(`.${d}`))) rules.push(line);
      }
      continue;
    }
    if (isNetworkRule(line)) rules.push(line);
  }
  return {
    title: header('Title').exec(raw)?.[1]?.trim() ?? 'unknown',
    version: header('Version').exec(raw)?.[1]?.trim() ?? 'unknown',
    timeUpdated: header('TimeUpdated').exec(raw)?.[1]?.trim() ?? 'unknown',
    rules,
    cnameVendors,
  };
}

export async function updateTrackers(outDir = trackersDataDir): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  const manifest: Record<string, unknown>[] = [];

  // third-party-web: trimmed to the fields we use.
  const tpw = packageVersion('third-party-web');
  const entities = JSON.parse(readFileSync(join(tpw.dir, 'dist', 'entities-nostats.json'), 'utf8')) as TpwEntity[];
  const trimmed = entities.map((e) => ({ name: e.name, company: e.company ?? null, category: e.category, domains: e.domains }));
  writeFileSync(
    join(outDir, 'third-party-web.json'),
    `${JSON.stringify({
      provenance: {
        source: 'third-party-web (npm)',
        version: tpw.version,
        vendored: today,
        licence: tpw.license,
        homepage: 'https://github.com/patrickhulce/third-party-web',
        fields: 'name, company, category, domains',
      },
      entities: trimmed,
    })}\n`,
  );
  manifest.push({
    id: 'third-party-web',
    name: 'third-party-web',
    version: tpw.version,
    updated: today,
    licence: tpw.license,
    file: 'third-party-web.json',
  });

  // AdGuard lists: trimmed raw text, with a provenance header.
  const dnr = packageVersion('@adguard/dnr-rulesets');
  const texts: string[] = [];
  const cnameVendors: Record<string, string> = {};
  // Filter id → list, for every list but the first (the default), to keep the file small.
  const filterList: Record<string, string[]> = {};
  for (const list of LISTS) {
    const json = JSON.parse(
      readFileSync(join(dnr.dir, 'dist', 'filters', 'declarative', `ruleset_${list.ruleset}`, `ruleset_${list.ruleset}.json`), 'utf8'),
    ) as [{ metadata: { rawFilterList: string } }];
    const t = trimList(json[0].metadata.rawFilterList);
    Object.assign(cnameVendors, t.cnameVendors);
    const text = t.rules.join('\n');
    texts.push(text);
    if (list !== LISTS[0]) {
      filterList[list.id] = t.rules.flatMap((line) => {
        const filter = NetworkFilter.parse(line, true);
        return filter ? [filter.getId().toString(36)] : [];
      });
    }
    writeFileSync(
      join(outDir, list.file),
      [
        `! Title: ${t.title}`,
        `! Version: ${t.version}`,
        `! TimeUpdated: ${t.timeUpdated}`,
        `! Source: @adguard/dnr-rulesets ${dnr.version} (npm), dist/filters/declarative/ruleset_${list.ruleset}, metadata.rawFilterList`,
        `! Vendored: ${today} by npm run update-trackers (network rules only; CNAME sections reduced to vendor domains)`,
        '! Licence: GPL-3.0 (https://github.com/AdguardTeam/AdguardFilters/blob/master/LICENSE)',
        text,
        '',
      ].join('\n'),
    );
    manifest.push({
      id: list.id,
      name: t.title,
      version: t.version,
      updated: t.timeUpdated,
      licence: 'GPL-3.0',
      file: list.file,
      rules: t.rules.length,
    });
  }
  writeFileSync(
    join(outDir, 'cname-vendors.json'),
    `${JSON.stringify(
      {
        provenance: {
          source: `@adguard/dnr-rulesets ${dnr.version}, Tracking Protection filter, "CNAME disguised tracking networks" headings`,
          vendored: today,
          licence: 'GPL-3.0',
        },
        vendors: cnameVendors,
      },
      null,
      1,
    )}\n`,
  );

  const engine = FiltersEngine.parse(texts.join('\n'), ENGINE_CONFIG);
  writeFileSync(join(outDir, 'engine.bin'), engine.serialize());
  writeFileSync(
    join(outDir, 'filter-lists.json'),
    `${JSON.stringify({ provenance: 'list id → base-36 filter ids (@ghostery/adblocker) in engine.bin; any other filter is from the first list', defaultList: LISTS[0]?.id, lists: filterList })}\n`,
  );
  writeFileSync(
    join(outDir, 'lists.json'),
    `${JSON.stringify(
      {
        provenance: {
          tool: 'npm run update-trackers',
          vendored: today,
          matcher: `@ghostery/adblocker ${packageVersion('@ghostery/adblocker').version} (MPL-2.0)`,
          // What a development clone compares with its node_modules to know newer lists are at hand.
          sources: Object.fromEntries(TRACKER_SOURCES.map((name) => [name, packageVersion(name).version])),
        },
        lists: manifest,
      },
      null,
      2,
    )}\n`,
  );
  console.log(
    `rules/data/trackers updated: ${trimmed.length} entities, ${engine.getFilters().networkFilters.length} filters, ${Object.keys(cnameVendors).length} CNAME vendor domains`,
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''))) await updateTrackers();
