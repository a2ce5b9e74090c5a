import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { caKindOf, isInternalName } from '../../src/core/facts/public-names.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const TP = 'FA00E704D719316774130AD377F4151E0A0B6C13';

function listing(o: { version?: string; server: string; subject: string; issuer: string; domains: string }): string {
  return [
    o.version ?? '',
    `[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Server ${o.server} | fl Thumbprint,Subject,Issuer,CertificateDomains,NotAfter,Services,Status,IsSelfSigned`,
    '',
    `Thumbprint         : ${TP}`,
    `Subject            : ${o.subject}`,
    `Issuer             : ${o.issuer}`,
    `CertificateDomains : {${o.domains}}`,
    'NotAfter           : 11/25/2026 5:00:00 PM',
    'Services           : IMAP, POP, IIS, SMTP',
    'Status             : DateInvalid',
    'IsSelfSigned       : False',
  ].join('\n');
}

/** A renewal request for a public CA keeps only the names it issues; an enterprise CA's keeps them all. */
describe('renewal request names for a public CA', () => {
  const rows: {
    name: string;
    lang: 'en' | 'ja';
    paste: string;
    domainName: string;
    subject?: string;
    shows?: RegExp;
    note?: RegExp;
  }[] = [
    {
      name: 'Entrust, Exchange 2010: .local and the bare host name are left out',
      lang: 'en',
      paste: listing({
        version: 'Exchange 2010 SP3 RU32 on EX10-CAS01, certificate expired, what now?',
        server: 'EX10-CAS01',
        subject: 'CN=webmail.proseware.com, O=Proseware Inc, C=US',
        issuer: 'CN=Entrust Certification Authority - L1K, O="Entrust, Inc.", C=US',
        domains: 'webmail.proseware.com, autodiscover.proseware.com, EX10-CAS01.proseware.local, EX10-CAS01',
      }),
      domainName: 'webmail.proseware.com,autodiscover.proseware.com',
      shows: /Get-ClientAccessServer -Identity EX10-CAS01 \| fl Name,AutoDiscoverServiceInternalUri/,
      note: /public CA refuses internal and bare host names \(EX10-CAS01\.proseware\.local, EX10-CAS01\)/,
    },
    {
      name: 'DigiCert, Japanese, .lan and .corp names',
      lang: 'ja',
      paste: listing({
        version: 'Exchange 2019 CU14 の EX19-01 です。証明書の期限が切れました。',
        server: 'EX19-01',
        subject: 'CN=mail.fabrikam.co.jp, O=Fabrikam, C=JP',
        issuer: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US',
        domains: 'mail.fabrikam.co.jp, autodiscover.fabrikam.co.jp, ex19-01.fabrikam.lan, owa.fabrikam.corp',
      }),
      domainName: 'mail.fabrikam.co.jp,autodiscover.fabrikam.co.jp',
      shows: /Get-ClientAccessService -Identity EX19-01 \| fl Name,AutoDiscoverServiceInternalUri/,
      note: /公的な CA は内部の名前やホスト名だけの名前 \(ex19-01\.fabrikam\.lan、owa\.fabrikam\.corp\)/,
    },
    {
      name: "Let's Encrypt with an internal subject: the CN moves to the first public name",
      lang: 'en',
      paste: listing({
        version: 'Exchange 2016 CU23 server EX16-01',
        server: 'EX16-01',
        subject: 'CN=ex16-01.contoso.local',
        issuer: "CN=R11, O=Let's Encrypt, C=US",
        domains: 'ex16-01.contoso.local, mail.contoso.com',
      }),
      domainName: 'mail.contoso.com',
      subject: "-SubjectName 'CN=mail.contoso.com'",
      note: /ex16-01\.contoso\.local/,
    },
    {
      name: 'enterprise CA (DC= components): every name is requested again',
      lang: 'en',
      paste: listing({
        version: 'Exchange 2016 CU23 server EX16-01',
        server: 'EX16-01',
        subject: 'CN=mail.contoso.com',
        issuer: 'CN=contoso-DC01-CA, DC=contoso, DC=local',
        domains: 'mail.contoso.com, ex16-01.contoso.local, EX16-01',
      }),
      domainName: 'mail.contoso.com,ex16-01.contoso.local,EX16-01',
    },
    {
      name: 'public names only: the request is unchanged',
      lang: 'en',
      paste: listing({
        version: 'Exchange 2016 CU23 server EX16-01',
        server: 'EX16-01',
        subject: 'CN=mail.contoso.com',
        issuer: 'CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB',
        domains: 'mail.contoso.com, autodiscover.contoso.com',
      }),
      domainName: 'mail.contoso.com,autodiscover.contoso.com',
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const d = diagnose(row.paste, { now: NOW, lang: row.lang });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      const request = d.steps.findIndex((s) => /-GenerateRequest/.test(s.command ?? ''));
      assert.ok(request >= 0, d.steps.map((s) => s.title).join('\n'));
      assert.match(d.steps[request]?.command ?? '', new RegExp(`-DomainName ${row.domainName} -PrivateKeyExportable`));
      if (row.subject) assert.ok(commands.includes(row.subject), commands);
      const urls = d.steps.findIndex((s) => /Get-OwaVirtualDirectory/.test(s.command ?? ''));
      if (row.note) {
        // The internal URLs are shown before the request, with the names left out said in words.
        assert.ok(urls >= 0 && urls < request, d.steps.map((s) => s.title).join('\n'));
        assert.match(d.steps[urls]?.title ?? '', row.note);
        if (row.shows) assert.match(d.steps[urls]?.command ?? '', row.shows);
      } else {
        assert.equal(urls, -1, d.steps.map((s) => s.title).join('\n'));
      }
    });
  }
});

describe('internal names and CA kinds', () => {
  it('tells internal and bare host names from public ones', () => {
    for (const name of ['EX01', 'ex01.contoso.local', 'mail.corp', 'owa.fabrikam.lan', '10.0.0.5', 'x.home.arpa'])
      assert.equal(isInternalName(name), true, name);
    for (const name of ['mail.contoso.com', 'autodiscover.fabrikam.co.jp', '*.contoso.com', 'mail.contoso.internal.com'])
      assert.equal(isInternalName(name), false, name);
  });
  it('tells public and enterprise issuers apart', () => {
    assert.equal(caKindOf('CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US'), 'public');
    assert.equal(caKindOf('CN=contoso-DC01-CA, DC=contoso, DC=com'), 'enterprise');
    assert.equal(caKindOf('CN=Contoso Issuing CA 01, O=Contoso'), 'enterprise');
    assert.equal(caKindOf(''), undefined);
  });
});
