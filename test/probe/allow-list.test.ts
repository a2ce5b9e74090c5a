import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkProbeTarget, NO_PROBES, type ProbeAllowList, parseProbeAllow } from '../../src/core/probe/allow-list.js';
import { ProbeRateLimiter } from '../../src/core/probe/rate-limit.js';
import { type ProbeTarget, parseTarget } from '../../src/core/probe/target.js';

function allowList(text: string): ProbeAllowList {
  const parsed = parseProbeAllow(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problems.join('; '));
  return parsed.allow;
}

function target(text: string): ProbeTarget {
  const parsed = parseTarget(text);
  assert.ok(parsed.ok);
  return parsed.targets[0]!;
}

/** A resolver from a table, counting its lookups. */
function resolver(table: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return addresses;
  };
  return { resolve, asked };
}

describe('PROBE_ALLOW', () => {
  it('reads host names, addresses and CIDRs of both families, separated by commas or spaces', () => {
    const allow = allowList(' Mail.Contoso.com, 10.0.0.0/8  2001:db8::/32,[2001:db8:1::25] 192.0.2.7 ');
    assert.deepEqual(allow.names, ['mail.contoso.com']);
    assert.deepEqual(
      allow.networks.map((n) => n.text),
      ['10.0.0.0/8', '2001:db8::/32', '2001:db8:1::25', '192.0.2.7'],
    );
    assert.deepEqual(parseProbeAllow(undefined), { ok: true, allow: NO_PROBES });
    assert.deepEqual(parseProbeAllow(''), { ok: true, allow: NO_PROBES });
  });

  it('names every entry it cannot read', () => {
    const parsed = parseProbeAllow('*.contoso.com, 10.0.0.0/33, mail.contoso.com, 300.1.1.1');
    assert.ok(!parsed.ok);
    assert.equal(parsed.problems.length, 3);
    assert.match(parsed.problems[0] ?? '', /'\*\.contoso\.com': wildcards are not allowed/);
    assert.match(parsed.problems[1] ?? '', /'10\.0\.0\.0\/33' is neither a host name nor an IP address or CIDR/);
    assert.match(parsed.problems[2] ?? '', /'300\.1\.1\.1'/);
  });
});

