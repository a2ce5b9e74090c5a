import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis, Step } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// A renewal already done is rolled out, not requested again: when the paste shows a newer valid
// certificate with the old one's subject and names, the plan enables it where it lacks the old one's
// services and copies it with its key to every server still without it. REFERENCE_NOW is 2026-11-28.

const OLD = 'FF76749ED89F60FD7CF8D40D1A3B7C9EE4E153A1';
const NEW = '1D8E899BED038ADF6E71E5A7E8F7B567C71B2660';
const SUBJECT = 'CN=*.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US';
const HEADER = `Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------`;
const section = (server: string, rows: string[]) => `== ${server}\n\n${HEADER}\n${rows.join('\n')}\n`;
const oldRow = `${OLD} IP.WS..  12/20/2026 11:59:59 PM ${SUBJECT}`;
const newRow = (services: string) => `${NEW} ${services}  12/15/2027 11:59:59 PM ${SUBJECT}`;

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const on = (d: Diagnosis, server: string) => d.steps.filter((s) => s.server === server);

interface Case {
  name: string;
  paste: string;
  /** Servers that must import and enable the renewed certificate, each in its own blocks. */
  importOn: string[];
  /** The server the renewed certificate is exported from (where its key is), if any server needs it. */
  exportFrom?: string;
  /** Services the renewed certificate is enabled for where it already is, and those servers. */
  enableMissing?: string;
  enableMissingOn?: (string | undefined)[];
}

const cases: Case[] = [
  {
    name: 'a DAG: renewed and enabled on EX16-A only',
    paste: [
      section('EX16-A', [newRow('IP.WS..'), oldRow]),
      section('EX16-B', [oldRow]),
      section('EX16-C', [oldRow]),
    ].join('\n'),
    importOn: ['EX16-B', 'EX16-C'],
    exportFrom: 'EX16-A',
  },
  {
    name: 'a DAG: renewed on EX16-A and EX16-B, enabled there for IIS only',
    paste: [
      section('EX16-A', [newRow('...W...'), oldRow]),
      section('EX16-B', [newRow('...W...'), oldRow]),
      section('EX16-C', [oldRow]),
    ].join('\n'),
    importOn: ['EX16-C'],
    exportFrom: 'EX16-A',
    enableMissing: 'IMAP,POP,SMTP',
    enableMissingOn: ['EX16-A', 'EX16-B'],
  },
  {
    name: "two servers' fl listings under '== NAME ==' headings, renewed on EX13-CAS2 only",
    paste: ['EX13-CAS1', 'EX13-CAS2']
      .map(
        (server) => `== ${server} ==

${server === 'EX13-CAS2' ? `Thumbprint : ${NEW}\nSubject    : ${SUBJECT}\nNotAfter   : 12/15/2027 11:59:59 PM\nServices   : IMAP, POP, IIS, SMTP\n\n` : ''}Thumbprint : ${OLD}
Subject    : ${SUBJECT}
NotAfter   : 12/20/2026 11:59:59 PM
Services   : IMAP, POP, IIS, SMTP
`,
      )
      .join('\n'),
    importOn: ['EX13-CAS1'],
    exportFrom: 'EX13-CAS2',
  },
  {
    name: 'ft Identity (SERVER\\thumbprint): imported on both servers, enabled on EX16-A only',
    paste: `Identity                                         Services             NotAfter               Subject
--------                                         --------             --------               -------
EX16-A\\${NEW} IMAP, POP, IIS, SMTP 12/15/2027 11:59:59 PM ${SUBJECT}
EX16-A\\${OLD} IMAP, POP, IIS, SMTP 12/20/2026 11:59:59 PM ${SUBJECT}
EX16-B\\${NEW} None                 12/15/2027 11:59:59 PM ${SUBJECT}
EX16-B\\${OLD} IMAP, POP, IIS, SMTP 12/20/2026 11:59:59 PM ${SUBJECT}
`,
    importOn: [],
    enableMissing: 'IMAP,POP,IIS,SMTP',
    enableMissingOn: ['EX16-B'],
  },
  {
    name: 'one server: the renewal enabled for IIS only, the old one had IIS and SMTP',
    paste: `${HEADER}\n${newRow('...W...')}\n${OLD} ...WS..  12/20/2026 11:59:59 PM ${SUBJECT}\n`,
    importOn: [],
    enableMissing: 'SMTP',
    enableMissingOn: [undefined],
  },
];

