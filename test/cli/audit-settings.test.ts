/**
 * The single-site path and the batch build their Auditor from one function: every option that
 * shapes an audit must reach it (the batch once silently dropped DNS, allowlist and evidence pack).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditSettingsOf } from '../../src/audit/audit-settings.js';
import type { CliProcess } from '../../src/util/io.js';
import { resolveRunSettings, type AuditCommandOptions } from '../../src/audit/run-settings.js';

describe('audit settings', () => {
  it('carries every audit option, from flags and configuration', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'chatons-settings-'));
    writeFileSync(join(cwd, '.chatons-audit.yml'), [
      'ownDomains: [config.example]',
      'allowlist:',
      '  - host: video.autre-chaton.example',
      '    justification: "PeerTube of another member"',
    ].join('\n'));
    const proc: CliProcess = { argv: [], env: {}, stdout: { write: () => true }, stderr: { write: () => true }, cwd: () => cwd };
    const options: AuditCommandOptions = {
      ownDomain: ['flag.example'], mapHost: ['*=127.0.0.1:8443'], caCert: [], dnsServer: ['127.0.0.1:5353'],
      evidenceDir: 'pack', chatonsinfos: 'https://a.example/organization.properties', candidate: true, allowPrivate: true,
    };
    const audit = auditSettingsOf(resolveRunSettings(options, proc), options, '/usr/bin/chromium');
    expect(audit).toMatchObject({
      candidate: true,
      chatonsinfos: 'https://a.example/organization.properties',
      ownDomains: ['config.example', 'flag.example'],
      mappings: [{ pattern: '*', address: '127.0.0.1', port: 8443 }],
      dnsServers: [expect.objectContaining({ address: '127.0.0.1', port: 5353 })],
      evidenceDir: join(cwd, 'pack'),
      allowlist: [expect.objectContaining({ host: 'video.autre-chaton.example', justification: 'PeerTube of another member' })],
      allowPrivate: true,
      browserPath: '/usr/bin/chromium',
    });
  });
});
