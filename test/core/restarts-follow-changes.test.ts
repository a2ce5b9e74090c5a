import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Step } from '../../src/core/model.js';
import { restartsFollowChanges } from '../../src/core/step-restarts.js';

// A restart follows what the plan changed on that server: a Frontend receive connector is read by the
// Front End Transport service, a send connector by the Transport service; every server whose IIS was
// moved to the new certificate restarts its own IIS.

const step = (
  server: string,
  command: string,
  role: Step['role'] = 'mailbox',
  title = `On ${server}: do it`,
): Step => ({
  id: 'x',
  title,
  role,
  server,
  command,
});
const pinFrontend = (server: string) =>
  step(
    server,
    `$c = Get-ExchangeCertificate -Thumbprint AB\nSet-ReceiveConnector '${server}\\Default Frontend ${server}' -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"`,
  );
const pinSend = (server: string) =>
  step(
    server,
    `$c = Get-ExchangeCertificate -Thumbprint AB\nSet-SendConnector 'Outbound to Office 365' -TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"`,
  );
const pinHubReceive = (server: string) =>
  step(
    server,
    `Set-ReceiveConnector '${server}\\Partner Inbound' -TlsCertificateName "<I>CN=CA<S>CN=mail.contoso.com"`,
  );
const restart = (server: string, services: string, role: Step['role'] = 'mailbox') =>
  step(server, `Restart-Service ${services}`, role, `On ${server}: restart ${services}`);

describe('restarts follow the connectors changed on each server', () => {
  const cases: [string, Step[], string[]][] = [
    [
      'receive connector on the front end, Transport restarted',
      [pinFrontend('EX1'), restart('EX1', 'MSExchangeTransport')],
      ['msexchangefrontendtransport', 'msexchangetransport'],
    ],
    [
      'send connector, Front End restarted',
      [pinSend('EX1'), restart('EX1', 'MSExchangeFrontEndTransport')],
      ['msexchangefrontendtransport', 'msexchangetransport'],
    ],
    [
      'send connector, Transport restarted',
      [pinSend('EX1'), restart('EX1', 'MSExchangeTransport')],
      ['msexchangetransport'],
    ],
    [
      'a hub receive connector, Transport restarted',
      [pinHubReceive('EX1'), restart('EX1', 'MSExchangeTransport')],
      ['msexchangetransport'],
    ],
    [
      'a change on another server only',
      [pinFrontend('EX2'), restart('EX1', 'MSExchangeTransport')],
      ['msexchangetransport'],
    ],
    [
      'an Edge has no Front End Transport',
      [pinFrontend('EDGE1'), restart('EDGE1', 'MSExchangeTransport', 'edge')],
      ['msexchangetransport'],
    ],
  ];
  for (const [name, steps, expected] of cases)
    it(name, () => {
      const out = restartsFollowChanges(steps, 'en', '2013+');
      const last = out.at(-1);
      const services =
        /Restart-Service\s+(.*)/
          .exec(last?.command ?? '')?.[1]
          ?.split(/\s*,\s*/)
          .map((s) => s.toLowerCase()) ?? [];
      assert.deepEqual(services.sort(), expected);
      assert.equal(last?.server, steps.at(-1)?.server);
    });
  it('keeps the condition the restart ran under, in Japanese too', () => {
    const conditional = step(
      'EX1',
      'Restart-Service MSExchangeTransport',
      'mailbox',
      'ハイブリッドの場合: EX1 で: 再起動します',
    );
    const [, out] = restartsFollowChanges([pinFrontend('EX1'), conditional], 'ja', '2013+');
    assert.match(out?.title ?? '', /^ハイブリッドの場合: EX1 で: .*フロントエンド トランスポート サービス/);
  });
});

const dir = 'test/fixtures/corpus-extra';
const fixture = (prefix: string) => {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  assert.ok(name, prefix);
  return readFileSync(`${dir}/${name}`, 'utf8');
};
const now = new Date('2026-11-28T12:00:00Z');

describe('pasted cases: each changed server restarts what reads its change', () => {
  for (const prefix of ['s16-', 's17-', 't15-'])
    it(prefix, () => {
      const d = diagnose(fixture(prefix), { now });
      const changed = new Map<string, Set<string>>();
      for (const s of d.steps) {
        const command = s.command ?? '';
        if (!s.server) continue;
        if (/Set-ReceiveConnector\s+'[^']*Frontend/.test(command))
          changed.set(s.server, new Set([...(changed.get(s.server) ?? []), 'msexchangefrontendtransport']));
        if (/Set-SendConnector/.test(command))
          changed.set(s.server, new Set([...(changed.get(s.server) ?? []), 'msexchangetransport']));
      }
      assert.ok(changed.size > 0);
      for (const [server, services] of changed) {
        const restarts = d.steps.filter(
          (s) => s.server === server && /Restart-Service/.test(s.command ?? '') && s.role !== 'edge',
        );
        assert.ok(restarts.length > 0, server);
        for (const r of restarts)
          for (const service of services)
            assert.match((r.command ?? '').toLowerCase(), new RegExp(service), `${server}: ${r.command}`);
      }
    });
  it('s09: every DAG member whose IIS moved restarts IIS', () => {
    const d = diagnose(fixture('s09-'), { now });
    const iis = new Set(d.steps.filter((s) => /-Services [^\n]*IIS/.test(s.command ?? '')).map((s) => s.server));
    assert.ok(iis.size >= 3, [...iis].join(' '));
    for (const server of iis)
      assert.ok(
        d.steps.some((s) => s.server === server && /iisreset/.test(s.command ?? '')),
        `${server} restarts IIS`,
      );
  });
});
