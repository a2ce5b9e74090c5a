import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The final `certcheck probe` tests the endpoint the fix changes: the port of the connector the event
// names (587 for Client Frontend), a host name that can be reached (never a wildcard), and 443 as
// well when the renewed certificate serves IIS. REFERENCE_NOW is 2026-11-28.

const probes = (d: Diagnosis) =>
  d.steps.flatMap((s) => (s.command ?? '').split('\n')).filter((line) => line.startsWith('certcheck probe'));

const WILDCARD_ROW =
  'FF76749ED89F60FD7CF8D40D1A3B7C9EE4E153A1 IP.WS..  12/20/2026 11:59:59 PM CN=*.contoso.com, O=Contoso Ltd, C=US';
const table = (row: string) =>
  `Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------
${row}
`;

const event = (id: number, source: string, computer: string, description: string) => `Log Name:      Application
Source:        ${source}
Event ID:      ${id}
Level:         Error
Computer:      ${computer}
Description:
${description}
`;

const cases: { name: string; paste: string; want: Record<'en' | 'ja', string[]>; never: RegExp[] }[] = [
  {
    name: '12014 for the Client Frontend connector: STARTTLS is checked on 587',
    paste: event(
      12014,
      'MSExchangeFrontEndTransport',
      'EX13-MB1.relecloud.local',
      'Microsoft Exchange could not find a certificate that contains the domain name smtp.relecloud.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Client Frontend EX13-MB1 with a FQDN parameter of smtp.relecloud.com.',
    ),
    want: { en: ['certcheck probe smtp.relecloud.com:587'], ja: ['certcheck probe smtp.relecloud.com:587'] },
    never: [/:25$/],
  },
  {
    name: '12014 for Default Frontend: STARTTLS is checked on 25',
    paste: event(
      12014,
      'MSExchangeFrontEndTransport',
      'EX13-MB1.relecloud.local',
      'Microsoft Exchange could not find a certificate that contains the domain name smtp.relecloud.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX13-MB1 with a FQDN parameter of smtp.relecloud.com.',
    ),
    want: { en: ['certcheck probe smtp.relecloud.com:25'], ja: ['certcheck probe smtp.relecloud.com:25'] },
    never: [/:587$/],
  },
  {
    name: 'a wildcard certificate and no host name under it: a visible placeholder, never the wildcard',
    paste: table(WILDCARD_ROW),
    want: {
      en: ['certcheck probe <host name under contoso.com>:443', 'certcheck probe <host name under contoso.com>:25'],
      ja: ['certcheck probe <contoso.com のホスト名>:443', 'certcheck probe <contoso.com のホスト名>:25'],
    },
    never: [/\*\./],
  },
  {
    name: 'a wildcard certificate named by a 12018 of EX01.contoso.com: the server name it covers',
    paste: `${event(
      12018,
      'MSExchangeFrontEndTransport',
      'EX01.contoso.com',
      'The STARTTLS certificate will expire soon: subject: *.contoso.com, thumbprint: FF76749ED89F60FD7CF8D40D1A3B7C9EE4E153A1, hours remaining: 500. Run the New-ExchangeCertificate cmdlet to create a new certificate.',
    )}\n${table(WILDCARD_ROW)}`,
    want: {
      en: ['certcheck probe EX01.contoso.com:25', 'certcheck probe EX01.contoso.com:443'],
      ja: ['certcheck probe EX01.contoso.com:25', 'certcheck probe EX01.contoso.com:443'],
    },
    never: [/\*\./],
  },
  {
    name: '12016 for a CA certificate that also serves IIS (OWA): 25 and 443 are both checked',
    paste: `${event(
      12016,
      'MSExchangeTransport',
      'EXCH07.northwind.local',
      'The STARTTLS certificate has expired: subject: mail.northwindtraders.com, thumbprint: C52B97C32E90543718677FC654C6FF14C8796B2C. Run the New-ExchangeCertificate cmdlet to create a new certificate.',
    )}
Thumbprint : C52B97C32E90543718677FC654C6FF14C8796B2C
Services   : IMAP, POP, IIS, SMTP
Subject    : CN=mail.northwindtraders.com, OU=Domain Control Validated
Issuer     : CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US
NotAfter   : 11/19/2026 11:40:00 AM
Status     : DateInvalid
`,
    want: {
      en: ['certcheck probe mail.northwindtraders.com:25', 'certcheck probe mail.northwindtraders.com:443'],
      ja: ['certcheck probe mail.northwindtraders.com:25', 'certcheck probe mail.northwindtraders.com:443'],
    },
    never: [],
  },
];

