/** The auditor's own failures, told from the evidence and the resolver (no browser). */
import { describe, expect, it } from 'vitest';
import { refuseOfflineAudit } from '../../src/audit/auditor.js';
import { evidence, page } from '../support/evidence.js';

const servers = [{ address: '192.0.2.53', port: 53 }];
/** A resolver as the audit leaves it: `silent` when no question got an answer; the control question's outcome. */
const resolver = (silent: boolean, control = false) => ({ silent, servers, answersControlQuestion: async () => control });
const portalFailing = (error: string) => evidence('https://example.org/', [page('https://example.org/', 'portal', { error })]);

describe('refuseOfflineAudit', () => {
  it('refuses to judge when the resolver never answered, not even a question about no site', async () => {
    await expect(refuseOfflineAudit(portalFailing('net::ERR_NAME_NOT_RESOLVED'), resolver(true))).rejects.toThrow(
      expect.objectContaining({ key: 'error.auditorDnsSilent', args: { servers: '192.0.2.53:53' } }),
    );
  });

  it('judges a site whose own name servers never answer, when the resolver answers a control question', async () => {
    await expect(refuseOfflineAudit(portalFailing('net::ERR_NAME_NOT_RESOLVED'), resolver(true, true))).resolves.toBeUndefined();
  });

  it.each(['net::ERR_INTERNET_DISCONNECTED', 'net::ERR_NETWORK_ACCESS_DENIED'])(
    'refuses to judge when the browser reports %s',
    async (error) => {
      await expect(refuseOfflineAudit(portalFailing(error), resolver(false))).rejects.toThrow(
        expect.objectContaining({ key: 'error.auditorNoNetwork', args: { error } }),
      );
    },
  );

  it.each(['net::ERR_NAME_NOT_RESOLVED', 'net::ERR_CONNECTION_REFUSED', 'net::ERR_CERT_AUTHORITY_INVALID', 'net::ERR_CONNECTION_RESET'])(
    'leaves %s to the site (a finding, judged)',
    async (error) => {
      await expect(refuseOfflineAudit(portalFailing(error), resolver(false))).resolves.toBeUndefined();
    },
  );
});
