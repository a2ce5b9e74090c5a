import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../helpers/cli-io.js';
import {
  chainPem,
  expiredIntermediate,
  expiredLeaf,
  goodLeaf,
  leafUnderExpired,
  NOW,
  validIntermediate,
} from './fixtures.js';
import { startLineServer, startSmtp, type TestServer } from './helpers/servers.js';

describe('certcheck probe: text output, usage, limits', () => {
  let smtp: TestServer;
  let slow: TestServer;
  let expired: TestServer;
  before(async () => {
    expired = await startSmtp({
      name: 'owa.contoso.com',
      key: expiredLeaf.keyPem,
      cert: chainPem(expiredLeaf, validIntermediate),
    });
    smtp = await startSmtp({
      name: 'mail.contoso.com',
      key: leafUnderExpired.keyPem,
      cert: chainPem(leafUnderExpired, expiredIntermediate),
    });
    // Greets, then holds every connection until the probe leaves: counts how many are open at once.
    slow = await startLineServer({
      key: goodLeaf.keyPem,
      cert: chainPem(goodLeaf, validIntermediate),
      greet: (socket) => setTimeout(() => socket.write('+OK ready\r\n'), 40),
      answer: (line) =>
        line === 'CAPA'
          ? { reply: '+OK\r\nSTLS\r\n.\r\n' }
          : line === 'STLS'
            ? { reply: '+OK go\r\n', upgrade: true }
            : undefined,
    });
  });
  after(async () => {
    await Promise.all([smtp.close(), slow.close(), expired.close()]);
  });

  it('prints the verdict, the greeting, the chain and the findings like diagnose', async () => {
    const io = captureIo({ now: NOW });
    assert.equal(await runCli(['probe', `smtp://127.0.0.1:${smtp.port}`], io), 0);
    const text = io.out.join('');
    const lines = text.split('\n');
    assert.equal(lines[0], `✖ smtp://127.0.0.1:${smtp.port}: Contoso Issuing CA 1 expired 8 days ago (30 Nov 2026 00:00 UTC)`);
    assert.match(lines[1] ?? '', /^ {2}greeting: 220 mail\.contoso\.com ESMTP Microsoft ESMTP MAIL Service ready$/);
    assert.match(text, /CN=mail\.contoso\.com\n\s+expires in 175 days \(1 Jun 2027 00:00 UTC\)/);
    assert.match(text, /\[CERT_EXPIRED\]/);
    assert.match(text, new RegExp(`smtp://127\\.0\\.0\\.1:${smtp.port} · STARTTLS offered · TLSv1\\.3`));
    assert.ok(!text.includes('\u001b['), 'no colours when not on a terminal');
  });

  it('an expired leaf: the text report gives the renewal steps; the JSON, per the contract, has none', async () => {
    const io = captureIo({ now: NOW });
    assert.equal(await runCli(['probe', `smtp://127.0.0.1:${expired.port}`], io), 0);
    const text = io.out.join('');
    assert.match(text, /\nFix\n {2}1\. /);
    assert.match(text, /New-ExchangeCertificate .*-GenerateRequest|Get-ExchangeCertificate/);
    const json = captureIo({ now: NOW });
    assert.equal(await runCli(['probe', '--json', `smtp://127.0.0.1:${expired.port}`], json), 0);
    const [endpoint] = (JSON.parse(json.out.join('')) as { endpoints: Record<string, unknown>[] }).endpoints;
    assert.ok(endpoint && !('steps' in endpoint));
    assert.equal((endpoint.findings as { code: string }[])[0]?.code, 'CERT_EXPIRED');
  });

  it('--lang ja answers in Japanese', async () => {
    const io = captureIo({ now: NOW });
    assert.equal(await runCli(['probe', '--lang', 'ja', `smtp://127.0.0.1:${smtp.port}`], io), 0);
    const text = io.out.join('');
    assert.match(text, /グリーティング: 220 mail\.contoso\.com/);
    assert.match(text, /提示されたチェーンの中間証明書: Contoso Issuing CA 1: 2026\/11\/30 00:00 UTC に期限切れ \(8 日経過\)/);
    assert.match(text, /STARTTLS 提供あり/);
  });

  it('usage errors: one clear line and exit 1, nothing probed', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give at least one TARGET/],
      [['ftp://mail.contoso.com'], /'ftp:\/\/' is not a probe scheme/],
      [
        ['--timeout', 'soon', 'mail.contoso.com'],
        /--timeout takes a whole number of milliseconds from 1 to 600000, not 'soon'/,
      ],
      [['--concurrency', '0', 'mail.contoso.com'], /--concurrency takes a whole number/],
      [['--now', 'yesterday', 'mail.contoso.com'], /--now takes an ISO-8601 time/],
      [['--lang', 'fr', 'mail.contoso.com'], /--lang takes en or ja/],
    ];
    for (const [args, message] of cases) {
      const io = captureIo({ now: NOW });
      assert.equal(await runCli(['probe', ...args], io), 1, args.join(' '));
      assert.deepEqual(io.out, []);
      assert.match(io.err.join(''), message);
      assert.match(io.err.join(''), /\(usage: certcheck probe TARGET… /);
    }
  });

  it('--concurrency bounds the connections open at once', async () => {
    const io = captureIo({ now: NOW });
    const targets = Array.from({ length: 8 }, () => `pop3://127.0.0.1:${slow.port}`);
    assert.equal(await runCli(['probe', '--json', '--concurrency', '2', ...targets], io), 0);
    const { endpoints } = JSON.parse(io.out.join('')) as { endpoints: { startTls: boolean }[] };
    assert.equal(endpoints.length, 8);
    assert.ok(endpoints.every((e) => e.startTls === true));
    assert.equal(slow.connections, 8);
    // The server may notice a finished probe's close just after the next one connects: one extra at most,
    // where an unbounded run would hold all eight open (the pool itself is counted exactly in pool.test.ts).
    assert.ok(slow.peak <= 3, `peak ${slow.peak}`);
  });

  it('the real process exits cleanly after STARTTLS upgrades (TLS socket closed before the raw one)', async () => {
    const cli = new URL('../../src/cli.ts', import.meta.url).pathname;
    const targets = Array.from({ length: 5 }, () => `smtp://127.0.0.1:${smtp.port}`);
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, 'probe', '--json', '--now', NOW.toISOString(), ...targets],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, err);
    assert.equal(err, '');
    const { endpoints } = JSON.parse(out) as { endpoints: { chain: unknown[] }[] };
    assert.deepEqual(
      endpoints.map((e) => e.chain.length),
      [2, 2, 2, 2, 2],
    );
  });
});
