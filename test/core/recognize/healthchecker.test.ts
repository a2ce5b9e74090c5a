import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizePaste } from '../../../src/core/normalize.js';
import type { CertificateUseEvidence, Evidence } from '../../../src/core/recognize/evidence.js';
import { recognize } from '../../../src/core/recognize/index.js';

/**
 * HealthChecker's screen output as Write-ResultsToScreen prints it (`Name: value`, one tab per
 * level), and as admins paste it: console copies turn tabs into spaces, Slack adds CRLF and fences.
 */

interface Cert {
  friendly: string;
  thumbprint: string;
  days: number;
  status: string;
  services?: string;
  internal?: boolean | string;
  current?: boolean | string;
  next?: boolean | string;
  namespaces: string[];
}

function report(server: string, generated: string, build: string, role: string, certs: Cert[], edge = false): string {
  const lines = [
    'Exchange Information',
    '--------------------',
    `\tName: ${server}`,
    `\tGeneration Time: ${generated}`,
    `\tVersion: Exchange 2019 CU14 Nov25SU`,
    `\tBuild Number: ${build}`,
    `\tServer Role: ${role}`,
    '',
    'Security Settings',
    '-----------------',
    '\tSMB1 Installed: False',
  ];
  for (const c of certs) {
    lines.push('\tCertificate: ', `\t\tFriendlyName: ${c.friendly}`, `\t\tThumbprint: ${c.thumbprint}`);
    lines.push(`\t\tLifetime in days: ${c.days}`, `\t\tCertificate has expired: ${c.days < 0 ? 'True' : 'False'}`);
    lines.push(`\t\tCertificate status: ${c.status}`, '\t\tKey size: 2048', '\t\tECC Certificate: False');
    lines.push('\t\tSignature Algorithm: sha256RSA', '\t\tSignature Hash Algorithm: sha256');
    if (c.services) lines.push(`\t\tBound to services: ${c.services}`);
    if (!edge) {
      lines.push(`\t\tInternal Transport Certificate: ${c.internal === true ? 'True' : (c.internal ?? 'False')}`);
      lines.push(`\t\tCurrent Auth Certificate: ${c.current === true ? 'True' : (c.current ?? 'False')}`);
      lines.push(`\t\tNext Auth Certificate: ${c.next === true ? 'True' : (c.next ?? 'False')}`);
    }
    lines.push(`\t\tSAN Certificate: ${c.namespaces.length > 1 ? 'True' : 'False'}`, '\t\tNamespaces: ');
    for (const n of c.namespaces) lines.push(`\t\t\t${n}`);
  }
  lines.push('\tValid Internal Transport Certificate Found On Server: True', '\tAMSI Enabled: True', '');
  return lines.join('\n');
}

const SELF = 'A1B2C3D4E5F60718293A4B5C6D7E8F9011223344';
const CA = 'B1B2C3D4E5F60718293A4B5C6D7E8F9011223344';
const AUTH = 'C1B2C3D4E5F60718293A4B5C6D7E8F9011223344';
const NEXT = 'D1B2C3D4E5F60718293A4B5C6D7E8F9011223344';

const STANDARD: Cert[] = [
  {
    friendly: 'Microsoft Exchange',
    thumbprint: SELF,
    days: -12,
    status: 'DateInvalid',
    services: 'IMAP, POP, IIS, SMTP',
    internal: true,
    namespaces: ['EX01', 'EX01.corp.contoso.com'],
  },
  {
    friendly: 'mail.contoso.com 2026',
    thumbprint: CA,
    days: 200,
    status: 'Valid',
    services: 'IIS, SMTP',
    namespaces: ['mail.contoso.com', 'autodiscover.contoso.com'],
  },
  {
    friendly: 'Microsoft Exchange Server Auth Certificate',
    thumbprint: AUTH,
    days: 40,
    status: 'Valid',
    services: 'SMTP',
    current: true,
    namespaces: ['Microsoft Exchange Server Auth Certificate'],
  },
  {
    friendly: 'Microsoft Exchange Server Auth Certificate',
    thumbprint: NEXT,
    days: 1790,
    status: 'Valid',
    services: 'SMTP',
    next: true,
    namespaces: ['Microsoft Exchange Server Auth Certificate'],
  },
];

const EN = report('EX01', '11/28/2026 08:41:17', '15.2.1544.37', 'Mailbox', STANDARD);

/** A console copy: every tab is the spaces up to the next 8-column stop. */
const spaces = (text: string) => text.replace(/\t/g, '        ');

interface Row {
  name: string;
  paste: string;
  uses: [string, CertificateUseEvidence['use']][];
  notAfter?: Record<string, string | undefined>;
  check?: (evidence: Evidence) => void;
}

