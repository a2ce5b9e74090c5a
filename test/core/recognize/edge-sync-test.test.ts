import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { recognizeEdgeSyncTest } from '../../../src/core/recognize/edge-sync-test.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

// Test-EdgeSynchronization lists each Edge Transport server of the site by its Name: that server is
// an Edge, whatever the prose calls it, and the Mailbox server the test ran on is not.

const record = (name: string, status: string, detail = '') => `Name                  : ${name}
SyncStatus            : ${status}
FailureDetail         : ${detail}
LeaseHolder           :
LastSynchronizedUtc   : 11/27/2026 4:02:17 PM
CredentialStatus      : Skipped
TransportServerStatus : Skipped
`;
const CERT_DETAIL =
  "The LDAP server is unavailable. Could not establish a secure connection with Edge Transport server GW19: the server's certificate could not be validated against the certificate published in the Edge Subscription.";

describe('Test-EdgeSynchronization: each Name is an Edge Transport server', () => {
  const cases: [string, string, string[]][] = [
    [
      'one Edge, failed',
      `[PS] C:\\>Test-EdgeSynchronization | fl\n\n${record('GW19', 'Failed', CERT_DETAIL)}`,
      ['GW19'],
    ],
    ['one Edge, normal', `[PS] C:\\>Test-EdgeSynchronization\n\n${record('EDGE01', 'Normal')}`, ['EDGE01']],
    [
      'two Edges',
      `${record('DMZ-MX1', 'Normal')}\n${record('DMZ-MX2', 'Failed', CERT_DETAIL)}`,
      ['DMZ-MX1', 'DMZ-MX2'],
    ],
    [
      'a certificate listing has no SyncStatus',
      'Name : EX01\nThumbprint : 0565FC120B9E91A3247D8B9DFFEAD35BF3C1F77F\n',
      [],
    ],
  ];
  for (const [name, text, edges] of cases)
    it(name, () => {
      const read = recognizeEdgeSyncTest(text);
      assert.deepEqual(
        (read.roleEvidence ?? []).map((r) => [r.server, r.role, r.strength]),
        edges.map((e) => [e, 'edge', 'strong']),
      );
    });
});

describe('a renewed Edge named only by Test-EdgeSynchronization gets the new subscription, not another certificate', () => {
  const question = {
    en: 'GW19 (2019 CU14) is subscribed to site Tokyo-DC. Its self-signed cert expired, last night I ran New-ExchangeCertificate on GW19 and said Y. EdgeSync fails since then. From MBX01:',
    ja: 'GW19 (2019 CU14) はサイト Tokyo-DC にサブスクライブしています。自己署名証明書が期限切れになったので、昨夜 GW19 で New-ExchangeCertificate を実行して Y と答えました。それから EdgeSync が失敗します。MBX01 から:',
  } as const;
  const paste = (language: 'en' | 'ja', cmdlet: string) => `${question[language]}

[PS] C:\\>Test-EdgeSynchronization | fl Name,SyncStatus,FailureDetail,LeaseHolder,LastSynchronizedUtc,CredentialStatus,TransportServerStatus

${record('GW19', 'Failed', CERT_DETAIL)}
[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotBefore,NotAfter,Services

Thumbprint : CEC231D0E14FA24D1BD6FAFBF12946359162B77D
Subject    : CN=GW19
Issuer     : CN=GW19
NotBefore  : 11/27/2026 5:48:02 PM
NotAfter   : 11/27/2031 5:48:02 PM
Services   : SMTP

Thumbprint : E57D5E4CAA7BFF8AB8374B9E1B4B1269351D084F
Subject    : CN=GW19
Issuer     : CN=GW19
NotBefore  : 11/26/2021 9:13:40 AM
NotAfter   : 11/26/2026 9:13:40 AM
Services   : SMTP

[PS] C:\\>${cmdlet} | fl Name,InternalTransportCertificateThumbprint

Name                                   : GW19
InternalTransportCertificateThumbprint : CEC231D0E14FA24D1BD6FAFBF12946359162B77D
`;
  for (const language of ['en', 'ja'] as const)
    for (const cmdlet of ['Get-TransportService'])
      it(`${language}: ${cmdlet}`, () => {
        const d = diagnose(paste(language, cmdlet), { now: REFERENCE_NOW });
        assert.equal(d.language, language);
        const gw = d.servers?.find((s) => s.name === 'GW19');
        assert.ok(
          gw?.roles.some((r) => r.value === 'edge' && r.strength === 'strong'),
          JSON.stringify(gw?.roles),
        );
        const commands = d.steps.map((s) => s.command ?? '').join('\n');
        assert.doesNotMatch(commands, /New-ExchangeCertificate/);
        assert.match(commands, /New-EdgeSubscription -FileName/);
        assert.match(commands, /Test-EdgeSynchronization/);
      });
});
