import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endpointLabel, parseTarget } from '../../src/core/probe/target.js';

function targets(text: string) {
  const parsed = parseTarget(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.problem);
  return parsed.targets.map(({ host, port, protocol, ip }) => ({ host, port, protocol, ip }));
}

function problem(text: string): string {
  const parsed = parseTarget(text);
  assert.ok(!parsed.ok, `${text} should be refused`);
  return parsed.problem;
}

describe('probe targets', () => {
  it('the port chooses the protocol', () => {
    assert.deepEqual(targets('mail.contoso.com:25'), [
      { host: 'mail.contoso.com', port: 25, protocol: 'smtp', ip: false },
    ]);
    assert.equal(targets('mail.contoso.com:587')[0]?.protocol, 'smtp');
    assert.equal(targets('mail.contoso.com:2525')[0]?.protocol, 'smtp');
    assert.equal(targets('mail.contoso.com:143')[0]?.protocol, 'imap');
    assert.equal(targets('mail.contoso.com:110')[0]?.protocol, 'pop3');
    for (const port of [465, 993, 995, 443, 636, 50636]) {
      assert.equal(targets(`edge01.contoso.com:${port}`)[0]?.protocol, 'tls', String(port));
    }
  });

  it('a bare host probes 25 and 443', () => {
    assert.deepEqual(
      targets('Mail.Contoso.com').map((t) => `${t.protocol}:${t.port}`),
      ['smtp:25', 'tls:443'],
    );
    assert.equal(targets('Mail.Contoso.com.')[0]?.host, 'mail.contoso.com');
  });

  it('a scheme says the protocol and the default port; a path is ignored', () => {
    assert.deepEqual(targets('smtp://mail.contoso.com')[0], {
      host: 'mail.contoso.com',
      port: 25,
      protocol: 'smtp',
      ip: false,
    });
    assert.deepEqual(targets('imap://mail.contoso.com:1143')[0]?.port, 1143);
    assert.deepEqual(targets('pop3://mail.contoso.com')[0]?.port, 110);
    assert.deepEqual(
      ['smtps', 'imaps', 'pop3s', 'https'].map((s) => targets(`${s}://mail.contoso.com`)[0]),
      [465, 993, 995, 443].map((port) => ({ host: 'mail.contoso.com', port, protocol: 'tls', ip: false })),
    );
    assert.equal(targets('https://owa.contoso.com/owa/?x=1#y')[0]?.port, 443);
    assert.equal(targets('tls://edge01.contoso.com:50636')[0]?.port, 50636);
  });

  it('IPv4 and IPv6 literals are IP targets (no SNI, no name check)', () => {
    assert.deepEqual(targets('192.0.2.10:25')[0], { host: '192.0.2.10', port: 25, protocol: 'smtp', ip: true });
    assert.deepEqual(targets('[2001:DB8::1]:993')[0], { host: '2001:db8::1', port: 993, protocol: 'tls', ip: true });
    assert.deepEqual(targets('smtp://[::1]:2525')[0], { host: '::1', port: 2525, protocol: 'smtp', ip: true });
    assert.deepEqual(
      targets('2001:db8::25').map((t) => t.port),
      [25, 443],
    );
  });

  it('refuses what it cannot read, in plain words', () => {
    assert.match(problem('ftp://mail.contoso.com'), /'ftp:\/\/' is not a probe scheme/);
    assert.match(problem('mail.contoso.com:0'), /port 0 is not between 1 and 65535/);
    assert.match(problem('mail.contoso.com:70000'), /port 70000/);
    assert.match(problem('tls://mail.contoso.com'), /needs a port/);
    assert.match(problem('mail contoso'), /not a host name/);
    assert.match(problem('<@U123>'), /not a host name/);
    assert.match(problem(''), /empty/);
  });

  it('writes an endpoint back with its scheme', () => {
    assert.equal(endpointLabel({ host: '::1', port: 25, protocol: 'smtp' }), 'smtp://[::1]:25');
    assert.equal(endpointLabel({ host: 'mail.contoso.com', port: 443, protocol: 'tls' }), 'tls://mail.contoso.com:443');
  });
});
