import { describe, expect, it } from 'vitest';
import type { EgressPath, PageIncident } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://chaton.example.org/';
const refused = (url: string, address: string, via?: EgressPath): PageIncident => ({ kind: 'privateAddress', page: T, url, detail: address, count: 1, ...(via ? { via } : {}) });

describe('private-addresses', () => {
  it.each([
    ['no private address', [page(T)], [], 'pass', []],
    ['an image on the LAN', [page(T)], [refused('http://192.168.1.10/logo.png', '192.168.1.10')], 'fail', ['privateAddress']],
    // The portal redirected into the auditor's machine: nothing answered, yet this is the finding.
    ['a redirect to loopback', [page(T, 'portal', { status: null, error: 'net::ERR_BLOCKED_BY_CLIENT' })],
      [refused('http://127.0.0.1:8080/admin', '127.0.0.1')], 'fail', ['privateAddress']],
    ['nothing answered, nothing refused', [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_REFUSED' })], [], 'needs-review', []],
    ['a frame, a worker, the browser, a probe and the ChatonsInfos reader, each named', [page(T)],
      (['frame', 'worker', 'browser', 'probe', 'chatonsinfos', 'page'] as const).map((via) => refused(`http://10.0.0.1/${via}`, '10.0.0.1', via)), 'fail',
      ['privateAddressFrame', 'privateAddressWorker', 'privateAddressBrowser', 'privateAddressProbe', 'privateAddressChatonsInfos', 'privateAddress']],
    ['a popup is another rule', [page(T)], [{ kind: 'popup', page: T, detail: 'window.open', count: 1 } as PageIncident], 'pass', []],
  ] as const)('%s → %s', (_name, pages, incidents, outcome, codes) => {
    const result = ruleResult('private-addresses', evidence(T, [...pages], [], { incidents: [...incidents] }));
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('names the refused URL and address', () => {
    const result = ruleResult('private-addresses', evidence(T, [page(T)], [], { incidents: [refused('http://10.1.2.3/', '10.1.2.3')] }), 'fr');
    expect(result.findings[0]?.message).toContain('http://10.1.2.3/');
    expect(result.findings[0]?.message).toContain('10.1.2.3');
  });

  it.each(['fr', 'en'] as const)('says who tried the connection (%s)', (lang) => {
    const incidents = [refused('https://10.0.0.9/', '10.0.0.9', 'worker'), refused('https://www.chaton.example.org/', '127.0.0.1', 'probe')];
    const [worker, probe] = ruleResult('private-addresses', evidence(T, [page(T)], [], { incidents }), lang).findings;
    expect(worker?.message).toContain('worker');
    expect(probe?.message).toContain('TLS');
    expect(probe?.message).toContain('https://www.chaton.example.org/');
  });
});