describe('checking a target against PROBE_ALLOW', () => {
  it('empty: probing is off, nothing is resolved', async () => {
    const { resolve, asked } = resolver({ 'mail.contoso.com': ['203.0.113.25'] });
    assert.deepEqual(await checkProbeTarget(NO_PROBES, target('mail.contoso.com:25'), resolve), {
      allowed: false,
      reason: 'disabled',
    });
    assert.deepEqual(asked, []);
  });

  it('an IP target must be in a listed network', async () => {
    const allow = allowList('10.0.0.0/8, 2001:db8::/32');
    const { resolve, asked } = resolver({});
    assert.deepEqual(await checkProbeTarget(allow, target('10.1.2.3:25'), resolve), {
      allowed: true,
      address: '10.1.2.3',
    });
    assert.deepEqual(await checkProbeTarget(allow, target('[2001:db8::25]:25'), resolve), {
      allowed: true,
      address: '2001:db8::25',
    });
    assert.equal((await checkProbeTarget(allow, target('192.0.2.1:25'), resolve)).allowed, false);
    assert.deepEqual(asked, []);
  });

  it('a name matches as written: no suffix or wildcard match, and an unlisted name is not looked up without networks', async () => {
    const allow = allowList('mail.contoso.com');
    const { resolve, asked } = resolver({
      'mail.contoso.com': ['203.0.113.25'],
      'evil.mail.contoso.com': ['203.0.113.26'],
    });
    assert.deepEqual(await checkProbeTarget(allow, target('MAIL.contoso.com:25'), resolve), {
      allowed: true,
      address: '203.0.113.25',
    });
    assert.deepEqual(await checkProbeTarget(allow, target('evil.mail.contoso.com:25'), resolve), {
      allowed: false,
      reason: 'not-listed',
    });
    assert.deepEqual(asked, ['mail.contoso.com']);
  });

  it('resolves once; every address must be allowed; the checked address is the one to connect to', async () => {
    const allow = allowList('10.0.0.0/8');
    const { resolve, asked } = resolver({
      'ex01.contoso.local': ['10.0.0.25', '10.0.0.26'],
      'split.contoso.com': ['10.0.0.25', '203.0.113.9'],
      'outside.contoso.com': ['203.0.113.9'],
    });
    assert.deepEqual(await checkProbeTarget(allow, target('ex01.contoso.local:25'), resolve), {
      allowed: true,
      address: '10.0.0.25',
    });
    assert.deepEqual(await checkProbeTarget(allow, target('split.contoso.com:25'), resolve), {
      allowed: false,
      reason: 'resolves-outside',
      address: '203.0.113.9',
    });
    assert.deepEqual(await checkProbeTarget(allow, target('outside.contoso.com:25'), resolve), {
      allowed: false,
      reason: 'not-listed',
    });
    assert.deepEqual(asked, ['ex01.contoso.local', 'split.contoso.com', 'outside.contoso.com']);
  });

  it('a listed name that leads to this machine or cloud metadata is refused unless a network lists it', async () => {
    const { resolve } = resolver({ 'mail.contoso.com': ['169.254.169.254'], 'loop.contoso.com': ['::1', '127.0.0.1'] });
    assert.deepEqual(await checkProbeTarget(allowList('mail.contoso.com'), target('mail.contoso.com:25'), resolve), {
      allowed: false,
      reason: 'resolves-outside',
      address: '169.254.169.254',
    });
    assert.deepEqual(
      await checkProbeTarget(allowList('loop.contoso.com 127.0.0.0/8 ::1'), target('loop.contoso.com:25'), resolve),
      { allowed: true, address: '::1' },
    );
  });

  it('a name that does not resolve is refused, saying why', async () => {
    const { resolve } = resolver({});
    assert.deepEqual(await checkProbeTarget(allowList('mail.contoso.com'), target('mail.contoso.com:25'), resolve), {
      allowed: false,
      reason: 'unresolved',
      detail: 'ENOTFOUND',
    });
    const empty = async () => [];
    assert.deepEqual(await checkProbeTarget(allowList('mail.contoso.com'), target('mail.contoso.com:25'), empty), {
      allowed: false,
      reason: 'unresolved',
      detail: 'no address',
    });
  });
});

describe('per-user probe rate', () => {
  it('10 targets per user per minute, sliding, other users unaffected; a refusal takes nothing', () => {
    const limiter = new ProbeRateLimiter();
    const t0 = Date.parse('2026-12-07T12:00:00Z');
    assert.deepEqual(limiter.take('U1', 6, t0), { allowed: true });
    assert.deepEqual(limiter.take('U1', 4, t0 + 10_000), { allowed: true });
    assert.deepEqual(limiter.take('U1', 1, t0 + 20_000), { allowed: false, retryAfterMs: 40_000 });
    assert.deepEqual(limiter.take('U2', 10, t0 + 20_000), { allowed: true });
    // The first six leave the window at t0 + 60 s.
    assert.deepEqual(limiter.take('U1', 6, t0 + 59_999), { allowed: false, retryAfterMs: 1 });
    assert.deepEqual(limiter.take('U1', 6, t0 + 60_000), { allowed: true });
    assert.deepEqual(limiter.take('U1', 1, t0 + 60_001), { allowed: false, retryAfterMs: 9_999 });
  });

  it('more targets than the limit at once are refused outright', () => {
    const limiter = new ProbeRateLimiter(10, 60_000);
    assert.deepEqual(limiter.take('U1', 11, 0), { allowed: false, retryAfterMs: 60_000 });
    assert.deepEqual(limiter.take('U1', 10, 0), { allowed: true });
  });
});