describe('a renewal the paste already shows is rolled out, not requested again', () => {
  for (const c of cases) {
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang });
      const text = commands(d);

      it(`${lang}: ${c.name}: no request, no new certificate, the old one is still said to expire`, () => {
        assert.doesNotMatch(text, /-GenerateRequest|New-ExchangeCertificate/);
        const expiring = d.findings.find((f) => f.code === 'CERT_EXPIRING' && f.thumbprint === OLD);
        // The finding says the renewal is already there, by its short thumbprint.
        assert.match(expiring?.message ?? '', /1D8E…2660/);
        assert.ok(!d.findings.some((f) => f.code === 'CERT_EXPIRING' && f.thumbprint === NEW));
        assert.doesNotMatch(text, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${NEW}`));
        assert.match(text, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${OLD}`));
      });

      it(`${lang}: ${c.name}: every server without it gets it with its key, in its own blocks`, () => {
        // With the release unknown, the export is given per release; one of them is the 2013-and-later form.
        const exported = d.steps.filter(
          (s) => /Export-ExchangeCertificate/.test(s.command ?? '') && !/Version (?:8|14)\.x/.test(s.title),
        );
        if (c.exportFrom) {
          assert.equal(exported.length, 1);
          assert.equal(exported[0]?.server, c.exportFrom);
          assert.match(exported[0]?.command ?? '', new RegExp(`-Thumbprint ${NEW} .*-Password`));
        } else assert.equal(exported.length, 0);
        // With the release unknown, each server's block opens with its release, and a step that differs
        // by release is given per release: the 2013-and-later form is the one followed here.
        const modern = (s: Step) => s.id !== 'show-exchange-version' && !/Version (?:8|14)\.x/.test(s.title);
        for (const server of c.importOn) {
          const steps = on(d, server).filter(modern);
          const ids = steps.map((s) => s.id);
          assert.deepEqual(ids.slice(0, 2), ['import-copy', 'enable-renewed'], `${server}: ${ids.join(',')}`);
          assert.match(steps[1]?.command ?? '', new RegExp(`-Thumbprint ${NEW} -Services IMAP,POP,IIS,SMTP`));
          assert.ok(ids.includes('remove-old-renewed'), `${server} removes the old one`);
        }
        // A server that already holds the renewal is never sent a copy of it.
        const copies = d.steps.filter((s) => s.id === 'import-copy' && modern(s)).map((s) => s.server);
        assert.deepEqual(copies, c.importOn);
      });

      it(`${lang}: ${c.name}: the renewal is enabled where it lacks the old one's services`, () => {
        const missing = d.steps.filter((s) => s.id === 'enable-renewed-missing');
        if (!c.enableMissing) return assert.equal(missing.length, 0);
        assert.deepEqual(
          missing.map((s) => s.server),
          c.enableMissingOn,
        );
        for (const step of missing) {
          assert.equal(step.command, `Enable-ExchangeCertificate -Thumbprint ${NEW} -Services ${c.enableMissing}`);
          assert.match(step.title, / N[ :]| N と/);
        }
      });

      it(`${lang}: ${c.name}: the checks probe a host name, and titles have no unfilled value`, () => {
        for (const step of d.steps) {
          assert.doesNotMatch(step.command ?? '', /certcheck probe \*/);
          assert.doesNotMatch(step.title, /\{\w+\}/);
        }
      });
    }
  }

  const notRenewals: { name: string; paste: string }[] = [
    {
      name: 'the newer certificate carries other names',
      paste: `${HEADER}\n${NEW} IP.WS..  12/15/2027 11:59:59 PM CN=mail.contoso.com, O=Contoso Ltd, C=US\n${oldRow}\n`,
    },
    {
      name: 'the newer certificate with the same subject is not Valid',
      paste: `Thumbprint : ${NEW}
Services   : IIS
Subject    : ${SUBJECT}
NotAfter   : 12/15/2027 11:59:59 PM
Status     : RevocationCheckFailure

Thumbprint : ${OLD}
Services   : IIS, SMTP
Subject    : ${SUBJECT}
NotAfter   : 12/20/2026 11:59:59 PM
Status     : Valid
`,
    },
  ];
  for (const c of notRenewals) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${lang}: not a renewal when ${c.name}: the old one is renewed by a request`, () => {
        const d = diagnose(c.paste, { now: REFERENCE_NOW, lang });
        assert.match(
          commands(d),
          new RegExp(`Get-ExchangeCertificate -Thumbprint ${OLD} \\| New-ExchangeCertificate -GenerateRequest`),
        );
        assert.ok(!d.steps.some((s) => s.id === 'show-renewed-cert'));
      });
    }
  }

  const fl = (issuerOfNew: string) => `Thumbprint : ${NEW}
