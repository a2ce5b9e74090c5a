import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { recognizeJsonCertificates } from '../../src/core/recognize/json-certificates.js';

/**
 * Certificates dumped with ConvertTo-Json: Windows PowerShell's \/Date(ms)\/ (a UTC instant) or
 * PowerShell 7's ISO dates, Services as the AllowedServices number or its names, and Get-AuthConfig
 * dumped the same way. The Auth certificate close to its end with no next one gets the Auth plan.
 */
const AUTH = '250B8AAE87F6C757B4BF9F5D3F30BEB9D4A6ABA8';
const CA = '6B8BCC8C5AF669777399942FA4E9098F3D1876EC';
const now = new Date('2026-11-28T12:00:00Z');

const entry = (thumbprint: string, subject: string, notAfter: string, services: string) =>
  `    {\n        "Thumbprint":  "${thumbprint}",\n        "Subject":  "${subject}",\n        "Issuer":  "${subject}",\n        "NotAfter":  ${notAfter},\n        "Services":  ${services}\n    }`;
const dump = (...entries: string[]) =>
  `[PS] C:\\>Get-ExchangeCertificate | Select Thumbprint,Subject,Issuer,NotAfter,Services | ConvertTo-Json\n[\n${entries.join(',\n')}\n]\n`;
const authJson = (current: string) =>
  `PS C:\\> Get-AuthConfig | ConvertTo-Json\n{\n    "CurrentCertificateThumbprint":  "${current}",\n    "NextCertificateThumbprint":  null,\n    "NextCertificateEffectiveDate":  null\n}\n`;
const authFl = (current: string) =>
  `[PS] C:\\>Get-AuthConfig | fl CurrentCertificateThumbprint,NextCertificateThumbprint\n\nCurrentCertificateThumbprint : ${current}\nNextCertificateThumbprint    :\n`;

describe('ConvertTo-Json certificate dumps', () => {
  const cases: { name: string; paste: string; days: number; services: string[] }[] = [
    {
      name: '\\/Date(ms)\\/ and a numeric Services',
      paste: dump(entry(AUTH, 'CN=Microsoft Exchange Server Auth Certificate', '"\\/Date(1796620930000)\\/"', '16')),
      days: 8,
      services: ['SMTP'],
    },
    {
      name: 'ISO with an offset and Services by name',
      paste: dump(
        entry(AUTH, 'CN=Microsoft Exchange Server Auth Certificate', '"2026-12-07T05:22:10+00:00"', '"SMTP"'),
      ),
      days: 8,
      services: ['SMTP'],
    },
    {
      name: 'a DateTime with its ETS members',
      paste: dump(
        entry(
          CA,
          'CN=mail.contoso.com',
          '{ "value": "\\/Date(1818374399000)\\/", "DisplayHint": 2, "DateTime": "Sunday, August 15, 2027 11:59:59 PM" }',
          '27',
        ),
      ),
      days: 260,
      services: ['IMAP', 'POP', 'IIS', 'SMTP'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const evidence = recognizeJsonCertificates(c.paste);
      assert.equal(evidence.certificates?.length, 1);
      const d = diagnose(c.paste, { now });
      const cert = d.certificates[0];
      assert.equal(cert?.daysLeft, c.days);
      assert.deepEqual(cert?.services, c.services);
      assert.notEqual(cert?.localTime, true);
      assert.ok(!d.findings.some((f) => f.code === 'THUMBPRINT_ONLY'), JSON.stringify(d.findings));
    });
  }

  for (const [name, auth] of [
    ['Get-AuthConfig as JSON', authJson(AUTH)],
    ['Get-AuthConfig as a list', authFl(AUTH)],
  ] as const) {
    for (const lang of ['en', 'ja'] as const) {
      it(`the Auth certificate 8 days from its end with no next one gets the Auth plan (${name}, ${lang})`, () => {
        const paste =
          dump(
            entry(CA, 'CN=mail.contoso.com', '"\\/Date(1818374399000)\\/"', '24'),
            entry(AUTH, 'CN=Microsoft Exchange Server Auth Certificate', '"\\/Date(1796620930000)\\/"', '16'),
          ) + auth;
        const d = diagnose(paste, { now, lang });
        assert.ok(d.findings.some((f) => f.code === 'CERT_EXPIRING' && f.thumbprint === AUTH));
        assert.ok(!d.findings.some((f) => f.code === 'CERT_EXPIRING' && f.thumbprint === CA));
        const commands = d.steps.map((s) => s.command ?? '').join('\n');
        assert.match(commands, /Set-AuthConfig -NewCertificateThumbprint/);
        assert.doesNotMatch(commands, /\(Get-AuthConfig\)\.CurrentCertificateThumbprint\s*$/m);
        assert.doesNotMatch(commands, /Remove-ExchangeCertificate/);
      });
    }
  }

  it('a whole object dumped without Select: nested CertificateDomains, ServicesStringForm', () => {
    const paste = `Get-ExchangeCertificate | ConvertTo-Json -Depth 3
[
  {
    "CertificateDomains": [
      { "IsStar": false, "Address": "mail.contoso.com", "Domain": { "Domain": "mail.contoso.com" } },
      { "IsStar": false, "Address": "autodiscover.contoso.com", "Domain": { "Domain": "autodiscover.contoso.com" } }
    ],
    "ServicesStringForm": "...WS..",
    "Status": 1,
    "Thumbprint": "${CA}",
    "Subject": "CN=mail.contoso.com",
    "Issuer": "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
    "NotAfter": "/Date(1818374399000)/"
  }
]`;
    const cert = recognizeJsonCertificates(paste).certificates?.[0];
    assert.deepEqual(cert?.domains, ['mail.contoso.com', 'autodiscover.contoso.com']);
    assert.deepEqual(cert?.services, ['IIS', 'SMTP']);
    assert.equal(cert?.status, undefined);
  });

  it('ConvertTo-Json -Compress on one line', () => {
    const paste = `PS C:\\> Get-ExchangeCertificate | select Thumbprint,Subject,NotAfter,Services | ConvertTo-Json -Compress\n[{"Thumbprint":"${AUTH}","Subject":"CN=Microsoft Exchange Server Auth Certificate","NotAfter":"\\/Date(1796620930000)\\/","Services":16},{"Thumbprint":"${CA}","Subject":"CN=mail.contoso.com","NotAfter":"\\/Date(1818374399000)\\/","Services":24}]\n`;
    const d = diagnose(paste, { now });
    assert.deepEqual(
      d.certificates.map((c) => c.daysLeft),
      [8, 260],
    );
  });

  it('many brackets never closed are read in linear time', () => {
    const paste = `${'{ "Thumbprint": "x"\n'.repeat(20000)}`;
    const started = Date.now();
    recognizeJsonCertificates(paste);
    assert.ok(Date.now() - started < 2000);
  });

  it('prose and prompts around the JSON are left alone; a PowerShell hashtable is not JSON', () => {
    assert.deepEqual(recognizeJsonCertificates('@{ "Thumbprint" = "x" }\n'), {});
    assert.deepEqual(recognizeJsonCertificates('[ "Thumbprint": broken'), {});
  });
});
