import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const LISTING = `Get-ExchangeCertificate -Thumbprint 924DAECB7AABDDF11B64EE073A493799D4F2BF9A | fl

CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
IsSelfSigned       : False
Issuer             : CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US
NotAfter           : 12/18/2026 1:59:59 PM
Services           : IIS, SMTP
Status             : Valid
Subject            : CN=mail.contoso.com
Thumbprint         : 924DAECB7AABDDF11B64EE073A493799D4F2BF9A
`;
const version = (build: string) =>
  `Get-ExchangeServer | ft Name,AdminDisplayVersion\n\nName   AdminDisplayVersion\n----   -------------------\nEX01   Version ${build}\n`;

/**
 * A certificate other servers serve too, when the paste shows only one of them: the copy is a step
 * with the export and the import for the release, the other servers and the password left visible;
 * a paste that speaks of no other server gets no copy step at all.
 */
describe('the renewed certificate is copied to the other servers the paste speaks of', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    words: string;
    build: string;
    copy: 'commands' | 'prose' | 'none';
    importCommand?: RegExp;
  }[] = [
    {
      name: 'a DAG said, Exchange 2019',
      lang: 'en',
      words: 'Our cert expires soon, we have a DAG of two servers.',
      build: '15.2 (Build 1544.4)',
      copy: 'commands',
      importCommand: /Import-ExchangeCertificate -Server <other server> -FileData \(\[System\.IO\.File\]::ReadAllBytes/,
    },
    {
      name: 'a load balancer said, Exchange 2010',
      lang: 'en',
      words: 'Both servers sit behind a load balancer.',
      build: '14.3 (Build 123.4)',
      copy: 'commands',
      importCommand:
        /Import-ExchangeCertificate -Server <other server> -FileData \(\[byte\[\]\]\(Get-Content .*-Encoding Byte/,
    },
    {
      name: '負荷分散 (Japanese), Exchange 2016',
      lang: 'ja',
      words: '2 台のサーバーを負荷分散しています。',
      build: '15.1 (Build 2507.6)',
      copy: 'commands',
      importCommand: /Import-ExchangeCertificate -Server <他のサーバー名> -FileData/,
    },
    {
      name: 'a DAG said, Exchange 2007: no -Server there, said in words',
      lang: 'en',
      words: 'We have a DAG.',
      build: '8.3 (Build 83.6)',
      copy: 'prose',
    },
    {
      name: 'no other server said (en)',
      lang: 'en',
      words: 'Our cert expires soon.',
      build: '15.2 (Build 1544.4)',
      copy: 'none',
    },
    {
      name: 'no other server said (ja)',
      lang: 'ja',
      words: '証明書の期限が近いです。',
      build: '15.2 (Build 1544.4)',
      copy: 'none',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(`${row.words}\n\n${LISTING}\n${version(row.build)}`, { now: NOW, lang: row.lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const prose = d.steps.filter((s) => !s.command && /DAG/.test(s.title));
      if (row.copy === 'commands') {
        const exported = d.steps.findIndex((s) =>
          /Export-ExchangeCertificate -Thumbprint (?:<[^>]+>|\S+) -BinaryEncoded -Password \(Get-Credential\)\.Password/.test(
            s.command ?? '',
          ),
        );
        const imported = d.steps.findIndex((s) => row.importCommand?.test(s.command ?? ''));
        assert.ok(
          exported >= 0 && imported > exported,
          d.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n'),
        );
        assert.match(
          d.steps[imported]?.command ?? '',
          /Enable-ExchangeCertificate -Server <[^>]+> -Thumbprint \$c\.Thumbprint -Services IIS,SMTP/,
        );
        assert.match(d.steps[imported]?.title ?? '', row.lang === 'en' ? /answer N/ : /N と答えます/);
        assert.equal(prose.length, 0);
      } else if (row.copy === 'prose') {
        assert.doesNotMatch(commands, /-Server <other server>/);
        assert.equal(prose.length, 1);
      } else {
        assert.doesNotMatch(commands, /Export-ExchangeCertificate|<other server>|<他のサーバー名>/);
        assert.equal(prose.length, 0);
      }
    });
  }
});
