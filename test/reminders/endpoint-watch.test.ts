import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { NO_PROBES, parseProbeAllow } from '../../src/core/probe/allow-list.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { lookReason } from '../../src/tracking/describe-endpoint.js';
import { captureIo } from '../helpers/cli-io.js';
import { FAKE_BOT, type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { runThroughSlack } from '../helpers/reminder-run.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { NOW, thumbprintOf } from '../probe/fixtures.js';
import { closedPort } from '../probe/helpers/servers.js';
import { makeCertificate } from '../probe/helpers/test-certs.js';
import { type EndpointServer, startAlternating, startSmtpOn } from './endpoint-servers.js';

const DAY = 86_400_000;
const dir = tempDir('endpoints');

/** Expires 13 days after NOW: its 14-day reminder is due. */
const oldCert = makeCertificate({
  cn: 'mail.contoso.com',
  sans: ['mail.contoso.com'],
  notBefore: '2025-12-20T00:00:00Z',
  notAfter: '2026-12-20T00:00:00Z',
});
const renewedCert = makeCertificate({
  cn: 'mail.contoso.com',
  sans: ['mail.contoso.com'],
  notBefore: '2026-12-01T00:00:00Z',
  notAfter: '2027-12-20T00:00:00Z',
  keyOf: oldCert,
});
const nodeA = makeCertificate({
  cn: 'owa.contoso.com',
  sans: ['owa.contoso.com'],
  notBefore: '2026-06-01T00:00:00Z',
  notAfter: '2027-06-01T00:00:00Z',
  keyOf: oldCert,
});
const nodeB = makeCertificate({
  cn: 'owa.contoso.com',
  sans: ['owa.contoso.com'],
  notBefore: '2026-07-01T00:00:00Z',
  notAfter: '2027-07-01T00:00:00Z',
  keyOf: oldCert,
});

let slack: FakeSlack;
let dbPath: string;
before(async () => {
  slack = await startFakeSlack();
});
after(() => slack.close());
beforeEach(() => {
  slack.reset();
  dbPath = tempDatabasePath(dir);
});

async function cli(argv: string[], now = NOW, env: Record<string, string> = {}) {
  const io = captureIo({ now, env: { DATABASE_URL: `file:${dbPath}`, ...env } });
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** One real reminder run (endpoints looked at first), posting through the Slack notifier to the fake Slack. */
async function remind(now: Date) {
  const store = openStore(`file:${dbPath}`);
  try {
    return await runThroughSlack(store, slack.apiUrl, now, {
      endpoints: { allow: NO_PROBES, timeoutMs: 5000 },
    });
  } finally {
    await store.close();
  }
}

async function withDb<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(`file:${dbPath}`);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const posted = () => slack.callsTo('chat.postMessage').map((c) => JSON.stringify(c.params));

describe('tracked endpoints: certcheck track, list, untrack and the reminder run', () => {
  let server: EndpointServer | undefined;
  after(() => server?.close());

  test('track smtp://… looks once and tracks what it presents; a restart with a new certificate is a renewal', async () => {
    server = await startSmtpOn(0, oldCert);
    const target = `smtp://127.0.0.1:${server.port}`;
    const tracked = await cli(['track', target, '--channel', 'C0OPS', '--json']);
    assert.equal(tracked.code, 0, tracked.err);
    const [endpoint] = (JSON.parse(tracked.out) as { endpoints: Record<string, unknown>[] }).endpoints;
    assert.equal(endpoint?.id, target);
    assert.equal(endpoint?.created, true);
    assert.equal(endpoint?.channel, 'C0OPS');
    assert.deepEqual(endpoint?.presented, {
      thumbprint: thumbprintOf(oldCert),
      subject: 'CN=mail.contoso.com',
      notAfter: '2026-12-20T00:00:00.000Z',
      daysLeft: 12,
    });
    assert.equal(endpoint?.certificateTracked, thumbprintOf(oldCert));
    assert.equal(server.connections, 1);

    const listed = await cli(['list']);
    assert.match(listed.out, /Tracked endpoints \(1\)/);
    assert.ok(listed.out.includes(`${target}  presents ${thumbprintOf(oldCert).slice(0, 4)}…`), listed.out);
    assert.match(listed.out, /last probed 7 Dec 2026 12:00 UTC · reminders in C0OPS/);

    // The certificate is renewed on the server: restarted on the same port with the new one.
    await server.close();
    server = await startSmtpOn(server.port, renewedCert);
    const run = await remind(new Date(NOW.getTime() + DAY));
    assert.deepEqual(run.endpoints?.looked, [{ endpoint: target, change: 'renewed', recorded: true }]);
    await withDb(async (store) => {
      assert.equal((await store.get(thumbprintOf(oldCert)))?.status, 'renewed');
      assert.equal((await store.renewalOf(thumbprintOf(oldCert)))?.newThumbprint, thumbprintOf(renewedCert));
      assert.equal((await store.renewalOf(thumbprintOf(oldCert)))?.by, 'certcheck probe');
      const renewed = await store.get(thumbprintOf(renewedCert));
      assert.equal(renewed?.status, 'active');
      assert.equal(renewed?.channel, 'C0OPS');
      assert.deepEqual(renewed?.services, ['SMTP']);
    });
    assert.deepEqual(run.due, [], 'the old certificate, 12 days from expiry, is not reminded: it was renewed');
    const messages = posted();
    assert.equal(messages.length, 1);
    assert.match(messages[0]!, /now presents a new certificate/);
    assert.ok(messages[0]!.includes(`\`${target}\``), 'the endpoint is code, not a link');
    assert.deepEqual(slack.violations, []);

    slack.reset();
    const again = await remind(new Date(NOW.getTime() + 2 * DAY));
    assert.deepEqual(again.endpoints?.looked, [{ endpoint: target, change: 'same', recorded: true }]);
    assert.deepEqual(posted(), [], 'nothing changed: nothing said');

    // A dry run connects to nothing and shows the last look.
    const connections = server.connections;
    const dry = await cli(['remind', '--dry-run'], new Date(NOW.getTime() + 3 * DAY));
    assert.equal(dry.code, 0, dry.err);
    assert.equal(server.connections, connections);
    assert.match(dry.out, /1 endpoint\(s\), as last looked at \(a dry run connects to nothing\)/);
    assert.ok(dry.out.includes(`presents ${thumbprintOf(renewedCert).slice(0, 4)}…`), dry.out);
    assert.match(dry.out, /last probed 9 Dec 2026 12:00 UTC/);
    const dryJson = JSON.parse((await cli(['remind', '--dry-run', '--json'])).out) as {
      endpoints: { presented: { thumbprint: string } }[];
    };
    assert.equal(dryJson.endpoints[0]?.presented.thumbprint, thumbprintOf(renewedCert));

    // The server stops answering: said once in the channel, as the probe words it.
    await server.close();
    server = undefined;
    slack.reset();
    const down = await remind(new Date(NOW.getTime() + 4 * DAY));
    assert.deepEqual(down.endpoints?.looked, [{ endpoint: target, change: 'none', recorded: true }]);
    assert.equal(posted().length, 1);
    assert.match(posted()[0]!, /could not be checked: Nothing accepts connections on/);
    slack.reset();
    await remind(new Date(NOW.getTime() + 5 * DAY));
    assert.deepEqual(posted(), [], 'still down: not said again');
    assert.match((await cli(['list'])).out, /no certificate read: Nothing accepts connections/);

    const untracked = await cli(['untrack', target]);
    assert.equal(untracked.code, 0, untracked.err);
    assert.match(untracked.out, /Stopped tracking smtp:\/\/127\.0\.0\.1:\d+/);
    assert.deepEqual(JSON.parse((await cli(['list', '--endpoints', '--json'])).out), []);
    assert.equal((await cli(['untrack', target])).code, 1);
    const certificates = JSON.parse((await cli(['list', '--json'])).out) as { thumbprint: string }[];
    assert.deepEqual(
      certificates.map((c) => c.thumbprint),
      [thumbprintOf(renewedCert)],
      'the certificate stays tracked',
    );
  });

  test('a load balancer presenting two certificates in turn is said as such, never as a renewal back and forth', async () => {
    const balancer = await startAlternating([nodeA, nodeB]);
    try {
      const target = `tls://127.0.0.1:${balancer.port}`;
      assert.equal((await cli(['track', target, '--channel', 'C0WEB'])).code, 0);
      const first = await remind(new Date(NOW.getTime() + DAY));
      assert.deepEqual(first.endpoints?.looked, [{ endpoint: target, change: 'alternating', recorded: true }]);
      assert.equal(posted().length, 1);
      assert.match(posted()[0]!, /presents 2 certificates in turn/);
      assert.doesNotMatch(posted()[0]!, /new certificate/);
      slack.reset();
      for (let day = 2; day <= 4; day++) await remind(new Date(NOW.getTime() + day * DAY));
      assert.deepEqual(posted(), [], 'the same balancer: not said again');
      await withDb(async (store) => {
        assert.equal((await store.get(thumbprintOf(nodeA)))?.status, 'active');
        assert.equal((await store.get(thumbprintOf(nodeB)))?.status, 'active');
        assert.equal(await store.renewalOf(thumbprintOf(nodeA)), undefined);
        assert.equal(await store.renewalOf(thumbprintOf(nodeB)), undefined);
      });
      const list = await cli(['list']);
      assert.match(list.out, /presents 2 certificates in turn/);
    } finally {
      await balancer.close();
    }
  });

  test('an endpoint unreachable when tracked is still stored, and said so', async () => {
    const port = await closedPort();
    const { code, out } = await cli(['track', `smtp://127.0.0.1:${port}`, '--channel', 'C0OPS']);
    assert.equal(code, 0);
    assert.match(out, /Tracking smtp:\/\/127\.0\.0\.1:\d+: every reminder run looks at what it presents/);
    assert.match(out, /It could not be checked now: Nothing accepts connections on .* It stays tracked/);
    assert.match((await cli(['list'])).out, /Tracked endpoints \(1\)/);
    const ja = await cli(['track', `smtp://127.0.0.1:${port}`], NOW, { CERTCHECK_LANG: 'ja' });
    assert.match(ja.out, /は既に追跡しています/);
    assert.match(ja.out, /現在は確認できませんでした: .*接続を受け付けるものがありません/);
    assert.match((await cli(['list'], NOW, { CERTCHECK_LANG: 'ja' })).out, /追跡中のエンドポイント \(1 件\)/);
  });

  test('a newer certificate tracked for the same names while the endpoint still presents the old one is flagged', async () => {
    server = await startSmtpOn(0, oldCert);
    const target = `smtp://127.0.0.1:${server.port}`;
    assert.equal((await cli(['track', target, '--channel', 'C0OPS'])).code, 0);
    // The renewed certificate is tracked (pasted), but not yet assigned to SMTP on the server.
    await withDb((store) =>
      store.track({
        thumbprint: thumbprintOf(renewedCert),
        subject: 'CN=mail.contoso.com',
        issuer: 'CN=mail.contoso.com',
        domains: ['mail.contoso.com'],
        notAfter: '2027-12-20T00:00:00.000Z',
        services: [],
        servers: [],
        source: 'pem',
        estimated: false,
        channel: 'C0OPS',
        addedBy: 'cli',
        addedAt: NOW.toISOString(),
      }),
    );
    await remind(new Date(NOW.getTime() + DAY));
    const said = posted().join('\n');
    assert.match(said, /still presents/);
    assert.match(said, /a newer certificate for these names is tracked/);
    assert.ok(said.includes(`certcheck probe ${target}`), 'the check to run after the fix');
    // The old certificate's 14-day reminder is due: its digest lists the channel's endpoint and what it presents.
    const digest = slack.callsTo('chat.postMessage').find((c) => JSON.stringify(c.params).includes('certcheck_digest'));
    assert.ok(digest, said);
    const digestText = JSON.stringify(digest.params.blocks);
    assert.match(digestText, /Endpoints reminding here/);
    assert.ok(digestText.includes(`\`${target}\` — presents \`${thumbprintOf(oldCert).slice(0, 4)}…`), digestText);
    assert.match(digestText, /a newer certificate for these names is tracked/);
    assert.deepEqual(slack.violations, []);
    await withDb(async (store) => assert.equal((await store.get(thumbprintOf(oldCert)))?.status, 'active'));
    await server.close();
    server = undefined;
  });

  test('an endpoint tracked from Slack is resolved and checked against PROBE_ALLOW on every look, and connected to at the checked address', async () => {
    const smtp = await startSmtpOn(0, nodeA);
    const store = createMemoryStore();
    try {
      await store.trackEndpoint({
        id: `smtp://mail.contoso.com:${smtp.port}`,
        target: `smtp://mail.contoso.com:${smtp.port}`,
        host: 'mail.contoso.com',
        port: smtp.port,
        protocol: 'smtp',
        guarded: true,
        channel: 'C0OPS',
        addedBy: 'U0AIKO',
        addedAt: NOW.toISOString(),
      });
      const lookups: string[] = [];
      const run = (allow: string, at: number) => {
        const parsed = parseProbeAllow(allow);
        assert.ok(parsed.ok);
        return runThroughSlack(store, slack.apiUrl, new Date(NOW.getTime() + at * DAY), {
          endpoints: {
            allow: parsed.allow,
            resolve: async (host) => {
              lookups.push(host);
              return ['127.0.0.1'];
            },
          },
        });
      };
      // Listed by name, but the name leads to this machine: refused after the lookup, no connection.
      await run('mail.contoso.com', 1);
      assert.deepEqual(lookups, ['mail.contoso.com']);
      assert.equal(smtp.connections, 0);
      assert.equal(
        (await store.getEndpoint(`smtp://mail.contoso.com:${smtp.port}`))?.lastProbe?.refusal?.reason,
        'resolves-outside',
      );
      // A network entry allows the address the name resolves to: looked up again, and connected to there.
      await run('127.0.0.1/32', 2);
      assert.deepEqual(lookups, ['mail.contoso.com', 'mail.contoso.com']);
      assert.equal(smtp.connections, 1);
      const looked = await store.getEndpoint(`smtp://mail.contoso.com:${smtp.port}`);
      assert.equal(looked?.lastProbe?.address, '127.0.0.1');
      assert.equal(looked?.lastProbe?.leaf?.thumbprint, thumbprintOf(nodeA));
    } finally {
      await smtp.close();
    }
  });

  test('certcheck remind looks at the endpoints first and prints what it found and said; --json adds them', async () => {
    let smtp = await startSmtpOn(0, oldCert);
    try {
      const target = `smtp://127.0.0.1:${smtp.port}`;
      assert.equal((await cli(['track', target, '--channel', 'C0OPS'])).code, 0);
      await smtp.close();
      smtp = await startSmtpOn(smtp.port, renewedCert);
      const env = { SLACK_BOT_TOKEN: FAKE_BOT.token, SLACK_API_URL: slack.apiUrl };
      const run = await cli(['remind'], new Date(NOW.getTime() + DAY), env);
      assert.equal(run.code, 0, run.err);
      assert.match(run.out, /1 endpoint\(s\) looked at:/);
      assert.ok(run.out.includes(`${target}  presents ${thumbprintOf(renewedCert).slice(0, 4)}…`), run.out);
      assert.match(run.out, /now presents a new certificate: .* → /);
      const json = JSON.parse((await cli(['remind', '--json'], new Date(NOW.getTime() + 2 * DAY), env)).out) as {
        endpoints: { id: string; presented: { thumbprint: string } }[];
      };
      assert.deepEqual(
        json.endpoints.map((e) => [e.id, e.presented.thumbprint]),
        [[target, thumbprintOf(renewedCert)]],
      );
      assert.equal(posted().length, 1, 'the renewal said once, in its channel');
    } finally {
      await smtp.close();
    }
  });

  test('unreachable on port 25 says that many networks block outbound 25', () => {
    const where = {
      target: 'mail.contoso.com',
      host: 'mail.contoso.com',
      port: 25,
      protocol: 'smtp' as const,
      guarded: false,
    };
    const probe = {
      at: NOW.toISOString(),
      failure: { kind: 'timeout' as const, stage: 'connect' as const },
      timeoutMs: 10_000,
      maxBytes: 65_536,
    };
    assert.match(lookReason(where, probe, 'en'), /block outbound port 25/);
    assert.match(lookReason(where, probe, 'ja'), /25/);
    assert.doesNotMatch(lookReason({ ...where, port: 587 }, probe, 'en'), /port 25/);
  });
});
