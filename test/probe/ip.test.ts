import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cidrContains, isSpecialAddress, parseCidr, parseIp } from '../../src/core/probe/ip.js';

function contains(cidr: string, address: string): boolean {
  const range = parseCidr(cidr);
  const ip = parseIp(address);
  assert.ok(range, cidr);
  assert.ok(ip, address);
  return cidrContains(range, ip);
}

describe('IP literals and CIDRs', () => {
  it('reads IPv4 and IPv6, mapped IPv4 as IPv4', () => {
    assert.equal(parseIp('10.1.2.3')?.family, 4);
    assert.equal(parseIp('::ffff:10.1.2.3')?.value, parseIp('10.1.2.3')?.value);
    assert.equal(parseIp('::ffff:10.1.2.3')?.family, 4);
    assert.equal(parseIp('2001:db8::1')?.family, 6);
    assert.equal(parseIp('[::1]')?.value, 1n);
    assert.equal(parseIp('2001:0db8:0:0:0:0:0:1')?.value, parseIp('2001:db8::1')?.value);
    for (const bad of [
      '10.1.2',
      '10.1.2.256',
      '01.2.3.4',
      '1::2::3',
      'fe80::1%eth0',
      'mail.contoso.com',
      '1:2:3:4:5:6:7:8:9',
      '',
    ]) {
      assert.equal(parseIp(bad), undefined, bad);
    }
  });

  it('matches CIDRs of both families', () => {
    assert.ok(contains('10.0.0.0/8', '10.200.1.1'));
    assert.ok(!contains('10.0.0.0/8', '11.0.0.1'));
    assert.ok(contains('192.0.2.10', '192.0.2.10'));
    assert.ok(!contains('192.0.2.10', '192.0.2.11'));
    assert.ok(contains('10.0.0.0/8', '::ffff:10.9.9.9'));
    assert.ok(contains('2001:db8::/32', '2001:db8:ffff::25'));
    assert.ok(!contains('2001:db8::/32', '2001:db9::25'));
    assert.ok(!contains('2001:db8::/32', '10.0.0.1'));
    assert.ok(contains('0.0.0.0/0', '203.0.113.5'));
    assert.ok(!contains('0.0.0.0/0', '2001:db8::1'));
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('10.0.0.0/8/8'), undefined);
    assert.equal(parseCidr('2001:db8::/129'), undefined);
  });

  it('knows the addresses that lead to this machine or its cloud metadata', () => {
    for (const address of ['127.0.0.1', '::1', '169.254.169.254', '0.0.0.0', 'fe80::1', '::ffff:127.0.0.1']) {
      assert.ok(isSpecialAddress(parseIp(address)!), address);
    }
    for (const address of ['10.0.0.25', '203.0.113.5', '2001:db8::25'])
      assert.ok(!isSpecialAddress(parseIp(address)!), address);
  });
});
