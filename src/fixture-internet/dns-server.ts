/**
 * The fixture internet's DNS: a dns2 UDP server on 127.0.0.1 (port 0) answering the zones of
 * fixtures/dns/*.yaml. Like an authoritative server, it follows a CNAME only while the target
 * is in the same zone file, so chains that cross zones come back partial (the resolver must
 * follow them hop by hop). A name may also misbehave on purpose:
 *   behaviour: timeout   → never answered
 *   behaviour: servfail  → SERVFAIL
 *   behaviour: refused   → REFUSED
 *   rebind: { after: n, A: [..] } → the A records above for the first n A questions, then these
 *                                    (a name that turns into the auditor's own address: DNS rebinding)
 * Zone file: `records: { name: { A: [..], AAAA: [..], CNAME: name, MX: [..], NS: [..], TXT: [..] } }`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import DNS from 'dns2';
import { load } from 'js-yaml';
import { fixturesDir } from '../util/paths.js';

interface NameEntry {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  MX?: string[];
  NS?: string[];
  TXT?: string[];
  behaviour?: 'timeout' | 'servfail' | 'refused';
  rebind?: { after: number; A: string[] };
}

interface Zone {
  file: string;
  records: Map<string, NameEntry>;
}

export interface FixtureDns {
  port: number;
  /** `127.0.0.1:PORT`, ready for --dns-server. */
  server: string;
  /** Questions received (bounded), for tests. */
  questions: { name: string; type: string }[];
  close(): Promise<void>;
}

const { Packet } = DNS;
const MAX_CHAIN = 16;
const TYPE_OF: Readonly<Record<number, keyof NameEntry>> = { 1: 'A', 28: 'AAAA', 5: 'CNAME', 15: 'MX', 2: 'NS', 16: 'TXT' };

function loadZones(dir = join(fixturesDir, 'dns')): Zone[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const doc = load(readFileSync(join(dir, file), 'utf8')) as { records?: Record<string, NameEntry> } | null;
      const records = new Map<string, NameEntry>();
      for (const [name, entry] of Object.entries(doc?.records ?? {})) records.set(name.toLowerCase().replace(/\.$/, ''), entry ?? {});
      return { file, records };
    });
}

function find(zones: readonly Zone[], name: string): { zone: Zone; entry: NameEntry } | null {
  for (const zone of zones) {
    const entry = zone.records.get(name);
    if (entry) return { zone, entry };
  }
  return null;
}

function resource(name: string, type: keyof NameEntry, value: string): DNS.Packet.Resource {
  const base = { name, type: Packet.TYPE[type as 'A'], class: Packet.CLASS.IN, ttl: 300 };
  if (type === 'A' || type === 'AAAA') return { ...base, address: value } as DNS.Packet.Resource;
  if (type === 'CNAME') return { ...base, domain: value } as DNS.Packet.Resource;
  if (type === 'MX') return { ...base, exchange: value, priority: 10 } as DNS.Packet.Resource;
  if (type === 'NS') return { ...base, ns: value } as DNS.Packet.Resource;
  return { ...base, data: value } as DNS.Packet.Resource;
}

/**
 * Answers one question from the zones; null means "do not answer at all". `asked`: how many
 * times this name was asked for this type before (rebinding names change their answer).
 */
function answer(zones: readonly Zone[], request: DNS.Packet, asked = 0): DNS.Packet | null {
  const response = Packet.createResponseFromRequest(request);
  response.header.aa = 1;
  const question = request.questions[0];
  if (!question) return response;
  const type = TYPE_OF[question.type];
  let name = question.name.toLowerCase().replace(/\.$/, '');
  let found = find(zones, name);
  if (!found) {
    response.header.rcode = Packet.RCODE.NXDOMAIN;
    return response;
  }
  const zone = found.zone;
  for (let hop = 0; found && hop < MAX_CHAIN; hop++) {
    const { entry } = found;
    if (entry.behaviour === 'timeout') return null;
    if (entry.behaviour === 'servfail' || entry.behaviour === 'refused') {
      response.header.rcode = entry.behaviour === 'servfail' ? Packet.RCODE.SERVFAIL : Packet.RCODE.REFUSED;
      response.answers = [];
      return response;
    }
    if (entry.CNAME && type !== 'CNAME') {
      const target = entry.CNAME.toLowerCase().replace(/\.$/, '');
      response.answers.push(resource(name, 'CNAME', target));
      const next = find(zones, target);
      // In-zone targets are followed (as an authoritative server does); others are left to the resolver.
      if (!next || next.zone !== zone) return response;
      name = target;
      found = next;
      continue;
    }
    const values =
      type === 'A' && entry.rebind && asked >= entry.rebind.after ? entry.rebind.A : type && type !== 'rebind' ? entry[type] : undefined;
    for (const value of [values ?? []].flat()) response.answers.push(resource(name, type as keyof NameEntry, String(value)));
    return response;
  }
  return response;
}

/** `at`: listening address and port (default 127.0.0.1, any free port). */
export async function startFixtureDns(dir?: string, at: { host?: string; port?: number } = {}): Promise<FixtureDns> {
  const zones = loadZones(dir);
  const questions: FixtureDns['questions'] = [];
  const asked = new Map<string, number>();
  const server = DNS.createUDPServer((request, send) => {
    const q = request.questions[0];
    if (q && questions.length < 10_000) questions.push({ name: q.name, type: TYPE_OF[q.type] ?? String(q.type) });
    const key = q ? `${q.type} ${q.name.toLowerCase()}` : '';
    const count = asked.get(key) ?? 0;
    asked.set(key, count + 1);
    const response = answer(zones, request, count);
    if (response) void send(response).catch(() => undefined);
  });
  server.on('requestError', () => undefined);
  const host = at.host ?? '127.0.0.1';
  await server.listen(at.port ?? 0, host);
  const port = server.address().port;
  return {
    port,
    server: `${host}:${port}`,
    questions,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
