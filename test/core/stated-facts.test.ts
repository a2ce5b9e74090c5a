import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { statedFacts } from '../../src/core/facts/stated-facts.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const NEW = 'A1E6D24CAB1B720238AD1607DF681367808090AE';
const spaced = NEW.match(/../g)?.join(' ') ?? NEW;

/** What the admin says in their own words, read as facts the plan uses. */
describe('facts stated in prose', () => {
  const rows: { text: string; newThumbprint?: string; importedOn?: string }[] = [
    { text: `新しい証明書の拇印は “${NEW}” です。`, newThumbprint: NEW },
    { text: `新しい証明書の拇印は「${NEW.toLowerCase()}」です`, newThumbprint: NEW },
    { text: `The new thumbprint is "${NEW}".`, newThumbprint: NEW },
    { text: `new cert thumbprint: ${spaced}`, newThumbprint: NEW },
    { text: `the thumbprint of the new certificate is ‘${NEW}’`, newThumbprint: NEW },
    { text: `更新後の証明書は ${NEW} です`, newThumbprint: NEW },
    { text: `The old thumbprint is ${NEW}.` },
    { text: 'We imported the new public cert on EX13-01 only I think.', importedOn: 'EX13-01' },
    { text: 'I installed the renewed certificate only on EX01, not on EX02', importedOn: 'EX01' },
    { text: 'the new cert is only on MBX-02 right now', importedOn: 'MBX-02' },
    { text: '新しい証明書は EX13-01 にだけインポートしました。', importedOn: 'EX13-01' },
    { text: 'EXJ-01 のみにインポート済みです', importedOn: 'EXJ-01' },
    { text: 'EX01 にだけ新しい証明書をインポートしました', importedOn: 'EX01' },
    { text: `Thumbprint of new cert: ${NEW}`, newThumbprint: NEW },
    { text: 'We imported the new cert on EX13-01 and EX13-02.' },
    // Renewed on one server while another (the Edge) was left untouched: it is copied from there.
    { text: 'Renewed the public cert on the hub (HUB01) last month, did not touch the Edge.', importedOn: 'HUB01' },
    { text: 'I renewed the certificate on MBX2016, did not touch EDGE01 yet.', importedOn: 'MBX2016' },
    { text: 'We renewed the cert on the mailbox server (EXMB01) in October.', importedOn: 'EXMB01' },
    { text: 'HUB01 で公開証明書を更新しました。エッジには何もしていません。', importedOn: 'HUB01' },
    { text: 'EXMB01 で証明書を更新、EDGE01 はまだです', importedOn: 'EXMB01' },
    { text: 'We renewed the cert on EX01 last week.' },
    { text: 'EX01 で証明書を更新しました。' },
  ];
  for (const row of rows)
    it(row.text, () => {
      const stated = statedFacts(row.text);
      assert.equal(stated.newThumbprint, row.newThumbprint);
      assert.equal(stated.importedOn, row.importedOn);
    });
});

function event12014(server: string, fqdn: string): string {
  return [
    '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
    '  <System>',
    '    <Provider Name="MSExchangeFrontEndTransport" />',
    '    <EventID Qualifiers="49156">12014</EventID>',
    '    <TimeCreated SystemTime="2026-11-28T09:02:31.000000000Z" />',
    `    <Computer>${server}.corp.contoso.com</Computer>`,
    '  </System>',
    '  <EventData>',
    `    <Data>${fqdn}</Data>`,
    `    <Data>Default Frontend ${server}</Data>`,
    `    <Data>${fqdn}</Data>`,
    '  </EventData>',
    '</Event>',
  ].join('\n');
}

