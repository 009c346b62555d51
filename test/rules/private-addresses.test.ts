import { describe, expect, it } from 'vitest';
import type { EgressPath, PageIncident } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://chaton.example.org/';
const refused = (url: string, address: string, via?: EgressPath): PageIncident => ({
  kind: 'privateAddress',
  page: T,
  url,
  detail: address,
  count: 1,
  ...(via ? { via } : {}),
});

ruleTester('private-addresses', {
  valid: [
    { name: 'no private address', evidence: evidence(T, [page(T)], [], { incidents: [] }) },
    {
      name: 'a popup is another rule',
      evidence: evidence(T, [page(T)], [], { incidents: [{ kind: 'popup', page: T, detail: 'window.open', count: 1 } as PageIncident] }),
    },
  ],
  invalid: [
    {
      name: 'an image on the LAN',
      evidence: evidence(T, [page(T)], [], { incidents: [refused('http://192.168.1.10/logo.png', '192.168.1.10')] }),
      codes: ['privateAddress'],
    },
    // The portal redirected into the auditor's machine: nothing answered, yet this is the finding.
    {
      name: 'a redirect to loopback',
      evidence: evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_BLOCKED_BY_CLIENT' })], [], {
        incidents: [refused('http://127.0.0.1:8080/admin', '127.0.0.1')],
      }),
      codes: ['privateAddress'],
    },
    {
      name: 'nothing answered, nothing refused',
      evidence: evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_REFUSED' })], [], { incidents: [] }),
      outcome: 'needs-review',
      codes: [],
    },
    {
      name: 'a frame, a worker, the browser, a probe and the ChatonsInfos reader, each named',
      evidence: evidence(T, [page(T)], [], {
        incidents: (['frame', 'worker', 'browser', 'probe', 'chatonsinfos', 'page'] as const).map((via) =>
          refused(`http://10.0.0.1/${via}`, '10.0.0.1', via),
        ),
      }),
      codes: [
        'privateAddressFrame',
        'privateAddressWorker',
        'privateAddressBrowser',
        'privateAddressProbe',
        'privateAddressChatonsInfos',
        'privateAddress',
      ],
    },
  ],
});

describe('private-addresses', () => {
  it('names the refused URL and address', () => {
    const result = ruleResult(
      'private-addresses',
      evidence(T, [page(T)], [], { incidents: [refused('http://10.1.2.3/', '10.1.2.3')] }),
      'fr',
    );
    expect(result.findings[0]?.message).toContain('http://10.1.2.3/');
    expect(result.findings[0]?.message).toContain('10.1.2.3');
  });

  it.each(['fr', 'en'] as const)('says who tried the connection (%s)', (lang) => {
    const incidents = [
      refused('https://10.0.0.9/', '10.0.0.9', 'worker'),
      refused('https://www.chaton.example.org/', '127.0.0.1', 'probe'),
    ];
    const [worker, probe] = ruleResult('private-addresses', evidence(T, [page(T)], [], { incidents }), lang).findings;
    expect(worker?.message).toContain('worker');
    expect(probe?.message).toContain('TLS');
    expect(probe?.message).toContain('https://www.chaton.example.org/');
  });
});