const ROWS: Row[] = [
  {
    name: 'English report with tabs',
    paste: EN,
    uses: [
      [SELF, 'internalTransport'],
      [AUTH, 'authCurrent'],
      [NEXT, 'authNext'],
    ],
    notAfter: { [SELF]: '2026-11-16', [CA]: '2027-06-16' },
  },
  {
    name: 'copied from a console: tabs became spaces',
    paste: spaces(EN),
    uses: [
      [SELF, 'internalTransport'],
      [AUTH, 'authCurrent'],
      [NEXT, 'authNext'],
    ],
    notAfter: { [SELF]: '2026-11-16' },
  },
  {
    name: 'CRLF inside a Slack code fence, with a Japanese question',
    paste: `HealthChecker の結果です。どれを直せばいいですか？\n\`\`\`${EN.replace(/\n/g, '\r\n')}\`\`\``,
    uses: [
      [SELF, 'internalTransport'],
      [AUTH, 'authCurrent'],
      [NEXT, 'authNext'],
    ],
  },
  {
    name: 'Japanese date format in Generation Time',
    paste: report('EXJP01', '2026/11/28 10:05:52', '15.02.1748.039', 'MultiRole', STANDARD),
    uses: [
      [SELF, 'internalTransport'],
      [AUTH, 'authCurrent'],
      [NEXT, 'authNext'],
    ],
    notAfter: { [SELF]: '2026-11-16' },
    check: (evidence) => {
      // The report's own Server Role line (the prose reader may add its weak reading of the same word).
      const reported = evidence.roleEvidence?.filter((r) => r.reason === 'healthchecker-server-role');
      assert.deepEqual(reported?.map((r) => r.role).sort(), ['cas', 'mailbox']);
      assert.ok(evidence.versionHints.some((h) => h.release === '2019' && h.strength === 'strong'));
    },
  },
  {
    name: 'AuthConfig unreadable: InvalidAuthConfig is not a flag',
    paste: report(
      'EX02',
      '11/28/2026 08:41:17',
      '15.1.2507.6',
      'Mailbox',
      STANDARD.map((c) => ({ ...c, current: 'InvalidAuthConfig', next: 'InvalidAuthConfig' })),
    ),
    uses: [[SELF, 'internalTransport']],
    check: (evidence) => assert.ok(evidence.versionHints.some((h) => h.release === '2016')),
  },
  {
    name: 'Edge: no transport or Auth flags printed',
    paste: report('EDGE01', '11/28/2026 08:41:17', '15.2.1544.37', 'Edge', STANDARD.slice(0, 2), true),
    uses: [],
    check: (evidence) =>
      assert.deepEqual(
        evidence.roleEvidence?.map((r) => r.role),
        ['edge'],
      ),
  },
  {
    name: 'certificate section alone: no Generation Time, so no expiry date is made up',
    paste: EN.slice(EN.indexOf('\tCertificate: ')),
    uses: [
      [SELF, 'internalTransport'],
      [AUTH, 'authCurrent'],
      [NEXT, 'authNext'],
    ],
    notAfter: { [SELF]: undefined },
  },
];

describe('HealthChecker certificate section', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const evidence = recognize(normalizePaste(row.paste));
      const hc = evidence.certificates.filter((c) => c.source === 'healthchecker');
      assert.deepEqual(
        hc.map((c) => c.thumbprint),
        row.paste.includes('Edge') && row.uses.length === 0 ? [SELF, CA] : [SELF, CA, AUTH, NEXT],
      );
      assert.deepEqual(
        (evidence.certificateUses ?? []).map((u) => [u.thumbprint, u.use]),
        row.uses,
        JSON.stringify(evidence.certificateUses),
      );
      for (const [thumbprint, day] of Object.entries(row.notAfter ?? {})) {
        assert.equal(hc.find((c) => c.thumbprint === thumbprint)?.notAfter?.slice(0, 10), day, thumbprint);
      }
      const self = hc.find((c) => c.thumbprint === SELF);
      assert.deepEqual(self?.domains, ['EX01', 'EX01.corp.contoso.com']);
      assert.equal(self?.status, 'DateInvalid');
      assert.deepEqual(self?.services, ['IMAP', 'POP', 'IIS', 'SMTP']);
      assert.equal(self?.subject, '', 'HealthChecker prints no subject: none is made up');
      const auth = hc.find((c) => c.thumbprint === AUTH);
      if (auth) assert.equal(auth.role, 'auth');
      row.check?.(evidence);
    });
  }
});

describe('HealthChecker listing every certificate under one heading', () => {
  it('reads each certificate, keeping verdict lines with the certificate above them', () => {
    const text = [
      'Security Settings',
      '-----------------',
      '        Certificate:',
      '                FriendlyName: Microsoft Exchange Server Auth Certificate',
      '                Thumbprint: D1EF64AA9D94C83E045BADC1659B03EB9B4A186A',
      '                Lifetime in days: -19',
      '                Current Auth Certificate: True',
      '                Internal Transport Certificate: False',
      '                Certificate has expired',
      '',
      '                FriendlyName: mail.wingtiptoys.com',
      '                Thumbprint: 387409DE366841063C8206B846FEBA87B00FA407',
      '                Lifetime in days: 301',
      '                Internal Transport Certificate: False',
      '',
      '                FriendlyName: Microsoft Exchange',
      '                Thumbprint: 2BE4ECDD1DCA6029E90B5E93604922B6FB4E7731',
      '                Lifetime in days: 1502',
      '                Internal Transport Certificate: True',
    ].join('\n');
    const evidence = recognize(normalizePaste(text));
    assert.deepEqual(
      evidence.certificates?.map((c) => c.thumbprint?.slice(0, 8)),
      ['D1EF64AA', '387409DE', '2BE4ECDD'],
    );
    const uses = evidence.certificateUses?.map((u) => `${u.thumbprint.slice(0, 4)}:${u.use}`).sort();
    assert.deepEqual(uses, ['2BE4:internalTransport', 'D1EF:authCurrent']);
  });
});
