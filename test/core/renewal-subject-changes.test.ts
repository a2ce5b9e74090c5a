import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal is the same holder's next certificate, not the same printed subject: after a company
// rename, or from another CA, the O=, L= and S= values change while the common name and the names
// stay; a renewal may add a name. One that lacks a name the old one has is not a drop-in renewal, and
// a certificate for another name is none. REFERENCE_NOW is 2026-11-28.

const OLD = '6D34E176E9B3760495258B65EE675C98A5510B41';
const NEW = '7B369AA4A300641A33A7943F56BF332E6BFB027E';

const fl = (
  rows: { thumbprint: string; subject: string; issuer: string; domains: string; notAfter: string; services: string }[],
) =>
  rows
    .map(
      (r) => `Thumbprint         : ${r.thumbprint}
Subject            : ${r.subject}
Issuer             : ${r.issuer}
CertificateDomains : {${r.domains}}
NotAfter           : ${r.notAfter}
Services           : ${r.services}
Status             : Valid
IsSelfSigned       : False
`,
    )
    .join('\n');

const DIGICERT = 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US';
const SECTIGO =
  'CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB';
const NAMES = 'mail.fourthcoffee.com, autodiscover.fourthcoffee.com';

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

interface Case {
  name: string;
  paste: string;
  /** The pasted renewal is rolled out (enabled, no new request), or a new request is made. */
  rolledOut: boolean;
}

const cases: Case[] = [
  {
    name: 'a company rename: O= changed, same CN and names',
    paste: `EX19A, Exchange 2019 CU15: the cert expired, we renewed it last week after the rename.\n\n${fl([
      {
        thumbprint: OLD,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Inc, L=Seattle, S=WA, C=US',
        issuer: DIGICERT,
        domains: NAMES,
        notAfter: '11/26/2026 3:59:59 PM',
        services: 'IIS, SMTP',
      },
      {
        thumbprint: NEW,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Holdings LLC, L=Seattle, S=WA, C=US',
        issuer: DIGICERT,
        domains: NAMES,
        notAfter: '11/20/2027 3:59:59 PM',
        services: 'None',
      },
    ])}`,
    rolledOut: true,
  },
  {
    name: 'another CA, which prints only the CN',
    paste: `Exchange 2016 CU23 on EX16-01\n\n${fl([
      {
        thumbprint: OLD,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Inc, L=Seattle, S=WA, C=US',
        issuer: DIGICERT,
        domains: NAMES,
        notAfter: '11/29/2026 3:59:59 PM',
        services: 'IIS, SMTP',
      },
      {
        thumbprint: NEW,
        subject: 'CN=mail.fourthcoffee.com',
        issuer: SECTIGO,
        domains: NAMES,
        notAfter: '11/20/2027 3:59:59 PM',
        services: 'None',
      },
    ])}`,
    rolledOut: true,
  },
  {
    name: 'the renewal adds a name (Japanese prose)',
    paste: `EX19A (Exchange 2019) の証明書を更新しました。新しい証明書には SAN を 1 つ追加しています。\n\n${fl([
      {
        thumbprint: OLD,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Inc, C=US',
        issuer: DIGICERT,
        domains: NAMES,
        notAfter: '2026/11/26 15:59:59',
        services: 'IIS, SMTP',
      },
      {
        thumbprint: NEW,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee KK, C=JP',
        issuer: DIGICERT,
        domains: `${NAMES}, owa.fourthcoffee.com`,
        notAfter: '2027/11/20 15:59:59',
        services: 'None',
      },
    ])}`,
    rolledOut: true,
  },
  {
    name: 'the renewal lacks the autodiscover name: not a drop-in renewal',
    paste: `EX19A, Exchange 2019 CU15.\n\n${fl([
      {
        thumbprint: OLD,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Inc, C=US',
        issuer: DIGICERT,
        domains: NAMES,
        notAfter: '11/26/2026 3:59:59 PM',
        services: 'IIS, SMTP',
      },
      {
        thumbprint: NEW,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Holdings, C=US',
        issuer: DIGICERT,
        domains: 'mail.fourthcoffee.com',
        notAfter: '11/20/2027 3:59:59 PM',
        services: 'None',
      },
    ])}`,
    rolledOut: false,
  },
  {
    name: 'a certificate for another name is no renewal',
    paste: `EX19A, Exchange 2019 CU15.\n\n${fl([
      {
        thumbprint: OLD,
        subject: 'CN=mail.fourthcoffee.com, O=Fourth Coffee Inc, C=US',
        issuer: DIGICERT,
        domains: NAMES,
        notAfter: '11/26/2026 3:59:59 PM',
        services: 'IIS, SMTP',
      },
      {
        thumbprint: NEW,
        subject: 'CN=smtp.fourthcoffee.com, O=Fourth Coffee Inc, C=US',
        issuer: DIGICERT,
        domains: 'smtp.fourthcoffee.com',
        notAfter: '11/20/2027 3:59:59 PM',
        services: 'SMTP',
      },
    ])}`,
    rolledOut: false,
  },
  {
    name: 'a table row (no CertificateDomains column) with the same CN and another O=',
    paste: `Exchange 2019 CU14, EXSV01\n\nThumbprint                               Services  NotAfter            Subject
----------                               --------  --------            -------
${NEW} ...WS..   2027/12/26 8:59:59  CN=mail.fourthcoffee.com, O=Fourth Coffee Holdings, C=US
${OLD} ...WS..   2026/11/27 8:59:59  CN=mail.fourthcoffee.com, O=Fourth Coffee Inc, C=US
`,
    rolledOut: true,
  },
];

describe('a renewal is known by its holder and names, not by its printed subject', () => {
  for (const c of cases) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${c.name} (${lang})`, () => {
        const d = diagnose(c.paste, { now: REFERENCE_NOW, lang });
        const text = commands(d);
        if (c.rolledOut) {
          assert.match(text, new RegExp(`Get-ExchangeCertificate -Thumbprint ${NEW}`), 'the renewal is shown first');
          assert.doesNotMatch(text, /-GenerateRequest/, 'no new request for a renewal already here');
          assert.ok(!text.includes(`Remove-ExchangeCertificate -Thumbprint ${NEW}`), 'the renewal is never removed');
        } else {
          assert.match(text, /-GenerateRequest/, 'the old certificate still needs its renewal requested');
          assert.ok(!new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services IIS`).test(text));
        }
      });
    }
  }
});
