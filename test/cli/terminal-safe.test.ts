import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import forge from 'node-forge';
import { runCli } from '../../src/cli/run-cli.js';
import { terminalSafe, terminalSafeJson } from '../../src/cli/terminal-safe.js';
import { diagnose } from '../../src/core/diagnose.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

const dir = tempDir('terminal-safe');

/** Every control character a terminal could act on: all C0 but newline and tab, DEL, all C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const LIVE_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** The only escape sequences the coloured report may print: its own SGR colours. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the report's own colour codes.
const OWN_COLOURS = /\u001b\[\d+m/g;

/** A CN that retitles the window, clears the screen, hides text and starts a C1 CSI. */
const HOSTILE_CN = 'mail.contoso.com\u001b]0;owned\u0007\u001b[2J\u001b[8mhidden\u009b31m\rX';

/** A real self-signed certificate whose subject carries HOSTILE_CN (certificate names are not pastes' text). */
function hostileCertificate(): string {
  const keys = forge.pki.rsa.generateKeyPair(1024);
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2026-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2026-12-20T00:00:00Z');
  const name: forge.pki.CertificateField[] = [{ name: 'commonName', value: HOSTILE_CN }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(keys.privateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

describe('terminalSafe', () => {
  test('removes CSI, OSC (with BEL or ST), C1 CSI, other escapes and stray controls; keeps newline, tab and text', () => {
    assert.equal(terminalSafe('CN=a\u001b[31mred\u001b[0m b'), 'CN=ared b');
    assert.equal(terminalSafe('x\u001b]0;title\u0007y'), 'xy');
    assert.equal(terminalSafe('x\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\y'), 'xlinky');
    assert.equal(terminalSafe('p\u009b2Jq\u009d0;t\u009cr'), 'pqr');
    assert.equal(terminalSafe('e\u001bcf\u001b(Bg'), 'efg');
    assert.equal(terminalSafe('a\rb\u0000c\u007fd\u0085e'), 'abcde');
    assert.equal(terminalSafe('line 1\n\tline 2 証明書 ✔'), 'line 1\n\tline 2 証明書 ✔');
    // An unterminated OSC ends at the line, not at the end of the text.
    assert.equal(terminalSafe('z\u001b]unterminated\nnext'), 'z\nnext');
  });

  test('JSON keeps the value and escapes C1 controls too', () => {
    const value = { subject: 'a\u009bb\u001bc' };
    const json = terminalSafeJson(value);
    assert.doesNotMatch(json, LIVE_CONTROL);
    assert.deepEqual(JSON.parse(json), value);
  });

  test('stays linear on a megabyte of escape starts', () => {
    for (const unit of ['\u001b[', '\u001b]', '\u001b', '\u009b']) {
      const started = performance.now();
      assert.equal(terminalSafe(unit.repeat(512 * 1024)), '');
      assert.ok(performance.now() - started < 2000, unit);
    }
  });
});

describe('the CLI prints no control sequence from a certificate', () => {
  const pem = hostileCertificate();
  const env = { DATABASE_URL: `file:${tempDatabasePath(join(dir, 'data'))}` };
  const run = async (argv: string[], options: { stdin?: string; tty?: boolean } = {}) => {
    const io = captureIo({ now: REFERENCE_NOW, env, ...(options.stdin !== undefined && { stdin: options.stdin }) });
    io.isTTY = options.tty ?? false;
    const code = await runCli(argv, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  };

  test('the core does hand the CLI a subject with controls in it (the control case)', () => {
    const subject = diagnose(pem, { now: REFERENCE_NOW }).certificates[0]?.subject ?? '';
    assert.match(subject, LIVE_CONTROL);
  });

  test('diagnose: plain and coloured text carry only the report’s own colours; --json keeps the value', async () => {
    const plain = await run(['diagnose'], { stdin: pem });
    assert.equal(plain.code, 0);
    assert.match(plain.out, /mail\.contoso\.com/);
    assert.doesNotMatch(plain.out, LIVE_CONTROL);
    const coloured = await run(['diagnose'], { stdin: pem, tty: true });
    assert.match(coloured.out, OWN_COLOURS, 'the control: colours are on');
    assert.doesNotMatch(coloured.out.replace(OWN_COLOURS, ''), LIVE_CONTROL);
    const json = await run(['diagnose', '--json'], { stdin: pem });
    assert.doesNotMatch(json.out, LIVE_CONTROL);
    assert.deepEqual(JSON.parse(json.out), JSON.parse(JSON.stringify(diagnose(pem, { now: REFERENCE_NOW }))));
  });

  test('track, list and untrack print the stored subject without its controls', async () => {
    const tracked = await run(['track', '--channel', 'C0123'], { stdin: pem });
    assert.equal(tracked.code, 0, tracked.err);
    const trackedJson = await run(['track', '--json'], { stdin: pem });
    const listed = await run(['list']);
    const listedJson = await run(['list', '--json']);
    const thumbprint = (JSON.parse(listedJson.out) as { thumbprint: string }[])[0]?.thumbprint ?? '';
    const untracked = await run(['untrack', thumbprint]);
    for (const output of [tracked, trackedJson, listed, listedJson, untracked]) {
      assert.match(output.out, /mail\.contoso\.com/);
      assert.doesNotMatch(output.out + output.err, LIVE_CONTROL, output.out);
    }
  });
});
