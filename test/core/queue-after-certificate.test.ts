import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';

// A dropped connection in a queue beside a transport certificate problem of the same server follows
// from it: the answer never says "not a certificate problem" next to the certificate diagnosis, and
// the queue the paste names is retried after the fix, never probed with placeholders before it.

const NOW = new Date('2026-11-28T12:00:00Z');

const EVENT = (id: number, computer: string, message: string) => `TimeCreated      : 11/28/2026 6:02:55 AM
ProviderName     : MSExchangeTransport
Id               : ${id}
LevelDisplayName : Warning
MachineName      : ${computer}
Message          : ${message}
`;
const E12015 = (computer: string) =>
  EVENT(
    12015,
    computer,
    'An internal transport certificate expired. Thumbprint:234ABFA540B638592FC8EBDB7B8CB5D4679882C9',
  );
const QUEUE = (identity: string) => `Identity        : ${identity}
DeliveryType    : SmtpRelayToMailboxDeliveryGroup
NextHopDomain   : site:default-first-site-name; version:15
Status          : Retry
MessageCount    : 12
LastError       : 451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError."
`;

const commands = (d: Diagnosis) => d.steps.map((s) => s.command ?? '').join('\n');
const index = (d: Diagnosis, pattern: RegExp) => d.steps.findIndex((s) => pattern.test(s.command ?? ''));

const AFTER_FIX: { name: string; paste: string; retry: RegExp; peer?: string; ja?: boolean }[] = [
  {
    name: 'English prose "mail MX01->MX02 sits in the queue" beside 12015 on MX01',
    paste: `Exchange 2010 SP3, MX01 and MX02. Since Nov 19 MX01 logs 12015 and mail MX01->MX02 sits in the queue with "451 4.4.0 Primary target IP address responded with: '421 4.4.2 Connection dropped.'".\n\n${E12015('MX01.proseware.local')}`,
    retry: /^Retry-Queue -Server MX01 -Filter \{Status -eq 'Retry'\}$/m,
    peer: 'MX02',
  },
  {
    name: 'Get-Queue | fl naming EX01\\7 beside 12015 on EX01',
    paste: `Exchange 2016 CU23 (EX01, EX02).\n\n${E12015('EX01.contoso.local')}\n${QUEUE('EX01\\7')}`,
    retry: /^Retry-Queue -Identity EX01\\7$/m,
  },
  {
    name: 'English "from EX01 to EX02" beside 12015 on EX01',
    paste: `Exchange 2013 CU23. Mail from EX01 to EX02 is stuck: 421 4.4.2 Connection dropped due to SocketError.\n\n${E12015('EX01.contoso.local')}`,
    retry: /^Retry-Queue -Server EX01 /m,
    peer: 'EX02',
  },
  {
    name: 'Japanese 「MX01 から MX02 へのメール」 beside 12015',
    paste: `Exchange 2010 SP3 の MX01 と MX02 です。MX01 から MX02 へのメールが 451 4.4.0 Primary target IP address responded with: '421 4.4.2 Connection dropped.' で止まっています。\n\n${E12015('MX01.proseware.local')}`,
    retry: /^Retry-Queue -Server MX01 /m,
    peer: 'MX02',
    ja: true,
  },
];

describe('a dropped connection beside a certificate problem of the same server', () => {
  for (const c of AFTER_FIX) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: NOW });
      if (c.ja) assert.equal(d.language, 'ja');
      const finding = d.findings.find((f) => f.code === 'SMTP_CONNECTION_FAILED');
      assert.ok(finding, d.findings.map((f) => f.code).join(','));
      assert.doesNotMatch(finding.message, /not a certificate problem|証明書の問題ではなく/);
      const text = commands(d);
      assert.doesNotMatch(text, /<queue identity>|<peer server FQDN>|TcpClient/);
      const retry = index(d, c.retry);
      const renew = index(d, /^New-ExchangeCertificate /m);
      assert.ok(retry >= 0, text);
      assert.ok(renew >= 0 && renew < retry, 'the queue is retried after the certificate is renewed');
      if (c.peer) assert.ok(d.steps[retry]?.title.includes(c.peer), d.steps[retry]?.title);
    });
  }

  it('a queue error alone is still a connection problem, tested first', () => {
    const d = diagnose(`Exchange 2016 CU23.\n\n${QUEUE('EX01\\7')}`, { now: NOW });
    const finding = d.findings.find((f) => f.code === 'SMTP_CONNECTION_FAILED');
    assert.match(finding?.message ?? '', /not a certificate problem/);
    assert.match(commands(d), /TcpClient/);
  });

  it('a certificate event on another server leaves the queue of EX01 a connection problem', () => {
    const d = diagnose(`Exchange 2016 CU23.\n\n${E12015('EX02.contoso.local')}\n${QUEUE('EX01\\7')}`, { now: NOW });
    const finding = d.findings.find((f) => f.code === 'SMTP_CONNECTION_FAILED');
    assert.match(finding?.message ?? '', /not a certificate problem/);
  });
});
