import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { renderReport } from '../../src/cli/report.js';
import { runCli } from '../../src/cli/run-cli.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { transportDiagnosis } from '../helpers/diagnoses.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/corpus/${name}.txt`, import.meta.url));
const NOW = ['--now', REFERENCE_NOW.toISOString()];

describe('certcheck diagnose', () => {
  it('prints a readable report by default: verdict first, then what is wrong and numbered steps', async () => {
    const io = captureIo({ now: REFERENCE_NOW });
    assert.equal(await runCli(['diagnose', ...NOW, fixture('s01-e2007-hub-12015')], io), 0);
    const out = io.out.join('');
    assert.match(out.split('\n')[0] ?? '', /Transport certificate expired on HUB01/);
    assert.match(out, /What is wrong/);
    assert.match(out, /\n {2}1\. On HUB01: /);
    assert.match(out, /\d\. On HUB01: create a new self-signed certificate/);
    assert.match(out, /New-ExchangeCertificate -DomainName <FQDN of HUB01>/);
    assert.ok(!out.includes('\u001b['), 'no colours when not on a terminal');
    assert.throws(() => JSON.parse(out));
  });

  it('says where to run a step as Slack does: the server alone for any server, nothing for neither', () => {
    for (const [lang, onServer, edge] of [
      ['en', 'on HUB2010', 'on EDGE01 (Edge Transport)'],
      ['ja', 'HUB2010 で実行', 'EDGE01 (エッジ トランスポート) で実行'],
    ] as const) {
      const d = transportDiagnosis(lang, REFERENCE_NOW, 0);
      d.steps = [
        { title: 'A', role: 'any', server: 'HUB2010' },
        { title: 'B', role: 'any' },
        { title: 'C', role: 'edge', server: 'EDGE01' },
      ];
      const report = renderReport(d, { color: false, timeZone: 'UTC' });
      assert.ok(report.includes(`  1. A\n     📍 ${onServer}\n  2. B\n  3. C\n     📍 ${edge}\n`), report);
      assert.doesNotMatch(report, /any server|任意のサーバー/, lang);
    }
  });

  it('reads standard input with - and answers in Japanese with --lang ja', async () => {
    const io = captureIo({ now: REFERENCE_NOW, stdin: readFileSync(fixture('s03-e2010-edge-12014-fqdn'), 'utf8') });
    assert.equal(await runCli(['diagnose', '-', '--json', '--lang', 'ja', ...NOW], io), 0);
    const d = JSON.parse(io.out.join(''));
    assert.equal(d.language, 'ja');
    assert.equal(d.events[0].fqdn, 'mail.contoso.com');
  });

  it('exits 0 with a finding for unrecognised input', async () => {
    const io = captureIo({ now: REFERENCE_NOW, stdin: 'no idea what this is' });
    assert.equal(await runCli(['diagnose', '--json', ...NOW], io), 0);
    assert.equal(JSON.parse(io.out.join('')).findings[0].code, 'UNRECOGNIZED_INPUT');
  });

  const usageErrors: { name: string; args: string[]; stderr: RegExp }[] = [
    {
      name: 'a file that cannot be read',
      args: ['/no/such/file.txt'],
      stderr: /cannot read \/no\/such\/file.txt: no such file \(ENOENT\)/,
    },
    { name: 'a bad --lang', args: ['--lang', 'fr', fixture('s01-e2007-hub-12015')], stderr: /--lang takes en or ja/ },
    {
      name: 'a bad --now',
      args: ['--now', 'yesterday', fixture('s01-e2007-hub-12015')],
      stderr: /--now takes an ISO-8601 time/,
    },
    {
      name: 'a bad --warn-days',
      args: ['--warn-days', 'soon', fixture('s01-e2007-hub-12015')],
      stderr: /--warn-days takes a whole number/,
    },
    {
      name: 'an unknown option',
      args: ['--colour', fixture('s01-e2007-hub-12015')],
      stderr: /unknown option --colour \(usage: certcheck diagnose/,
    },
  ];
  for (const row of usageErrors) {
    it(`exits 1 with one clear line for ${row.name}`, async () => {
      const io = captureIo({ now: REFERENCE_NOW });
      assert.equal(await runCli(['diagnose', ...row.args], io), 1);
      assert.match(io.err.join(''), row.stderr);
      assert.equal(io.err.join('').trimEnd().split('\n').length, 1, 'one line');
      assert.equal(io.out.join(''), '');
    });
  }

  it('is the installed `certcheck` binary (built on npm ci)', {
    skip: !existsSync('dist/cli.js') && 'not built',
  }, () => {
    const run = spawnSync(
      process.execPath,
      ['dist/cli.js', 'diagnose', '--json', ...NOW, fixture('p03-pem-leaf-expiring-soon')],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).certificates[0].daysLeft, 11);
  });

  it('--help shows the usage and exits 0', async () => {
    const io = captureIo({ now: REFERENCE_NOW });
    assert.equal(await runCli(['diagnose', '--help'], io), 0);
    assert.match(io.out.join(''), /usage: certcheck diagnose \[FILE \| -\]/);
  });

  it('reads a file Windows PowerShell wrote (UTF-16LE) and a binary .cer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certcheck-cli-'));
    try {
      const fl = readFileSync(fixture('s18-fl-expired-default-cert'), 'utf8');
      writeFileSync(join(dir, 'fl.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fl, 'utf16le')]));
      const pem = readFileSync(fixture('p03-pem-leaf-expiring-soon'), 'utf8');
      writeFileSync(join(dir, 'owa.cer'), Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
      for (const [file, thumbprint] of [
        ['fl.txt', '2747582B9132F38EB2A0BE075A1C964195851AF1'],
        ['owa.cer', '896777B6CA9D0066DB7463DB76DA36DD6241D5D5'],
      ] as const) {
        const io = captureIo({ now: REFERENCE_NOW });
        assert.equal(await runCli(['diagnose', '--json', ...NOW, join(dir, file)], io), 0);
        assert.equal(JSON.parse(io.out.join('')).certificates[0].thumbprint, thumbprint, file);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to end a paste when standard input is a terminal', async () => {
    const io = { ...captureIo({ now: REFERENCE_NOW, stdin: '12015' }), stdinIsTTY: true };
    assert.equal(await runCli(['diagnose', '--json', ...NOW], io), 0);
    assert.match(io.err.join(''), /Ctrl-D/);
  });
});
