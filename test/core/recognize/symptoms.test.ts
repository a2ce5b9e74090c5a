import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Symptom } from '../../../src/core/recognize/evidence.js';
import { recognizeSymptoms } from '../../../src/core/recognize/symptoms.js';

function corpus(name: string): string {
  return readFileSync(new URL(`../../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

const CURRENT = 'C07B19E88671134C4C4A38D72F0A587974CE137D';
const NEW = 'B8FFF722AAF9E4CFA055581061F6020C70BAC8AF';

const ROWS: { name: string; input: string; want: Symptom[]; japanese?: boolean }[] = [
  {
    name: 's07 451 5.7.3 behind a 450 4.4.317',
    input: corpus('s07-e2016-frontend-12014-tlscertname.txt'),
    want: [{ id: 'starttls-required-451', values: { ndr: '450 4.4.317' } }],
  },
  {
    name: 's13 front-end proxy 1003 in ParseCadataCookies',
    input: corpus('s13-owa-1003-auth-cert.txt'),
    want: [{ id: 'owa-proxy-1003', values: { application: 'Owa' } }],
  },
  {
    name: 's14 HMACProvider assert',
    input: corpus('s14-owa-hmacprovider-assert.txt'),
    want: [{ id: 'hmac-provider-assert', values: { application: '/owa' } }],
  },
  {
    name: 's15 HCW OAuth thumbprint',
    input: corpus('s15-hcw-oauth-thumbprint.txt'),
    want: [{ id: 'hcw-oauth-missing-cert', values: { thumbprint: '29A45AF75AB75C1AFB58922BABF221D2D376C39A' } }],
  },
  {
    name: 's15 with a curly apostrophe and a lower-case thumbprint',
    input: corpus('s15-hcw-oauth-thumbprint.txt').replace("couldn't", 'couldn’t').toLowerCase(),
    want: [{ id: 'hcw-oauth-missing-cert', values: { thumbprint: '29A45AF75AB75C1AFB58922BABF221D2D376C39A' } }],
  },
  {
    name: 's26 454 4.7.5 in a queue',
    input: corpus('s26-queue-454-tlscertificatename.txt'),
    want: [
      {
        id: 'send-connector-tls-name-missing',
        values: { queue: 'EX2019A\\5', server: 'EX2019A', nextHopDomain: 'contoso.mail.onmicrosoft.com' },
      },
    ],
  },
  {
    name: 's27 setup: the certificate is expired',
    input: corpus('s27-setup-certificate-expired.txt'),
    want: [
      {
        id: 'setup-certificate-expired',
        values: {
          issuer: 'CN=EX2016',
          site: 'Default Web Site',
          validFrom: '2021-08-06T06:56:14Z',
          validUntil: '2026-08-06T06:56:14Z',
          task: 'Install-ExchangeCertificate',
          services: 'IIS',
        },
      },
    ],
  },
  {
    name: 'the EMS overwrite prompt',
    input: `Confirm
Overwrite the existing default SMTP certificate?

Current certificate: '${CURRENT}' (expires 8/6/2026 6:56:14 AM)
Replace it with certificate: '${NEW}' (expires 11/28/2031 12:00:00 PM)
[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is "Y"):`,
    want: [
      {
        id: 'smtp-overwrite-prompt',
        values: {
          currentThumbprint: CURRENT,
          currentExpires: '8/6/2026 6:56:14 AM',
          currentNotAfter: '2026-08-06T06:56:14Z',
          newThumbprint: NEW,
          newExpires: '11/28/2031 12:00:00 PM',
          newNotAfter: '2031-11-28T12:00:00Z',
        },
      },
    ],
    japanese: false,
  },
  {
    name: 'the Japanese overwrite prompt (full-width colon and question mark)',
    input: `確認
既存の既定の SMTP 証明書を上書きしますか？
現在の証明書 ： "${CURRENT}" (有効期限：2026/08/06 6:56:14)
次の証明書で置き換えます： "${NEW}" (有効期限：2031/11/28 12:00:00)
[Y] はい(Y)  [A] すべて続行(A)  [N] いいえ(N)  [L] すべて無視(L)`,
    want: [
      {
        id: 'smtp-overwrite-prompt',
        values: {
          currentThumbprint: CURRENT,
          currentExpires: '2026/08/06 6:56:14',
          currentNotAfter: '2026-08-06T06:56:14Z',
          newThumbprint: NEW,
          newExpires: '2031/11/28 12:00:00',
          newNotAfter: '2031-11-28T12:00:00Z',
        },
      },
    ],
    japanese: true,
  },
  {
    name: 'TLS NoCredentials',
    input: '421 4.4.2 Message submission rejected: TLS negotiation failed with error NoCredentials',
    want: [{ id: 'tls-no-credentials', values: {} }],
  },
  {
    name: 'Queue Viewer constraints',
    input:
      'Failed to enable constraints. One or more rows contain values violating non-null, unique, or foreign-key constraints.',
    want: [{ id: 'queue-viewer-constraints', values: {} }],
  },
  {
    name: 'the internal transport certificate cannot be removed',
    input:
      'The internal transport certificate cannot be removed because that would cause the Microsoft Exchange Transport service to stop. To replace the internal transport certificate, create a new certificate.',
    want: [{ id: 'internal-cert-cannot-remove', values: {} }],
  },
  {
    name: 'Install-AuthCertificate fails without the site line',
    input:
      'System.Security.Cryptography.CryptographicException: The certificate is expired.\n  at Install-AuthCertificate',
    want: [{ id: 'setup-certificate-expired', values: { task: 'Install-AuthCertificate' } }],
  },
  { name: 'an event without symptoms', input: corpus('s01-e2007-hub-12015.txt'), want: [] },
  { name: 'a certificate list', input: corpus('s17-get-exchangecertificate-table.txt'), want: [] },
  { name: 'empty', input: '', want: [] },
];

describe('recognizeSymptoms', () => {
  for (const row of ROWS) {
    for (const [variant, input] of [
      ['as is', row.input],
      ['CRLF', row.input.replace(/\n/g, '\r\n')],
      ['indented', row.input.replace(/^/gm, '  ')],
    ] as const) {
      it(`${row.name} (${variant})`, () => {
        const evidence = recognizeSymptoms(input);
        assert.deepEqual(evidence.symptoms, row.want);
        if (row.japanese !== undefined) assert.equal(evidence.japanese ?? false, row.japanese);
      });
    }
  }

  it('reads 1 MiB of near-misses quickly', () => {
    const MiB = 1024 * 1024;
    for (const input of [
      "Installing certificate signed by '".repeat(MiB / 34),
      `${"Current certificate: '".repeat(MiB / 22)}Overwrite the existing default SMTP certificate?`,
      `${'Identity: A\\'.repeat(MiB / 12)}454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found`,
      'x'.repeat(MiB),
    ]) {
      const started = performance.now();
      recognizeSymptoms(input);
      assert.ok(performance.now() - started < 1000);
    }
  });
});
