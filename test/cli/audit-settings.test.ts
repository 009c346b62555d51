/**
 * One settings object from the command line to the collector: every option that shapes an
 * audit, from flags and configuration, is in the resolved settings the Auditor is started with
 * (the batch once silently dropped DNS, allowlist and evidence pack when each path made its own copy).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditSettings } from '../../src/audit/auditor.js';
import type { CliProcess } from '../../src/util/io.js';
import { resolveSettings, type CommandOptions } from '../../src/audit/settings.js';

describe('audit settings', () => {
  it('carries every audit option, from flags and configuration', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'chatons-settings-'));
    writeFileSync(
      join(cwd, '.chatons-audit.yml'),
      [
        'ownDomains: [config.example]',
        'allowlist:',
        '  - host: video.autre-chaton.example',
        '    justification: "PeerTube of another member"',
      ].join('\n'),
    );
    const proc: CliProcess = { argv: [], env: {}, stdout: { write: () => true }, stderr: { write: () => true }, cwd: () => cwd };
    const options: CommandOptions = {
      ownDomain: ['flag.example'],
      mapHost: ['*=127.0.0.1:8443'],
      caCert: [],
      dnsServer: ['127.0.0.1:5353'],
      evidenceDir: 'pack',
      chatonsinfos: 'https://a.example/organization.properties',
      candidate: true,
      allowPrivate: true,
      browser: '/usr/bin/chromium',
    };
    // What the run path starts its Auditor with: the settings themselves.
    const audit: AuditSettings = { ...resolveSettings(options, proc), browserPath: '/usr/bin/chromium' };
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
    expect(resolveSettings(options, proc).browserPath).toBe('/usr/bin/chromium');
  });
});
