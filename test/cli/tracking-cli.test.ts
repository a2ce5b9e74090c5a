import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { withStore } from '../../src/cli/tracking-store.js';
import { captureIo } from '../helpers/cli-io.js';
import { at, REFERENCE_NOW } from '../helpers/clock.js';
import { FAKE_BOT, type FakeSlack, startFakeSlack } from '../helpers/fake-slack.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { aCertificate } from '../store/store-contract.js';

const dir = tempDir('cli');
const corpus = (name: string) => join('test', 'fixtures', 'corpus', `${name}.txt`);
const OWA = '896777B6CA9D0066DB7463DB76DA36DD6241D5D5';
const EX2016 = '2747582B9132F38EB2A0BE075A1C964195851AF1';

let slack: FakeSlack;
let dbPath: string;
before(async () => {
  slack = await startFakeSlack();
});
after(async () => {
  await slack.close();
});
beforeEach(() => {
  slack.reset();
  dbPath = tempDatabasePath(join(dir, 'data'));
});

async function cli(argv: string[], options: { now?: Date; stdin?: string; env?: Record<string, string> } = {}) {
  const io = captureIo({
    now: options.now ?? REFERENCE_NOW,
    ...(options.stdin !== undefined && { stdin: options.stdin }),
    env: { DATABASE_URL: `file:${dbPath}`, ...options.env },
  });
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

async function seed(certs: Parameters<typeof aCertificate>[0][]) {
  await withStore(dbPath, async (store) => {
    for (const c of certs) await store.track(aCertificate(c));
  });
}

describe('certcheck track', () => {
  test('a PEM: tracked with its expiry, channel and owner; the database and its folder are created', async () => {
    const { code, out } = await cli([
      'track',
      corpus('p03-pem-leaf-expiring-soon'),
      '--channel',
      'C0OPS',
      '--owner',
      'U0AIKO',
      '--json',
    ]);
    assert.equal(code, 0);
    assert.ok(existsSync(dbPath));
    const { tracked } = JSON.parse(out) as { tracked: Record<string, unknown>[] };
    assert.deepEqual(tracked, [
      {
        thumbprint: OWA,
        subject: 'CN=owa.contoso.com',
        notAfter: '2026-12-10T00:00:00.000Z',
        daysLeft: 11,
        estimated: false,
        channel: 'C0OPS',
        owner: 'U0AIKO',
        created: true,
      },
    ]);
  });

  test('a Get-ExchangeCertificate | fl listing from stdin, in words', async () => {
    const { code, out } = await cli(['track', '-'], {
      stdin: readFileSync(corpus('s18-fl-expired-default-cert'), 'utf8'),
      env: { REMINDER_CHANNEL: 'C0DEFAULT' },
    });
    assert.equal(code, 0);
    assert.match(
      out,
      /^Tracking 1 certificate\.\n {2}added {3}2747582B9132F38EB2A0BE075A1C964195851AF1 {2}CN=EX2016 — expired 115 days ago \(6 Aug 2026 06:56 UTC\)\nReminders go to C0DEFAULT\.\n$/,
    );
  });

  test('an event with hours remaining: tracked with an estimated expiry and the server it was logged on', async () => {
    const { code } = await cli(['track', corpus('s04-e2010-hub-12017-expiring'), '--channel', 'C0OPS']);
    assert.equal(code, 0);
    const [cert] = await withStore(dbPath, (store) => store.list());
    assert.equal(cert?.estimated, true);
    assert.deepEqual(cert?.servers, ['HUB2010.corp.contoso.com']);
  });

  test('a listing skips the WMSvc certificate unless --include-wmsvc', async () => {
    const listing = [OWA, '55D440B852D16C412EF16582E6D066287AE9F560']
      .map((thumbprint, i) =>
        [
          `CertificateDomains : {${i === 0 ? 'owa.contoso.com' : 'WMSvc-SHA2-EX2016'}}`,
          `Issuer             : CN=${i === 0 ? 'Contoso Issuing CA' : 'WMSvc-SHA2-EX2016'}`,
          'NotAfter           : 12/10/2026 12:00:00 AM',
          'NotBefore          : 12/10/2025 12:00:00 AM',
          `Services           : ${i === 0 ? 'IIS, SMTP' : 'None'}`,
          `Subject            : CN=${i === 0 ? 'owa.contoso.com' : 'WMSvc-SHA2-EX2016'}`,
          `Thumbprint         : ${thumbprint}`,
        ].join('\n'),
      )
      .join('\n\n');
    const plain = await cli(['track', '-', '--json'], { stdin: `Get-ExchangeCertificate | fl\n\n${listing}\n` });
    assert.equal(plain.code, 0);
    const result = JSON.parse(plain.out) as { tracked: { thumbprint: string }[]; skipped: { reason: string }[] };
    assert.deepEqual(
      result.tracked.map((t) => t.thumbprint),
      [OWA],
    );
    assert.deepEqual(
      result.skipped.map((s) => s.reason),
      ['wmsvc'],
    );
    const all = await cli(['track', '-', '--json', '--include-wmsvc'], {
      stdin: `Get-ExchangeCertificate | fl\n\n${listing}\n`,
    });
    assert.equal((JSON.parse(all.out) as { tracked: unknown[] }).tracked.length, 2);
  });

  test('no certificate in the paste: exit 1, one clear line on stderr, nothing stored', async () => {
    const { code, out, err } = await cli(['track', '-'], { stdin: 'hello, my mail is broken' });
    assert.equal(code, 1);
    assert.equal(out, '');
    assert.equal(err.trim().split('\n').length, 1);
    assert.match(err, /^certcheck track: No certificate with a thumbprint and an expiry date in the paste/);
  });

  test('a table listing without dates is refused, saying to paste the | fl view instead', async () => {
    const { code, err } = await cli(['track', corpus('s17-get-exchangecertificate-table')]);
    assert.equal(code, 1);
    assert.equal(
      err,
      'certcheck track: The Get-ExchangeCertificate table view has no expiry dates: paste the output of `Get-ExchangeCertificate | fl` instead.\n',
    );
    const ja = await cli(['track', corpus('s17-get-exchangecertificate-table')], { env: { CERTCHECK_LANG: 'ja' } });
    assert.equal(ja.code, 1);
    assert.match(ja.err, /表形式の出力には有効期限がありません。代わりに `Get-ExchangeCertificate \| fl` の出力/);
  });

  test('an internal transport certificate (12017) is named by its server in list, --json and the digest', async () => {
    const tracked = await cli(['track', corpus('s04-e2010-hub-12017-expiring'), '--channel', 'C0OPS', '--json']);
    assert.equal(tracked.code, 0);
    const label = 'Internal transport certificate (HUB2010)';
    assert.equal((JSON.parse(tracked.out) as { tracked: { subject: string }[] }).tracked[0]?.subject, label);
    const json = JSON.parse((await cli(['list', '--json'])).out) as { subject: string }[];
    assert.deepEqual(
      json.map((r) => r.subject),
      [label],
    );
    assert.match(
      (await cli(['list'])).out,
      /4B7670E292365AC9BB92935281E6A52675C82B02 {2}Internal transport certificate \(HUB2010\) \(SMTP\) — /,
    );
    const env = { SLACK_BOT_TOKEN: FAKE_BOT.token, SLACK_API_URL: slack.apiUrl };
    const sent = await cli(['remind', '--now', '2026-11-30T09:00:00Z'], { env });
    assert.equal(sent.code, 0, sent.err);
    const [post] = slack.callsTo('chat.postMessage');
    assert.match(JSON.stringify(post?.params), /\*Internal transport certificate \(HUB2010\)\* \(SMTP\)/);
  });

  test('a 12017 certificate tracked in Japanese is listed in English (and vice versa), its expiry marked estimated', async () => {
    const ja = await cli(['track', corpus('s04-e2010-hub-12017-expiring'), '--channel', 'C0OPS'], {
      env: { CERTCHECK_LANG: 'ja' },
    });
    assert.equal(ja.code, 0, ja.err);
    assert.match(ja.out, /内部トランスポート証明書 \(HUB2010\) — .*\(イベントからの推定\)/);
    const en = await cli(['list']);
    assert.match(en.out, /Internal transport certificate \(HUB2010\) \(SMTP\) — [^·]*\(estimated from an event\) · /);
    assert.doesNotMatch(en.out, /内部トランスポート/);
    const listJa = await cli(['list'], { env: { CERTCHECK_LANG: 'ja' } });
    assert.match(listJa.out, /内部トランスポート証明書 \(HUB2010\) \(SMTP\) — [^·]*\(イベントからの推定\)/);
  });
});

describe('certcheck list / untrack', () => {
  test('list --json: soonest first, with daysLeft against --now and the fallback channel', async () => {
    await seed([
      { thumbprint: OWA },
      { thumbprint: EX2016, subject: 'CN=EX2016', notAfter: '2026-08-06T06:56:14.000Z', channel: undefined },
    ]);
    const { code, out } = await cli(['list', '--json', '--now', '2026-11-28T12:00:00Z'], {
      env: { REMINDER_CHANNEL: 'C0DEFAULT' },
    });
    assert.equal(code, 0);
    const rows = JSON.parse(out) as Record<string, unknown>[];
    assert.deepEqual(
      rows.map((r) => [r.thumbprint, r.subject, r.notAfter, r.daysLeft, r.channel]),
      [
        [EX2016, 'CN=EX2016', '2026-08-06T06:56:14.000Z', -115, 'C0DEFAULT'],
        [OWA, 'CN=owa.contoso.com', '2026-12-10T00:00:00.000Z', 11, 'C0OPS'],
      ],
    );
    assert.ok(out.endsWith(']\n'), 'ends with one newline, like the other --json outputs');
    const text = await cli(['list']);
    assert.match(text.out, /Tracked certificates \(2\)\n {2}2747582B.* — expired 115 days ago \(6 Aug 2026 06:56 UTC\)/);
  });

  test('untrack: gone from the list; untracking again is an error', async () => {
    await seed([{ thumbprint: OWA }]);
    const first = await cli(['untrack', '89 67 77 b6 ca 9d 00 66 db 74 63 db 76 da 36 dd 62 41 d5 d5']);
    assert.equal(first.code, 0);
    assert.match(first.out, /No longer tracking CN=owa\.contoso\.com/);
    assert.deepEqual(JSON.parse((await cli(['list', '--json'])).out), []);
    const again = await cli(['untrack', OWA]);
    assert.equal(again.code, 1);
    assert.match(again.err, /is not tracked/);
    assert.equal((await cli(['untrack', 'nope'])).code, 1);
  });
});

describe('certcheck remind', () => {
  const NOW = '2026-11-30T09:00:00Z';
  const slackEnv = () => ({ SLACK_BOT_TOKEN: FAKE_BOT.token, SLACK_API_URL: slack.apiUrl, REMINDER_TZ: 'UTC' });

  test('--dry-run --json prints exactly what is due and sends nothing', async () => {
    await seed([
      { thumbprint: OWA },
      { thumbprint: EX2016, subject: 'CN=EX2016', notAfter: '2026-08-06T06:56:14.000Z' },
      { thumbprint: 'F'.repeat(40), notAfter: '2028-01-01T00:00:00.000Z' },
    ]);
    const { code, out } = await cli(['remind', '--dry-run', '--json', '--now', NOW], { env: slackEnv() });
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), {
      due: [
        { channel: 'C0OPS', thumbprint: EX2016, subject: 'CN=EX2016', threshold: null, daysLeft: -117 },
        { channel: 'C0OPS', thumbprint: OWA, subject: 'CN=owa.contoso.com', threshold: 14, daysLeft: 9 },
      ],
    });
    assert.equal(slack.calls.length, 0);
  });

  test('sends one digest per channel and records it: a second run sends nothing new', async () => {
    await seed([
      { thumbprint: OWA },
      { thumbprint: EX2016, subject: 'CN=EX2016', notAfter: '2026-08-06T06:56:14.000Z', channel: 'C0EXCH' },
    ]);
    const first = await cli(['remind', '--now', NOW, '--json'], { env: slackEnv() });
    assert.equal(first.code, 0, first.err);
    assert.deepEqual(
      slack.callsTo('chat.postMessage').map((c) => c.params.channel),
      ['C0EXCH', 'C0OPS'],
    );
    assert.deepEqual(slack.violations, []);
    const second = await cli(['remind', '--now', '2026-11-30T15:00:00Z', '--json'], { env: slackEnv() });
    assert.equal(second.code, 0);
    assert.deepEqual((JSON.parse(second.out) as { due: unknown[] }).due, []);
    assert.equal(slack.callsTo('chat.postMessage').length, 2);
    const nextDay = await cli(['remind', '--now', '2026-12-01T09:00:00Z', '--dry-run', '--json'], { env: slackEnv() });
    assert.deepEqual(
      (JSON.parse(nextDay.out) as { due: { thumbprint: string }[] }).due.map((d) => d.thumbprint),
      [EX2016],
      'the expired one again the next day; the other waits for its next threshold',
    );
  });

  test('what Slack refuses stays unsent: exit 2, named on stderr, due again next run', async () => {
    await seed([{ thumbprint: OWA }]);
    slack.fail('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const failed = await cli(['remind', '--now', NOW], { env: slackEnv() });
    assert.equal(failed.code, 2);
    assert.match(failed.err, /not sent: 896777B6CA9D0066DB7463DB76DA36DD6241D5D5 C0OPS: not_in_channel/);
    const retry = await cli(['remind', '--now', at('2026-11-30T10:00:00Z').toISOString()], { env: slackEnv() });
    assert.equal(retry.code, 0);
    assert.equal(slack.callsTo('chat.postMessage').length, 2);
  });

  test('a run lists under "sent" only what was sent; what had no channel apart', async () => {
    await seed([
      { thumbprint: OWA, channel: undefined },
      { thumbprint: EX2016, subject: 'CN=EX2016', notAfter: '2026-08-06T06:56:14.000Z' },
    ]);
    const { code, out } = await cli(['remind', '--now', NOW], { env: slackEnv() });
    assert.equal(code, 2);
    assert.match(out, /^1 reminder sent\n {2}C0OPS {2}2747582B[^\n]*\n1 not sent\n {2}- {2}896777B6[^\n]*\n$/);
  });

  test('without a token only --dry-run works', async () => {
    const { code, err } = await cli(['remind', '--now', NOW]);
    assert.equal(code, 1);
    assert.match(err, /SLACK_BOT_TOKEN is not set/);
  });

  test('a certificate with no channel and no REMINDER_CHANNEL is reported unsent', async () => {
    await seed([{ thumbprint: OWA, channel: undefined }]);
    const { code, err } = await cli(['remind', '--now', NOW], { env: slackEnv() });
    assert.equal(code, 2);
    assert.match(err, /no channel/);
    const json = await cli(['remind', '--now', NOW, '--json'], { env: slackEnv() });
    assert.equal(json.code, 2);
    const output = JSON.parse(json.out) as { due: { channel: unknown }[]; unsent: { channel: unknown }[] };
    assert.deepEqual(
      output.unsent.map((u) => u.channel),
      [null],
      'null, not ""',
    );
    assert.deepEqual(
      output.due.map((d) => d.channel),
      [null],
    );
  });

  test('--dry-run lists the reminders with no channel too (channel null) and exits 2, as a real run would', async () => {
    await seed([
      { thumbprint: OWA, channel: undefined },
      { thumbprint: EX2016, subject: 'CN=EX2016', notAfter: '2026-08-06T06:56:14.000Z' },
    ]);
    const { code, out, err } = await cli(['remind', '--dry-run', '--json', '--now', NOW], { env: slackEnv() });
    assert.equal(code, 2);
    assert.deepEqual(JSON.parse(out), {
      due: [
        { channel: 'C0OPS', thumbprint: EX2016, subject: 'CN=EX2016', threshold: null, daysLeft: -117 },
        { channel: null, thumbprint: OWA, subject: 'CN=owa.contoso.com', threshold: 14, daysLeft: 9 },
      ],
    });
    assert.match(err, new RegExp(`not sent: ${OWA}: no channel \\(set REMINDER_CHANNEL or track --channel\\)`));
    const text = await cli(['remind', '--dry-run', '--now', NOW]);
    assert.equal(text.code, 2);
    assert.match(text.out, /^2 reminders due \(dry run: nothing sent\)\n {2}C0OPS {2}2747582B.*\n {2}- {2}896777B6/);
    assert.equal(slack.calls.length, 0);
  });

  test('speaks CERTCHECK_LANG, with English plurals that agree', async () => {
    await seed([{ thumbprint: OWA }]);
    const dry = await cli(['remind', '--dry-run', '--now', NOW]);
    assert.match(dry.out, /^1 reminder due \(dry run: nothing sent\)\n/);
    const ja = await cli(['remind', '--dry-run', '--now', NOW], { env: { CERTCHECK_LANG: 'ja' } });
    assert.match(
      ja.out,
      /^送信予定のリマインダー 1 件 \(--dry-run: 何も送信していません\)\n {2}C0OPS {2}896777B6.* — 2026\/12\/10 00:00 UTC に期限切れになります \(残り 9 日\)/,
    );
    const sent = await cli(['remind', '--now', NOW], { env: { ...slackEnv(), CERTCHECK_LANG: 'ja' } });
    assert.equal(sent.code, 0, sent.err);
    assert.match(sent.out, /^1 件のリマインダーを送信しました\n/);
    await seed([
      { thumbprint: EX2016, subject: 'CN=EX2016', notAfter: '2026-08-06T06:56:14.000Z', channel: undefined },
    ]);
    const unsent = await cli(['remind', '--now', NOW], { env: { ...slackEnv(), CERTCHECK_LANG: 'ja' } });
    assert.equal(unsent.code, 2);
    assert.match(unsent.err, /送信できませんでした: 2747582B9132F38EB2A0BE075A1C964195851AF1: 通知先がありません/);
  });
});

describe('certcheck diagnose with a tracking store', () => {
  test('a pasted thumbprint that is tracked is answered with what certcheck knows of it', async () => {
    await cli(['track', corpus('s18-fl-expired-default-cert'), '--channel', 'C0EXOPS', '--owner', 'U0AIKO']);
    const { code, out } = await cli([
      'diagnose',
      '--now',
      REFERENCE_NOW.toISOString(),
      corpus('s16-thumbprint-invisible-mark'),
    ]);
    assert.equal(code, 0);
    assert.match(out, new RegExp(EX2016));
    assert.match(out, /CN=EX2016/);
    assert.match(out, /C0EXOPS/);
    assert.match(out, /U0AIKO/);
  });

  test('diagnose never creates a database, and --json stays one document', async () => {
    const { code, out } = await cli(['diagnose', '--json', corpus('s16-thumbprint-invisible-mark')]);
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).thumbprints[0], EX2016);
    const plain = await cli(['diagnose', corpus('s16-thumbprint-invisible-mark')]);
    assert.equal(plain.code, 0);
    assert.equal(existsSync(dbPath), false);
  });
});