Services   : IIS
Subject    : ${SUBJECT}
Issuer     : ${issuerOfNew}
NotAfter   : 12/15/2027 11:59:59 PM

Thumbprint : ${OLD}
Services   : IIS, SMTP
Subject    : ${SUBJECT}
Issuer     : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter   : 12/20/2026 11:59:59 PM
`;
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: with the issuer shown as a CA, the roll-out asks nothing about a self-signed copy`, () => {
      const d = diagnose(fl('CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US'), {
        now: REFERENCE_NOW,
        lang,
      });
      assert.ok(d.steps.some((s) => s.id === 'enable-renewed-missing'));
      assert.ok(
        !d.steps.some((s) => s.id === 'renewed-self-signed-copy' || /IsSelfSigned (?:が )?False/.test(s.title)),
      );
    });

    it(`${lang}: a self-signed copy with the same names is no renewal: the old one is requested from the CA`, () => {
      const d = diagnose(fl(SUBJECT), { now: REFERENCE_NOW, lang });
      assert.ok(!d.steps.some((s) => s.id?.includes('renewed')));
      assert.match(commands(d), new RegExp(`-Thumbprint ${OLD} \\| New-ExchangeCertificate -GenerateRequest`));
      assert.doesNotMatch(commands(d), new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW}`));
    });

    it(`${lang}: the issuer not shown: the roll-out stands under "issued by a CA", the copy gets enabled nowhere`, () => {
      const d = diagnose(cases.find((c) => c.name.startsWith('one server'))?.paste ?? '', { now: REFERENCE_NOW, lang });
      const show = d.steps.findIndex((s) => s.id === 'show-renewed-cert');
      assert.equal(show, 0);
      assert.match(d.steps[0]?.command ?? '', /Issuer,IsSelfSigned/);
      const enables = d.steps.filter((s) => /Enable-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(enables.length > 0);
      for (const step of enables) assert.match(step.title, /IsSelfSigned (?:が )?False/);
      const copy = d.steps.find((s) => s.id === 'renewed-self-signed-copy');
      assert.match(copy?.title ?? '', /IsSelfSigned (?:が )?True/);
      assert.equal(copy?.command, undefined);
    });
  }

  const internal = `[PS] C:\\>Get-TransportService EX16-A | fl Name,InternalTransportCertificateThumbprint

Name                                   : EX16-A
InternalTransportCertificateThumbprint : ${OLD}

${HEADER}
${newRow('IP.WS..')}
${oldRow}
`;
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: an old certificate that is the internal transport certificate hands that role to a new self-signed one before it goes`, () => {
      const d = diagnose(internal, { now: REFERENCE_NOW, lang });
      assert.doesNotMatch(commands(d), /-GenerateRequest/);
      const ids = d.steps.map((s) => s.id);
      const made = ids.indexOf('new-internal-self-signed');
      assert.ok(made !== -1, ids.join(','));
      assert.ok(ids.indexOf('confirm-internal') > made);
      assert.ok(ids.indexOf('remove-old-renewed') > made);
      assert.match(
        d.steps[made]?.command ?? '',
        /New-ExchangeCertificate -DomainName <[^<>]*EX16-A[^<>]*>,EX16-A -Services SMTP/,
      );
    });
  }
});
