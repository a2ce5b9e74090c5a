import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NO_PROBES, type ProbeAllowList, parseProbeAllow } from '../../src/core/probe/allow-list.js';
import { ProbeRateLimiter } from '../../src/core/probe/rate-limit.js';
import { guardedProbe } from '../../src/probe/guarded-probe.js';
import { chainPem, goodLeaf, NOW, thumbprintOf, validIntermediate } from './fixtures.js';
import { startSmtp, type TestServer } from './helpers/servers.js';

function allowList(text: string): ProbeAllowList {
  const parsed = parseProbeAllow(text);
  assert.ok(parsed.ok);
  return parsed.allow;
}

const request = { user: 'U1', now: NOW, language: 'en' as const };

describe('a probe asked for from outside (PROBE_ALLOW, one resolution, rate)', () => {
  let smtp: TestServer;
  before(async () => {
    smtp = await startSmtp({
      name: 'mail.contoso.com',
      key: goodLeaf.keyPem,
      cert: chainPem(goodLeaf, validIntermediate),
    });
  });
  after(() => smtp.close());

  it('without PROBE_ALLOW: refused, nothing resolved, no connection made', async () => {
    const asked: string[] = [];
    const outcome = await guardedProbe(`smtp://127.0.0.1:${smtp.port} smtp://probe.contoso.com:${smtp.port}`, request, {
      allow: NO_PROBES,
      limiter: new ProbeRateLimiter(),
      resolve: async (host) => {
        asked.push(host);
        return ['127.0.0.1'];
      },
    });
    assert.equal(outcome.kind, 'done');
    assert.ok(outcome.kind === 'done');
    assert.deepEqual(
      outcome.results.map((r) => ('refusal' in r ? r.refusal.reason : 'probed')),
      ['disabled', 'disabled'],
    );
    assert.deepEqual(asked, []);
    assert.equal(smtp.connections, 0);
  });

  it('a name that resolves outside the list is refused before any connection', async () => {
    const outcome = await guardedProbe(`smtp://probe.contoso.com:${smtp.port}`, request, {
      allow: allowList('10.0.0.0/8'),
      limiter: new ProbeRateLimiter(),
      resolve: async () => ['10.0.0.25', '127.0.0.1'],
    });
    assert.ok(outcome.kind === 'done');
    assert.deepEqual('refusal' in outcome.results[0]! && outcome.results[0].refusal, {
      reason: 'resolves-outside',
      address: '127.0.0.1',
    });
    assert.equal(smtp.connections, 0);
  });

  it('an allowed name is resolved once and the checked address is the one connected to', async () => {
    let lookups = 0;
    const outcome = await guardedProbe(`smtp://probe.contoso.com:${smtp.port}`, request, {
      allow: allowList('127.0.0.1'),
      limiter: new ProbeRateLimiter(),
      resolve: async () => {
        lookups++;
        return ['127.0.0.1'];
      },
    });
    assert.ok(outcome.kind === 'done');
    const result = outcome.results[0]!;
    assert.ok('verdict' in result, JSON.stringify(result));
    assert.equal(result.verdict.report.address, '127.0.0.1');
    assert.equal(result.verdict.report.host, 'probe.contoso.com');
    assert.equal(result.verdict.report.chain[0]?.thumbprint, thumbprintOf(goodLeaf));
    assert.equal(lookups, 1);
    assert.equal(smtp.connections, 1);
  });

  it('the real resolver: localhost is listed by name, yet refused for leading to this machine', async () => {
    const before = smtp.connections;
    const outcome = await guardedProbe(`smtp://localhost:${smtp.port}`, request, {
      allow: allowList('localhost'),
      limiter: new ProbeRateLimiter(),
    });
    assert.ok(outcome.kind === 'done');
    const result = outcome.results[0]!;
    assert.ok('refusal' in result && result.refusal.reason === 'resolves-outside', JSON.stringify(result));
    assert.equal(smtp.connections, before);
  });

  it('ten targets per user per minute; usage problems and too many targets are said, not probed', async () => {
    const limiter = new ProbeRateLimiter();
    const deps = { allow: allowList('192.0.2.0/24'), limiter, resolve: async () => [] };
    // Every request below is refused before any lookup or connection.
    assert.deepEqual(await guardedProbe('', request, deps), { kind: 'usage' });
    assert.deepEqual(await guardedProbe('ftp://x.contoso.com', request, deps), {
      kind: 'usage',
      problem: "'ftp://' is not a probe scheme (smtp, imap, pop3, smtps, imaps, pop3s, https, ldaps, tls)",
    });
    assert.deepEqual(await guardedProbe('a.contoso.com b.contoso.com c.contoso.com', request, deps), {
      kind: 'too-many',
      max: 5,
    });
    limiter.take('U1', 9, NOW.getTime());
    assert.deepEqual(await guardedProbe('a.contoso.com', request, deps), {
      kind: 'rate-limited',
      limit: 10,
      retryAfterMs: 60_000,
    });
  });
});
