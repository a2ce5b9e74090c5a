import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// When 443 may still serve the expired Setup certificate and the listing shows a valid CA-issued
// certificate on the same server, IIS goes to that certificate, not to the new self-signed one:
// clients trust it. A CA certificate listed for IIS already serves 443: IIS is not moved at all. With
// no such certificate (or one shown not to serve IIS), KB 953354's step stays.

const SETUP = '5C0069F1758D26384405CC56568A5C8E4DD53ECB';
const CA = 'DBCB944803CAB8B05D8530F8C5A7C6E59D806D00';

const table = (caServices: string, intro: string) => `${intro}
[PS] C:\\>Get-ExchangeCertificate -Server EX13-01 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services   NotAfter              Subject
----------                               --------   --------              -------
${CA} ${caServices.padEnd(10)} 9/14/2027 11:59:59 PM  CN=mail.wingtiptoys.com, OU=IT, O=Wingtip Toys
${SETUP} IMAP,...   11/2/2026 9:12:00 AM  CN=EX13-01
`;

const ROWS: { name: string; paste: string; lang?: 'ja'; want: 'ca' | 'new' | 'none' }[] = [
  {
    name: 'a CA certificate whose services the table cut off',
    paste: table('...', 'Exchange 2013 CU23, EX13-01: the self-signed one expired, can I delete it?'),
    want: 'ca',
  },
  {
    name: 'a CA certificate listed for IIS: it is what 443 serves, nothing moves',
    paste: table('IIS,SMTP', 'Exchange 2013 CU23, EX13-01: the self-signed one expired, can I delete it?'),
    want: 'none',
  },
  {
    name: 'Japanese, a CA certificate whose services the table cut off',
    paste: table('...', 'Exchange 2013 CU23 の EX13-01 で自己署名証明書の期限が切れました。削除してよいですか?'),
    lang: 'ja',
    want: 'ca',
  },
  {
    name: 'a CA certificate shown to serve SMTP only',
    paste: table('SMTP', 'Exchange 2013 CU23, EX13-01: the self-signed one expired, can I delete it?'),
    want: 'new',
  },
];

describe('IIS on the expired Setup certificate goes to a valid CA-issued certificate the listing shows', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: REFERENCE_NOW, ...(row.lang && { lang: row.lang }) });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const toCa = commands.includes(`Enable-ExchangeCertificate -Thumbprint ${CA} -Services IIS`);
      const toNew = /-Thumbprint <new thumbprint> -Services IIS/.test(commands);
      // Never both: IIS is moved once, to one certificate.
      assert.deepEqual({ toCa, toNew }, { toCa: row.want === 'ca', toNew: row.want === 'new' }, commands);
    });
  }
});

// The admin's word that IIS uses a bought certificate counts too: the 443 step never moves IIS to
// the new self-signed certificate, and the removal's guard names the CA-issued one.
const EXPIRED = '12EFCEF3C4647D7E4A966820DE789DA58B36D749';
const event12015 = (intro: string) => `${intro}

Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12015
Level:         Warning
Computer:      EXMBX02.contoso.local
Description:
An internal transport certificate expired. Thumbprint:${EXPIRED}
`;

describe('IIS said to use a purchased certificate', () => {
  for (const [lang, intro] of [
    ['en', 'Exchange 2016 CU23 on EXMBX02. IIS uses a purchased DigiCert certificate (mail.contoso.com).'],
    ['ja', 'Exchange 2016 CU23 (EXMBX02) です。IIS は別途購入した証明書 (mail.contoso.com) を使っています。'],
  ] as const) {
    it(lang, () => {
      const d = diagnose(event12015(intro), { now: REFERENCE_NOW, lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(commands, /-Thumbprint <(?:new thumbprint|新しい証明書の拇印)> -Services IIS/, commands);
      assert.ok(d.steps.every((s) => s.id !== 'enable-iis-new'));
    });
  }
});
