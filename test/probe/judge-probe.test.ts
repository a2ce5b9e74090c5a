import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { greetingFqdn } from '../../src/core/probe/endpoint-findings.js';
import { judgeProbe } from '../../src/core/probe/judge-probe.js';
import type { ProbeObservation } from '../../src/core/probe/observation.js';
import { parseTarget } from '../../src/core/probe/target.js';
import { NOW } from './fixtures.js';

function observation(target: string, rest: Partial<ProbeObservation>): ProbeObservation {
  const parsed = parseTarget(target);
  assert.ok(parsed.ok);
  return {
    target: parsed.targets[0]!,
    banner: null,
    tlsVersion: null,
    chain: [],
    timeoutMs: 10_000,
    maxBytes: 65_536,
    ...rest,
  };
}

describe('judging a probe', () => {
  it('port 25 unreachable before the server spoke: says that many networks block outbound 25', () => {
    const { report, diagnosis } = judgeProbe(
      observation('mail.contoso.com:25', { failure: { kind: 'timeout', stage: 'connect' } }),
      { now: NOW, language: 'en' },
    );
    assert.equal(report.findings[0]?.code, 'ENDPOINT_UNREACHABLE');
    assert.equal(report.findings[0]?.severity, 'warning');
    assert.match(
      report.findings[0]?.message ?? '',
      /timed out while connecting\)\. Many networks .* block outbound port 25/,
    );
    assert.equal(diagnosis.summary, 'smtp://mail.contoso.com:25 could not be probed');
    assert.equal(diagnosis.severity, 'warning');
  });

  it('no port-25 aside once the server has answered, nor on other ports', () => {
    const answered = judgeProbe(
      observation('mail.contoso.com:25', { failure: { kind: 'tls', stage: 'handshake', detail: 'ERR_SSL_X' } }),
      { now: NOW, language: 'en' },
    );
    assert.doesNotMatch(answered.report.findings[0]?.message ?? '', /port 25/);
    assert.match(
      answered.report.findings[0]?.message ?? '',
      /TLS handshake with smtp:\/\/mail\.contoso\.com:25 failed \(ERR_SSL_X\)/,
    );
    assert.equal(answered.report.findings[0]?.severity, 'critical');
    const other = judgeProbe(observation('mail.contoso.com:587', { failure: { kind: 'refused', stage: 'connect' } }), {
      now: NOW,
      language: 'en',
    });
    assert.doesNotMatch(other.report.findings[0]?.message ?? '', /port 25/);
  });

  it('speaks Japanese on the same keys', () => {
    const { report, diagnosis } = judgeProbe(
      observation('mail.contoso.com:25', {
        banner: '220 ex01.contoso.local Microsoft ESMTP MAIL Service ready',
        startTls: { offered: false },
      }),
      { now: NOW, language: 'ja' },
    );
    assert.equal(report.startTls, false);
    assert.match(report.findings[0]?.message ?? '', /STARTTLS を提供していません.*イベント 12014/);
    assert.equal(diagnosis.summary, 'smtp://mail.contoso.com:25 は STARTTLS を提供していません');
    assert.equal(diagnosis.language, 'ja');
  });

  it('a DNS failure names the host', () => {
    const { report } = judgeProbe(
      observation('mail.contoso.invalid:25', { failure: { kind: 'dns', stage: 'connect', detail: 'ENOTFOUND' } }),
      { now: NOW, language: 'en' },
    );
    assert.equal(report.findings[0]?.message, 'mail.contoso.invalid could not be resolved (ENOTFOUND).');
  });

  it('reads the FQDN of an SMTP greeting, and only a name', () => {
    assert.equal(greetingFqdn('220 EX01.Contoso.local Microsoft ESMTP MAIL Service ready'), 'ex01.contoso.local');
    assert.equal(greetingFqdn('220-mail.contoso.com ESMTP\n220 more'), 'mail.contoso.com');
    assert.equal(greetingFqdn('220 EX01 Microsoft ESMTP'), undefined);
    assert.equal(greetingFqdn('220 192.0.2.1 ESMTP'), undefined);
    assert.equal(greetingFqdn('220 [192.0.2.1] ESMTP'), undefined);
    assert.equal(greetingFqdn(null), undefined);
  });
});
