import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// Several servers in one paste, an event named only by its ID: the event is about the certificate
// whose own NotAfter says it expired, on the server whose listing holds it. The valid certificates
// and the other servers are left alone. REFERENCE_NOW is 2026-11-28.

const record = (thumbprint: string, subject: string, services: string, notAfter: string, server: string) => `
Thumbprint     : ${thumbprint}
Subject        : ${subject}
Services       : ${services}
NotAfter       : ${notAfter}
Status         : ${Date.parse(notAfter) < REFERENCE_NOW.getTime() ? 'DateInvalid' : 'Valid'}
PSComputerName : ${server}
`;

const WILDCARD = '8D359E3DE6B1CFBD947D49A9F6986692DA249067';
const AUTH = '93F52EBDF293D58411B4522B1F81DE7C301BACE9';

/** Two servers sharing a valid wildcard; `expiredOn`'s Setup certificate has expired, the other's is valid. */
function paste(question: string, expiredOn: 'A' | 'B') {
  const [a, b] = ['MBX-A', 'MBX-B'];
  const setup = (server: string, expired: boolean, thumbprint: string) =>
    record(
      thumbprint,
      `CN=${server}`,
      'IMAP, POP, IIS, SMTP',
      expired ? '11/22/2026 3:17:45 PM' : '9/14/2029 8:02:37 AM',
      server,
    );
  return `${question}

PS C:\\> Invoke-Command -ComputerName ${a},${b} -ScriptBlock { Get-ExchangeCertificate } | fl Thumbprint,Subject,Services,NotAfter,Status,PSComputerName

${record(WILDCARD, 'CN=*.alpineskihouse.com', 'IMAP, POP, IIS, SMTP', '5/21/2027 11:59:59 PM', a)}
${setup(a, expiredOn === 'A', 'A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1')}
${record(AUTH, 'CN=Microsoft Exchange Server Auth Certificate', 'SMTP', '8/30/2028 9:40:12 AM', a)}
${record(WILDCARD, 'CN=*.alpineskihouse.com', 'IMAP, POP, IIS, SMTP', '5/21/2027 11:59:59 PM', b)}
${setup(b, expiredOn === 'B', 'B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2')}
${record(AUTH, 'CN=Microsoft Exchange Server Auth Certificate', 'SMTP', '8/30/2028 9:40:12 AM', b)}
`;
}

interface Case {
  name: string;
  lang: 'en' | 'ja';
  question: string;
  expiredOn: 'A' | 'B';
}

const CASES: Case[] = [
  { name: 'the second server', lang: 'en', question: '12015 on MBX-B only (Exchange 2019 CU15).', expiredOn: 'B' },
  {
    name: 'the first server',
    lang: 'en',
    question: 'Event 12015 keeps coming on MBX-A (Exchange 2019).',
    expiredOn: 'A',
  },
  {
    name: 'the second server',
    lang: 'ja',
    question: 'MBX-B だけで 12015 が出ています (Exchange 2019 CU15)。',
    expiredOn: 'B',
  },
  { name: 'the first server', lang: 'ja', question: 'MBX-A で 12015 が出続けています。', expiredOn: 'A' },
];

const commandsOn = (d: Diagnosis, server: string) =>
  d.steps.filter((s) => s.server === server).map((s) => s.command ?? '');

describe('an event named by its ID goes to the expired certificate and the server that holds it', () => {
  for (const c of CASES) {
    it(`${c.name} (${c.lang})`, () => {
      const d = diagnose(paste(c.question, c.expiredOn), { now: REFERENCE_NOW });
      assert.equal(d.language, c.lang);
      const [target, other] = c.expiredOn === 'A' ? ['MBX-A', 'MBX-B'] : ['MBX-B', 'MBX-A'];
      const expired =
        c.expiredOn === 'A' ? 'A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1A1' : 'B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2';
      const event = d.events.find((e) => e.id === 12015);
      assert.equal(event?.thumbprint, expired, 'the event is about the one expired certificate');
      // No finding calls a certificate expired that its own NotAfter shows valid.
      for (const f of d.findings.filter((x) => /EXPIRED/.test(x.code)))
        assert.equal(f.thumbprint, expired, `${f.code} names ${f.thumbprint}`);
      const all = d.steps.map((s) => s.command ?? '').join('\n');
      assert.doesNotMatch(
        all,
        new RegExp(`${WILDCARD}[^\\n]*New-ExchangeCertificate`),
        'the valid wildcard is not renewed',
      );
      assert.doesNotMatch(all, new RegExp(`Remove-ExchangeCertificate -Thumbprint (${WILDCARD}|${AUTH})`));
      assert.doesNotMatch(all, /-Services [A-Z,]*IIS/, 'IIS stays on the wildcard');
      // The new certificate is made on the server that holds the expired one, and nothing runs on the other.
      assert.ok(
        commandsOn(d, target).some((x) => /New-ExchangeCertificate -DomainName [^\n]*\b/.test(x)),
        target,
      );
      assert.deepEqual(commandsOn(d, other), [], `nothing on ${other}`);
      assert.match(all, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${expired}`));
      // One new certificate, so one answer to the overwrite prompt.
      const prompts = d.steps.filter((s) => /answer [YN]\b|[YN] と答え/.test(s.title));
      assert.equal(prompts.length, 1, prompts.map((s) => s.title).join('\n'));
    });
  }
});

describe('an event named by its ID is not given a certificate it cannot be about', () => {
  for (const [lang, question] of [
    ['en', '12015 on MBX-B since Monday.'],
    ['ja', 'MBX-B で月曜から 12015 が出ています。'],
  ] as const) {
    it(`12015 and the only expired certificate is a CA one for a client name (${lang})`, () => {
      const expiredPublic = 'C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1C1';
      const text = `${question}

PS C:\\> Invoke-Command -ComputerName MBX-B -ScriptBlock { Get-ExchangeCertificate } | fl Thumbprint,Subject,Services,NotAfter,Status,PSComputerName
${record(expiredPublic, 'CN=mail.alpineskihouse.com', 'IIS, SMTP', '11/20/2026 11:59:59 PM', 'MBX-B')}
${record('B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2', 'CN=MBX-B', 'IMAP, POP, IIS, SMTP', '9/14/2029 8:02:37 AM', 'MBX-B')}
`;
      const d = diagnose(text, { now: REFERENCE_NOW });
      assert.equal(d.language, lang);
      assert.notEqual(d.events.find((e) => e.id === 12015)?.thumbprint, expiredPublic);
      // The event's finding does not name it (its own expiry, an SMTP one, may still say transport).
      assert.ok(!d.findings.some((f) => f.eventId === 12015 && f.thumbprint === expiredPublic));
      // Its own expiry is still reported and renewed by request, never by a self-signed copy.
      assert.ok(d.findings.some((f) => f.code === 'CERT_EXPIRED' && f.thumbprint === expiredPublic));
      assert.doesNotMatch(
        d.steps.map((s) => s.command ?? '').join('\n'),
        new RegExp(`${expiredPublic} \\| New-ExchangeCertificate(?! -GenerateRequest)`),
      );
    });
  }
});
