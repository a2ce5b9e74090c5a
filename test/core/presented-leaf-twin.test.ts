import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// One certificate seen twice, once presented (openssl s_client: subject and notAfter, no thumbprint)
// and once listed (Get-ExchangeCertificate), is one certificate with one plan: when the listing shows
// its renewal, the renewal is rolled out and nothing is requested again. REFERENCE_NOW is 2026-11-28.

const OLD = '8B627B3E2938F9D89ADAFEE4FBD894C7EF030DAA';
const NEW = 'EAF0819F52F07FEB7FA753ED250B12E7EA8D2E02';
const SETUP = '8D2379C9FC8C545D52167DE27821346F7B79EB8B';

const commands = (d: Diagnosis) => d.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');

const brief = (
  host: string,
  port: number,
) => `$ openssl s_client ${port === 25 ? '-starttls smtp ' : ''}-connect ${host}:${port} -crlf -brief
depth=0 CN = ${host}
verify error:num=10:certificate has expired
notAfter=Nov 24 23:59:59 2026 GMT
CONNECTION ESTABLISHED
Protocol version: TLSv1.2
Ciphersuite: ECDHE-RSA-AES256-GCM-SHA384
Peer certificate: CN = ${host}
Verification error: certificate has expired
`;

const full = (
  host: string,
  port: number,
) => `$ openssl s_client -connect ${host}:${port}${port === 25 ? ' -starttls smtp' : ''} -servername ${host}
CONNECTED(00000003)
depth=0 CN = ${host}
verify error:num=10:certificate has expired
notAfter=Nov 24 23:59:59 2026 GMT
verify return:1
---
Certificate chain
 0 s:CN = ${host}
   i:C = US, O = Entrust, Inc., CN = Entrust Certification Authority - L1K
   v:NotBefore: Nov 20 00:00:00 2025 GMT; NotAfter: Nov 24 23:59:59 2026 GMT
---
`;

const listing = (
  host: string,
  server: string,
  oldServices: string,
  newServices: string,
) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------
${OLD} ${oldServices}  11/24/2026 11:59:59 PM CN=${host}, O=Proseware Inc., L=Toronto, S=Ontario, C=CA
${NEW} ${newServices}  11/23/2027 11:59:59 PM CN=${host}, O=Proseware Inc., L=Toronto, S=Ontario, C=CA
${SETUP} ....S..  3/2/2029 6:15:20 PM    CN=${server}
`;

interface Case {
  name: string;
  lang: 'en' | 'ja';
  paste: string;
  /** Services the renewal is enabled for. */
  enables: RegExp;
  edge?: boolean;
}

const CASES: Case[] = [
  {
    name: '2019 Edge, s_client -brief on 25, renewal imported with no services',
    lang: 'en',
    paste: `Edge is EDGE-DMZ1 (Exchange 2019 CU15 Edge Transport role). I imported the renewed cert on the Edge.\n\n${brief('mx.proseware.com', 25)}\n${listing('mx.proseware.com', 'EDGE-DMZ1', '....S..', '.......')}`,
    enables: new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services SMTP$`, 'm'),
    edge: true,
  },
  {
    name: '2019 Edge, full s_client on 25 (ja)',
    lang: 'ja',
    paste: `EDGE-DMZ1 (Exchange 2019 CU15 のエッジ トランスポート サーバー) です。更新した証明書はインポート済みです。\n\n${full('mx.proseware.com', 25)}\n${listing('mx.proseware.com', 'EDGE-DMZ1', '....S..', '.......')}`,
    enables: new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services SMTP$`, 'm'),
    edge: true,
  },
  {
    name: '2016 Mailbox, s_client -brief on 443, renewal enabled for nothing yet',
    lang: 'en',
    paste: `Exchange 2016 CU23, EX16-01. OWA says the certificate expired; the renewal is imported.\n\n${brief('mail.proseware.com', 443)}\n${listing('mail.proseware.com', 'EX16-01', '...WS..', '.......')}`,
    enables: new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services IIS,SMTP$`, 'm'),
  },
  {
    name: '2019 Mailbox, full s_client on 443 (ja)',
    lang: 'ja',
    paste: `Exchange 2019 CU14 の EX19-01 です。OWA で期限切れの警告が出ます。更新した証明書はインポート済みです。\n\n${full('mail.proseware.com', 443)}\n${listing('mail.proseware.com', 'EX19-01', '...WS..', '...W...')}`,
    enables: new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services SMTP$`, 'm'),
  },
];

describe('a presented leaf and its listed copy are one certificate with one plan', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.lang})`, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.lang });
      const text = commands(d);
      // One certificate: the expiry is said once, of the listed thumbprint.
      const expired = d.findings.filter((f) => f.code === 'CERT_EXPIRED');
      assert.deepEqual(
        expired.map((f) => f.thumbprint),
        [OLD],
      );
      // One plan: the renewal is enabled; nothing is requested again, no placeholder for it.
      assert.doesNotMatch(text, /-GenerateRequest|Import-ExchangeCertificate|<imported thumbprint>|<services>/);
      assert.match(text, c.enables);
      assert.match(text, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${OLD}`));
      assert.doesNotMatch(text, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${SETUP}`));
      if (c.edge) {
        // An Edge: no IIS, no hybrid connectors of its own, its Transport service reads the certificate.
        assert.doesNotMatch(
          text,
          /Hybrid Configuration Wizard|Default Frontend|iisreset|Get-WebBinding|FrontEndTransport/,
        );
        assert.match(text, /^Restart-Service MSExchangeTransport$/m);
        assert.match(text, /certcheck probe mx\.proseware\.com:25/);
      } else assert.match(text, /iisreset/);
    });
  }

  it('two listed certificates the leaf could be: neither is taken for it', () => {
    const twoSame = `${brief('mx.proseware.com', 25)}
Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------
${OLD} ....S..  11/24/2026 11:59:59 PM CN=mx.proseware.com, O=Proseware Inc.
${SETUP} ....S..  11/24/2026 11:00:00 PM CN=mx.proseware.com, O=Proseware Canada
`;
    const d = diagnose(twoSame, { now: REFERENCE_NOW, lang: 'en' });
    // The presented certificate stays a certificate of its own: which listed one it is, is not guessed.
    assert.ok(d.findings.some((f) => f.code === 'CERT_EXPIRED' && f.thumbprint === undefined));
  });

  it('a valid self-signed leaf on 25 keeps its own finding (what the port presents)', () => {
    const paste = `Exchange 2019 CU14, EX19-01. A partner refuses our self-signed certificate.
$ openssl s_client -connect mail.relecloud.com:25 -starttls smtp
CONNECTED(00000003)
depth=0 CN = EX19-01
verify error:num=18:self-signed certificate
---
Certificate chain
 0 s:CN = EX19-01
   i:CN = EX19-01
   v:NotBefore: Jan  9 10:41:27 2024 GMT; NotAfter: Jan  9 10:41:27 2029 GMT
---

Thumbprint                               Services NotAfter              Subject
----------                               -------- --------              -------
9EFCC94E528C1C76817A78C017CED25E94A2DDF9 ...W...  8/14/2027 11:59:59 PM CN=mail.relecloud.com
FFC1F04D30E09FC6C1DF1C77AA74238913569EF9 IP.WS..  1/9/2029 10:41:27 AM  CN=EX19-01
`;
    const d = diagnose(paste, { now: REFERENCE_NOW, lang: 'en' });
    assert.match(
      commands(d),
      /Enable-ExchangeCertificate -Thumbprint 9EFCC94E528C1C76817A78C017CED25E94A2DDF9 -Services SMTP/,
    );
  });
});