describe('the last check probes the endpoint the fix changes', () => {
  for (const c of cases) {
    for (const lang of ['en', 'ja'] as const) {
      it(`${lang}: ${c.name}`, () => {
        const d = diagnose(c.paste, { now: REFERENCE_NOW, lang });
        const got = probes(d);
        for (const want of c.want[lang]) assert.ok(got.includes(want), `${want} not in ${got.join(' | ')}`);
        for (const line of got) for (const bad of c.never) assert.doesNotMatch(line, bad);
        // The probes are the checks: they come after every step that moves a service.
        const first = d.steps.findIndex((s) => /^certcheck probe/.test(s.command ?? ''));
        assert.ok(first > 0, 'a probe step');
        // Only other checks, and the removal of the old certificate once they pass, may follow.
        const after = d.steps
          .slice(first)
          // A server's own check before its removal (check-443-here, check-events-here) is a check too.
          .filter((s) => !s.id?.startsWith('verify') && !s.id?.startsWith('check-') && !s.id?.startsWith('remove-old'));
        assert.deepEqual(
          after.map((s) => s.id),
          [],
        );
      });
    }
  }
});

const LISTING = `Thumbprint         : A297F6BEF86BFE827137410B44E709CD320A2178
Services           : IIS, SMTP
Subject            : CN=mail.relecloud.com, O=Relecloud, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.relecloud.com, autodiscover.relecloud.com}
NotAfter           : 9/14/2027 11:59:59 PM
`;
const event12014 = (connector: string) =>
  event(
    12014,
    'MSExchangeFrontEndTransport',
    'EX13-MB1.relecloud.local',
    `Microsoft Exchange could not find a certificate that contains the domain name smtp.relecloud.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector ${connector} with a FQDN parameter of smtp.relecloud.com.`,
  );

describe('a receive connector announcing a name no certificate carries may announce one a certificate carries', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: Client Frontend and a CA certificate for mail.relecloud.com enabled for SMTP: the Fqdn option, next to a new certificate`, () => {
      const d = diagnose(`${event12014('Client Frontend EX13-MB1')}\n${LISTING}`, { now: REFERENCE_NOW, lang });
      const option = d.steps.find((s) => s.id === 'set-connector-fqdn-covered');
      assert.equal(
        option?.command,
        "Set-ReceiveConnector 'EX13-MB1\\Client Frontend EX13-MB1' -Fqdn mail.relecloud.com",
      );
      assert.equal(option?.server, 'EX13-MB1');
      assert.match(option?.title ?? '', /mail\.relecloud\.com:587/);
      assert.ok(
        d.steps.some((s) => /-GenerateRequest/.test(s.command ?? '')),
        'a certificate for the name stays the other option',
      );
      assert.ok(probes(d).includes('certcheck probe smtp.relecloud.com:587'));
    });

    it(`${lang}: no certificate of the domain enabled for SMTP: no Fqdn option`, () => {
      const iisOnly = LISTING.replace('IIS, SMTP', 'IIS');
      const d = diagnose(`${event12014('Client Frontend EX13-MB1')}\n${iisOnly}`, { now: REFERENCE_NOW, lang });
      assert.ok(!d.steps.some((s) => s.id === 'set-connector-fqdn-covered'));
    });

    it(`${lang}: a send connector: no Set-ReceiveConnector option`, () => {
      const d = diagnose(`${event12014('Outbound to Partner')}\n${LISTING}`, { now: REFERENCE_NOW, lang });
      assert.ok(!d.steps.some((s) => /Set-ReceiveConnector .* -Fqdn/.test(s.command ?? '')));
    });
  }
});

describe('port 587 presenting a self-signed certificate is fixed on the Client Frontend connector', () => {
  const paste = readFileSync(
    new URL('../fixtures/corpus-extra/v09-e2016cu23-openssl-587-selfsigned-client-frontend.txt', import.meta.url),
    'utf8',
  );
  for (const lang of ['en', 'ja'] as const) {
    it(`${lang}: the Client Frontend connector is changed and 587 probed, Default Frontend and 25 left alone`, () => {
      const d = diagnose(paste, { now: REFERENCE_NOW, lang });
      const pin = d.steps.find((s) => s.id === 'set-frontend-pin-ca');
      assert.match(pin?.command ?? '', /Set-ReceiveConnector 'EX16-01\\Client Frontend EX16-01' -TlsCertificateName/);
      assert.match(pin?.title ?? '', /587/);
      assert.ok(!d.steps.some((s) => /Default Frontend/.test(`${s.title} ${s.command ?? ''}`)));
      assert.deepEqual(probes(d), ['certcheck probe mail.fabrikam.com:587']);
    });
  }
});
