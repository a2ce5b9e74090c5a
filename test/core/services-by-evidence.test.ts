import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The services a renewal is enabled for weigh their sources: the port the certificate was read from,
// and the admin calling it "our OWA cert", are facts; a hedged sentence ("SMTP I think", 「たぶん」)
// may add a service but never takes away one the facts show. A renewal that leaves IIS on the old
// certificate breaks OWA on the day it expires.

const fixture = readFileSync(
  new URL(
    '../fixtures/corpus-extra/n06-e2010sp3-openssl-x509-text-sha1-1024-internal-ca-expiring.txt',
    import.meta.url,
  ),
  'utf8',
);
const text = fixture.slice(fixture.indexOf('Certificate:'), fixture.indexOf('sha1 Fingerprint='));
const fingerprint = 'sha1 Fingerprint=29:67:38:7A:4B:BD:B3:57:F3:4D:8C:34:13:BB:16:95:D4:7A:DF:D9';
const read = (command: string) =>
  `$ ${command} | openssl x509 -noout -text -fingerprint -sha1\n${text}${fingerprint}\n`;
const FROM_443 = read(
  'openssl s_client -connect cas01.fabrikam.local:443 -servername owa.fabrikam.local </dev/null 2>/dev/null',
);
const FROM_25 = read('openssl s_client -connect cas01.fabrikam.local:25 -starttls smtp </dev/null 2>/dev/null');
const FROM_995 = read('openssl s_client -connect cas01.fabrikam.local:995 </dev/null 2>/dev/null');
const FROM_FILE = `$ openssl x509 -in owa.cer -noout -text -fingerprint -sha1\n${text}${fingerprint}\n`;

const enabled = (d: Diagnosis) =>
  d.steps
    .map((s) => s.command ?? '')
    .filter((c) => /^Enable-ExchangeCertificate .*-Services/m.test(c))
    .map((c) => /-Services (\S+)/.exec(c)?.[1] ?? '');
const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');

const cases: { name: string; paste: string; services: string; restartsIisOn?: string[]; lang?: 'ja' }[] = [
  {
    name: 'read from :443, "also enabled for SMTP I think": IIS stays, SMTP is added',
    paste: `Exchange 2010 SP3, CAS01 and CAS02 in a CAS array. Same cert is on CAS02.\n\n${FROM_443}\nIt's also enabled for SMTP I think. What's the renewal procedure?`,
    services: 'IIS,SMTP',
    restartsIisOn: ['CAS01', 'CAS02'],
  },
  {
    name: 'read from :443 and "maybe only SMTP?": a hedge never takes IIS away',
    paste: `Exchange 2010 SP3 (CAS01).\n\n${FROM_443}\nmaybe it's only used for SMTP?`,
    services: 'IIS,SMTP',
    restartsIisOn: ['CAS01'],
  },
  {
    name: '"our OWA cert" read from a file, "SMTP as well probably": IIS from the description',
    paste: `Our OWA cert on CAS01 (Exchange 2010 SP3) runs out soon.\n\n${FROM_FILE}\nIt's probably enabled for SMTP as well.`,
    services: 'IIS,SMTP',
    restartsIisOn: ['CAS01'],
  },
  {
    name: 'read with -starttls smtp on :25: SMTP, a hedged IIS is added',
    paste: `Exchange 2010 SP3 (CAS01).\n\n${FROM_25}\nI believe it's used for IIS too.`,
    services: 'IIS,SMTP',
  },
  {
    // A port alone shows one service the certificate serves, not all of them: the renewal takes the
    // old certificate's own list, read on the server.
    name: 'read from :995 alone: the services are read off the old certificate',
    paste: `Exchange 2010 SP3 (CAS01).\n\n${FROM_995}\nWhat do I do?`,
    services: '$services',
  },
  {
    name: 'Japanese: read from :443, 「SMTP にも割り当てていると思います」',
    paste: `Exchange 2010 SP3 の CAS01 です。\n\n${FROM_443}\nたぶん SMTP にも割り当てていると思います。更新手順を教えてください。`,
    services: 'IIS,SMTP',
    restartsIisOn: ['CAS01'],
    lang: 'ja',
  },
  {
    name: 'Japanese: 「OWA の証明書」 from a file, 「SMTP かもしれません」',
    paste: `社内 CA で発行した OWA の証明書がもうすぐ切れます (Exchange 2010 SP3 の CAS01)。\n\n${FROM_FILE}\nSMTP にも使っているかもしれません。`,
    services: 'IIS,SMTP',
    restartsIisOn: ['CAS01'],
    lang: 'ja',
  },
];

describe('services of a renewal: facts outrank a hedge', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW });
      if (c.lang) assert.equal(d.language, c.lang);
      const services = enabled(d);
      assert.ok(services.length > 0, commands(d));
      for (const s of services) assert.equal(s, c.services, commands(d));
      for (const server of c.restartsIisOn ?? []) {
        assert.ok(
          d.steps.some((s) => s.id === 'restart-iis' && s.server === server),
          `iisreset on ${server}\n${d.steps.map((s) => `${s.id} ${s.server ?? ''}`).join('\n')}`,
        );
      }
      if (c.services.includes('IIS')) assert.match(commands(d), /certcheck probe \S+:443/);
    });
  }
});