describe('a renewed certificate imported on one server only is copied, not requested again', () => {
  const rows: { name: string; lang: 'en' | 'ja'; prose: string; source: string; target: string; thumbprint?: string }[] = [
    {
      name: 'English, "imported … on X only"',
      lang: 'en',
      prose: 'Exchange 2016 CU23, EX16-01 and EX16-02 behind a load balancer. We imported the new cert on EX16-01 only.',
      source: 'EX16-01',
      target: 'EX16-02',
    },
    {
      name: 'Japanese, 「X にだけインポート」 with the new thumbprint',
      lang: 'ja',
      prose: `Exchange 2019 CU14 の EX19-01 と EX19-02 です。新しい証明書は EX19-01 にだけインポートしました。新しい証明書の拇印は “${NEW}” です。`,
      source: 'EX19-01',
      target: 'EX19-02',
      thumbprint: NEW,
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const d = diagnose(`${row.prose}\n\n${event12014(row.target, 'mail.contoso.com')}`, { now: NOW, lang: row.lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(commands, /-GenerateRequest/);
      const exported = d.steps.find((s) => /Export-ExchangeCertificate/.test(s.command ?? ''));
      const imported = d.steps.find((s) => /Import-ExchangeCertificate .*\.pfx/.test(s.command ?? ''));
      assert.ok(exported && imported, d.steps.map((s) => s.title).join('\n'));
      assert.ok(exported.title.includes(row.source), exported.title);
      assert.ok(imported.title.includes(row.target), imported.title);
      if (row.thumbprint) assert.match(exported.command ?? '', new RegExp(`-Thumbprint ${row.thumbprint}`));
      assert.match(commands, /Enable-ExchangeCertificate -Thumbprint (?:<[^>]+>|\S+) -Services SMTP/);
    });
});

describe('a listing of the server left on the old certificate, the renewal said to be on another', () => {
  const listing = `Exchange 2016 CU23, EX16-01 and EX16-02 behind a load balancer. We imported the new cert on EX16-01 only. This is EX16-02:

[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server EX16-02 | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services

Thumbprint         : 3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C
Subject            : CN=mail.contoso.com
Issuer             : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}
NotAfter           : 12/1/2026 11:59:59 PM
Services           : IIS, SMTP
`;
  for (const lang of ['en', 'ja'] as const)
    it(`${lang}: copied from the server that holds it, enabled as the old one was, never copied back`, () => {
      const d = diagnose(listing, { now: NOW, lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(commands, /-GenerateRequest/);
      const exported = d.steps.filter((s) => /Export-ExchangeCertificate/.test(s.command ?? ''));
      assert.deepEqual(
        exported.map((s) => s.server),
        ['EX16-01'],
      );
      const imported = d.steps.filter((s) => /Import-ExchangeCertificate .*\.pfx/.test(s.command ?? ''));
      assert.deepEqual(
        imported.map((s) => s.server),
        ['EX16-02'],
      );
      assert.match(commands, /Enable-ExchangeCertificate -Thumbprint <[^>]+> -Services IIS,SMTP/);
    });
});

describe('the server the prose says the problem is on', () => {
  const rows: { text: string; server?: string }[] = [
    { text: 'HealthChecker says a cert is expired on EX13-01 (Exchange 2013 CU23).', server: 'EX13-01' },
    { text: 'Exchange 2016 CU23 on EX16-01, the cert expires soon', server: 'EX16-01' },
    { text: 'EXJ-MBX01 で証明書の期限が切れました。', server: 'EXJ-MBX01' },
    { text: 'The certificate was issued from DC01 by our CA.' },
    { text: 'It fails on EX01 and on EX02.' },
    { text: 'Exchange 2019 on W2019, CU14.' },
  ];
  for (const row of rows) it(row.text, () => assert.equal(statedFacts(row.text).server, row.server));

  it('fills the server of a listing that names none', () => {
    const paste = `Exchange 2016 CU23 on EX16-01, the cert expires soon, how do I renew?

[PS] C:\\Windows\\system32>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services

Thumbprint : 3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C
Subject    : CN=mail.contoso.com, O=Contoso, C=US
Issuer     : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter   : 12/5/2026 11:59:59 PM
Services   : IIS, SMTP
`;
    const d = diagnose(paste, { now: NOW, lang: 'en' });
    assert.ok(d.steps.length > 0);
    for (const step of d.steps) assert.doesNotMatch(step.command ?? '', /<server>/, step.command);
    assert.ok(d.steps.some((s) => s.server === 'EX16-01'));
  });
});
