/** The auditor's own failures, told from the evidence and the resolver (no browser). */
import { describe, expect, it } from 'vitest';
import { refuseOfflineAudit } from '../../src/audit.js';
import { evidence, page } from '../support/evidence.js';

const servers = [{ address: '192.0.2.53', port: 53 }];
const portalFailing = (error: string) => evidence('https://example.org/', [page('https://example.org/', 'portal', { error })]);

describe('refuseOfflineAudit', () => {
  it('refuses to judge when the resolver never answered', () => {
    expect(() => refuseOfflineAudit(portalFailing('net::ERR_NAME_NOT_RESOLVED'), { silent: true, servers }))
      .toThrow(expect.objectContaining({ key: 'error.auditorDnsSilent', args: { servers: '192.0.2.53:53' } }));
  });

  it.each(['net::ERR_INTERNET_DISCONNECTED', 'net::ERR_NETWORK_ACCESS_DENIED'])('refuses to judge when the browser reports %s', (error) => {
    expect(() => refuseOfflineAudit(portalFailing(error), { silent: false, servers }))
      .toThrow(expect.objectContaining({ key: 'error.auditorNoNetwork', args: { error } }));
  });

  it.each(['net::ERR_NAME_NOT_RESOLVED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_CERT_AUTHORITY_INVALID', 'net::ERR_CONNECTION_RESET'])(
    'leaves %s to the site (a finding, judged)', (error) => {
      expect(() => refuseOfflineAudit(portalFailing(error), { silent: false, servers })).not.toThrow();
    },
  );
});
