import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DateTime } from 'luxon';
import { runCli } from '../../src/cli/run-cli.js';
import { withStore } from '../../src/cli/tracking-store.js';
import { daysLeft } from '../../src/core/countdown.js';
import { localCountdown } from '../../src/core/i18n/local-time.js';
import { captureIo } from '../helpers/cli-io.js';
import { at, REFERENCE_NOW } from '../helpers/clock.js';
import { NEAR_MIDNIGHT_KEY, NEAR_MIDNIGHT_PEM, NEAR_MIDNIGHT_THUMBPRINT, NOT_AFTER } from '../helpers/near-midnight.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';
import { startSmtp } from '../probe/helpers/servers.js';
import { aCertificate } from '../store/store-contract.js';

/**
 * The terminal shows an expiry as the local date and time with its zone: the zone `--tz` names,
 * else TZ, else the system's. A certificate expiring at 23:30 UTC on 14 June is 08:30 JST on the 15th.
 */

const dir = tempDir('cli-dates');
const NOW = REFERENCE_NOW.toISOString();

async function cli(argv: string[], env: Record<string, string | undefined> = {}, stdin = NEAR_MIDNIGHT_PEM) {
  const io = captureIo({ now: REFERENCE_NOW, stdin, env });
  const code = await runCli(argv, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

/** Every "N days ago (date …)" of the report: the dates a reader sees beside each count. */
const datesShown = (text: string) =>
  [...text.matchAll(/(?:\d{1,2} \w{3} 20\d\d|20\d\d\/\d\d\/\d\d)(?: \d\d:\d\d (?:UTC[+-]\d\d:\d\d|[A-Z]{2,5}))?/g)].map(
    (m) => m[0],
  );

describe('certcheck diagnose: expiry in the reader’s zone', () => {
  it('a listing’s zoneless server time is shown as written, in any reader’s zone, and says it is the server’s', async () => {
    const listing = [
      'Thumbprint                               Services   NotAfter            Subject',
      '----------                               --------   --------            -------',
      'EB613B4B58AACE84E151A94F9A4CCE15B80BC64B IIS,SMTP   2027/11/20 23:59:59 CN=smtp.contoso.co.jp',
    ].join('\n');
    for (const [zone, lang, want] of [
      ['Asia/Tokyo', 'ja', 'サーバー時刻 2027/11/20 23:59 に期限切れになります'],
      ['America/New_York', 'en', '20 Nov 2027 23:59 server time'],
    ] as const) {
      const { code, out } = await cli(['diagnose', '-', '--now', NOW, '--tz', zone, '--lang', lang], {}, listing);
      assert.equal(code, 0);
      assert.ok(out.includes(want), out);
      // Never converted as if the server's clock were UTC.
      assert.doesNotMatch(out, /2027\/11\/21|21 Nov 2027|20 Nov 2027 18:59/);
    }
  });

  it('two certificates counted the same number of days each keep their own local time in their findings', async () => {
    // Two 12017 warnings: 405 and 412 hours left, so both "expire in 17 days" in UTC, seven hours apart.
    const paste = [412, 405]
      .map(
        (hours, i) =>
          `Log Name: Application\nSource: MSExchangeTransport\nEvent ID: 12017\nLevel: Warning\nComputer: EX0${i + 1}.contoso.com\nDescription:\nAn internal transport certificate will expire soon. Thumbprint:${String(i + 1).repeat(40)}, hours remaining: ${hours}\n`,
      )
      .join('\n');
    const { code, out } = await cli(['diagnose', '-', '--now', NOW, '--tz', 'Asia/Tokyo'], {}, paste);
    assert.equal(code, 0);
    const findings = out.split('\n').filter((line) => line.includes('[CERT_EXPIRING]'));
    const localTime = (hours: number) =>
      DateTime.fromJSDate(REFERENCE_NOW).plus({ hours }).setZone('Asia/Tokyo').toFormat('d LLL yyyy HH:mm');
    assert.ok(
      findings.some((l) => l.includes('1111') && l.includes(`${localTime(412)} JST`)),
      out,
    );
    assert.ok(
      findings.some((l) => l.includes('2222') && l.includes(`${localTime(405)} JST`)),
      out,
    );
  });

  it('--tz Asia/Tokyo: the next day, 08:30 JST, counted as the JSON’s daysLeft (−167); every line says the same', async () => {
    const { code, out } = await cli(['diagnose', '-', '--now', NOW, '--tz', 'Asia/Tokyo']);
    assert.equal(code, 0);
    const lines = out.split('\n');
    // The verdict, the certificate's line and the finding: one date, one count.
    assert.equal(lines[0], '✖ mail.tailspintoys.com expired 167 days ago (15 Jun 2026 08:30 JST)');
    assert.match(out, /CN=mail\.tailspintoys\.com\n {4}expired 167 days ago \(15 Jun 2026 08:30 JST\)\n/);
    assert.match(out, /✖ mail\.tailspintoys\.com expired 167 days ago \(15 Jun 2026 08:30 JST\)\. \[CERT_EXPIRED\]/);
    assert.deepEqual(new Set(datesShown(out)), new Set(['15 Jun 2026 08:30 JST']));
  });

  it('Japanese: 2026/06/15 08:30 JST に期限切れ (167 日経過)', async () => {
    const { out } = await cli(['diagnose', '--lang', 'ja', '--now', NOW, '--tz', 'Asia/Tokyo']);
    assert.equal(out.split('\n')[0], '✖ mail.tailspintoys.com: 2026/06/15 08:30 JST に期限切れ (167 日経過)');
    assert.deepEqual(new Set(datesShown(out)), new Set(['2026/06/15 08:30 JST']));
  });

  it('without --tz: the zone TZ names (Tokyo, London in summer, UTC); TZ=:Zone is read too', async () => {
    // The date is the zone's own; the count is daysLeft in every zone.
    const cases = [
      [{ TZ: 'Asia/Tokyo' }, 'expired 167 days ago (15 Jun 2026 08:30 JST)'],
      [{ TZ: ':Asia/Tokyo' }, 'expired 167 days ago (15 Jun 2026 08:30 JST)'],
      [{ TZ: 'Europe/London' }, 'expired 167 days ago (15 Jun 2026 00:30 BST)'],
      [{ TZ: 'America/New_York' }, 'expired 167 days ago (14 Jun 2026 19:30 EDT)'],
      [{ TZ: 'UTC' }, 'expired 167 days ago (14 Jun 2026 23:30 UTC)'],
    ] as const;
    for (const [env, shown] of cases) {
      const { out } = await cli(['diagnose', '--now', NOW], env);
      assert.equal(out.split('\n')[0], `✖ mail.tailspintoys.com ${shown}`, env.TZ);
    }
    // --tz wins over TZ.
    const { out } = await cli(['diagnose', '--now', NOW, '--tz', 'UTC'], { TZ: 'Asia/Tokyo' });
    assert.match(out, /^✖ mail\.tailspintoys\.com expired 167 days ago \(14 Jun 2026 23:30 UTC\)/);
  });

  it('a TZ that names no zone (a POSIX rule) falls back to the system zone, not to an error', async () => {
    const { code, out, err } = await cli(['diagnose', '--now', NOW], { TZ: 'JST-9' });
    assert.equal(code, 0);
    assert.equal(err, '');
    const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.ok(out.includes(localCountdown(NOT_AFTER, REFERENCE_NOW, 'en', system)), out.split('\n')[0]);
  });

  it('an unknown --tz is one usage line on standard error, exit 1, nothing on standard output', async () => {
    for (const zone of ['Asia/Tokio', 'Tokyo', '+09:00', '']) {
      const { code, out, err } = await cli(['diagnose', '--now', NOW, `--tz=${zone}`]);
      assert.equal(code, 1, zone);
      assert.equal(out, '');
      assert.match(
        err,
        /^certcheck diagnose: --tz takes a time zone name such as Asia\/Tokyo, .* \(usage: certcheck diagnose .*\[--tz ZONE\]\)\n$/,
      );
      assert.equal(err.split('\n').length, 2, 'one line');
    }
  });

  it('--json is untouched by the zone: the UTC instant and the contract’s daysLeft', async () => {
    const utc = JSON.parse((await cli(['diagnose', '--json', '--now', NOW, '--tz', 'UTC'])).out);
    const tokyo = JSON.parse((await cli(['diagnose', '--json', '--now', NOW, '--tz', 'Asia/Tokyo'])).out);
    assert.deepEqual(tokyo, utc);
    assert.equal(tokyo.certificates[0].notAfter, NOT_AFTER);
    assert.equal(tokyo.certificates[0].daysLeft, -167);
    assert.doesNotMatch(JSON.stringify(tokyo), /JST/);
  });
});

describe('the day count is the JSON’s daysLeft in any zone, and the date beside it is the zone’s own', () => {
  // The reply's count and its JSON's daysLeft must never be two numbers for one certificate (the
  // admin reads one, a script the other). daysLeft floors whole days of 24 hours, as the contract says,
  // so the text does too: "expires in 19 days" for 19 days and 21 hours, even where the calendar
  // date is 20 days ahead. Calendar days in the reader's zone had said 20 beside daysLeft 19.
  it('the count is |daysLeft| (hours within a day either side), every 5 hours of a week either side of the expiry', () => {
    const zones = ['Asia/Tokyo', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];
    for (const zone of zones) {
      for (let hour = -24 * 7; hour <= 24 * 7; hour += 5) {
        const now = new Date(Date.parse(NOT_AFTER) + hour * 3_600_000 + 17 * 60_000);
        for (const lang of ['en', 'ja'] as const) {
          const text = localCountdown(NOT_AFTER, now, lang, zone);
          const shown = DateTime.fromISO(NOT_AFTER).setZone(zone);
          const left = daysLeft(NOT_AFTER, now);
          const days = /(\d+) days?|(\d+) 日/.exec(text);
          const count = Number(days?.[1] ?? days?.[2]);
          if (left === 0 || left === -1) assert.match(text, /hour|時間/, `${zone} ${now.toISOString()}: ${text}`);
          else assert.equal(count, Math.abs(left), `${zone} ${now.toISOString()}: ${text}`);
          assert.doesNotMatch(text, /tomorrow/);
          // The shown date is the zone's own.
          const date =
            lang === 'ja' ? shown.toFormat('yyyy/MM/dd HH:mm') : shown.setLocale('en-GB').toFormat('d LLL yyyy HH:mm');
          assert.ok(text.includes(date), `${zone}: ${text}`);
        }
      }
    }
  });

  it('a 25-hour day (clocks put back): 24 hours 10 minutes ahead is daysLeft 1, "in 1 day", never "tomorrow"', () => {
    const now = at('2026-11-01T07:30:00Z'); // 00:30 PDT, the day Los Angeles goes back to PST
    assert.equal(
      localCountdown('2026-11-02T07:40:00Z', now, 'en', 'America/Los_Angeles'),
      'expires in 1 day (1 Nov 2026 23:40 PST)',
    );
    assert.equal(
      localCountdown('2026-11-02T08:40:00Z', now, 'en', 'America/Los_Angeles'),
      'expires in 1 day (2 Nov 2026 00:40 PST)',
    );
  });

  it('a zone without a letter name is written as its offset', () => {
    assert.match(localCountdown(NOT_AFTER, REFERENCE_NOW, 'en', 'Asia/Kathmandu'), /\(15 Jun 2026 05:15 UTC\+05:45\)$/);
  });
});

describe('track, list, remind --dry-run and a tracked paste: the same local date and time', () => {
  const databaseUrl = `file:${tempDatabasePath(join(dir, 'data'))}`;
  const env = { DATABASE_URL: databaseUrl, REMINDER_CHANNEL: 'C0OPS', TZ: 'UTC' };

  it('en: every command says 15 Jun 2026 08:30 JST with --tz Asia/Tokyo', async () => {
    const tracked = await cli(['track', '-', '--tz', 'Asia/Tokyo'], env);
    assert.equal(tracked.code, 0, tracked.err);
    assert.match(
      tracked.out,
      new RegExp(
        `${NEAR_MIDNIGHT_THUMBPRINT} {2}CN=mail\\.tailspintoys\\.com — expired 167 days ago \\(15 Jun 2026 08:30 JST\\)\\n`,
      ),
    );
    const list = await cli(['list', '--now', NOW, '--tz', 'Asia/Tokyo'], env);
    assert.match(
      list.out,
      /CN=mail\.tailspintoys\.com — expired 167 days ago \(15 Jun 2026 08:30 JST\) · reminders in C0OPS/,
    );
    const remind = await cli(['remind', '--dry-run', '--now', NOW, '--tz', 'Asia/Tokyo'], env);
    assert.match(
      remind.out,
      /C0OPS {2}[0-9A-F]{40} {2}CN=mail\.tailspintoys\.com — expired 167 days ago \(15 Jun 2026 08:30 JST\)/,
    );
    // Diagnosing the same certificate again ends with what the store knows, in the same words.
    const diagnosed = await cli(['diagnose', '--now', NOW, '--tz', 'Asia/Tokyo'], env);
    assert.match(
      diagnosed.out,
      /Tracked by certcheck[^\n]*\n {2}CN=mail\.tailspintoys\.com — expired 167 days ago \(15 Jun 2026 08:30 JST\)\n/,
    );
    for (const run of [tracked, list, remind, diagnosed]) assert.doesNotMatch(run.out, /14 Jun/);
    // --json keeps the instant.
    const json = JSON.parse((await cli(['list', '--json', '--now', NOW, '--tz', 'Asia/Tokyo'], env)).out);
    assert.equal(
      json.find((r: { thumbprint: string }) => r.thumbprint === NEAR_MIDNIGHT_THUMBPRINT)?.notAfter,
      NOT_AFTER,
    );
  });

  it('ja (CERTCHECK_LANG=ja): 2026/06/15 08:30 JST, from TZ alone', async () => {
    const ja = { ...env, CERTCHECK_LANG: 'ja', TZ: 'Asia/Tokyo' };
    await withStore(databaseUrl, (store) =>
      store.track(
        aCertificate({
          thumbprint: 'A'.repeat(40),
          subject: 'CN=EX01',
          notAfter: '2026-12-01T23:30:00.000Z',
          channel: 'C0OPS',
        }),
      ),
    );
    const list = await cli(['list', '--now', NOW], ja);
    assert.match(list.out, /CN=mail\.tailspintoys\.com — 2026\/06\/15 08:30 JST に期限切れ \(167 日経過\)/);
    // Tokyo's 28 November, 21:00: the 2nd of December 08:30 is 3 days 11½ hours away. The count is
    // daysLeft (3), as the JSON says, though the calendar shows the date four days on.
    assert.match(list.out, /CN=EX01 \(IIS, SMTP\) — 2026\/12\/02 08:30 JST に期限切れになります \(残り 3 日\)/);
    const remind = await cli(['remind', '--dry-run', '--now', NOW], ja);
    assert.match(remind.out, /2026\/06\/15 08:30 JST に期限切れ \(167 日経過\)/);
    const bad = await cli(['list', '--tz', 'Tokyo'], ja);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /^certcheck list: --tz takes a time zone name/);
  });
});

describe('certcheck probe: what a server presents, in the reader’s zone', () => {
  it('a loopback SMTP server presenting the certificate: 15 Jun 2026 08:30 JST in the text, the instant in --json', async () => {
    const smtp = await startSmtp({ name: 'mail.tailspintoys.com', key: NEAR_MIDNIGHT_KEY, cert: NEAR_MIDNIGHT_PEM });
    try {
      const target = `smtp://127.0.0.1:${smtp.port}`;
      const text = await cli(['probe', target, '--now', NOW, '--tz', 'Asia/Tokyo']);
      assert.equal(text.code, 0, text.err);
      assert.match(text.out.split('\n')[0] ?? '', /expired 167 days ago \(15 Jun 2026 08:30 JST\)$/);
      assert.deepEqual(new Set(datesShown(text.out)), new Set(['15 Jun 2026 08:30 JST']));
      const ja = await cli(['probe', target, '--now', NOW, '--lang', 'ja'], { TZ: 'Asia/Tokyo' });
      assert.match(ja.out, /2026\/06\/15 08:30 JST に期限切れ \(167 日経過\)/);
      const json = JSON.parse((await cli(['probe', target, '--json', '--now', NOW, '--tz', 'Asia/Tokyo'])).out);
      assert.equal(json.endpoints[0].chain[0].notAfter, NOT_AFTER);
    } finally {
      await smtp.close();
    }
  });
});

describe('every command that shows an expiry takes --tz', () => {
  it('diagnose, track, list, remind and probe say so in their usage', async () => {
    for (const command of ['diagnose', 'track', 'list', 'remind', 'probe']) {
      const { out } = await cli([command, '--help']);
      assert.match(out, /\[--tz ZONE\]/, command);
    }
  });

  it('a fixed instant reads the same in any zone: 2026-06-14T23:30Z is never shown as another minute', () => {
    for (const zone of ['Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC']) {
      const text = localCountdown(NOT_AFTER, at('2026-01-01T00:00:00Z'), 'en', zone);
      const [, date, time] = /\((\d+ \w+ \d{4}) (\d\d:\d\d) \w+\)$/.exec(text) ?? [];
      const parsed = DateTime.fromFormat(`${date} ${time}`, 'd LLL yyyy HH:mm', { zone, locale: 'en-GB' });
      assert.equal(parsed.toUTC().toISO(), '2026-06-14T23:30:00.000Z', `${zone}: ${text}`);
    }
  });
});
