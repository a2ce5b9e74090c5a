import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { diagnosisSchema } from '../../src/core/model.js';
import { at, REFERENCE_NOW } from '../helpers/clock.js';
import { corpusProblems, type Expectation } from '../helpers/corpus-expectations.js';

const corpusDir = new URL('../fixtures/corpus/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(`${name}.txt`, corpusDir), 'utf8');
const expectation = (name: string) =>
  JSON.parse(readFileSync(new URL(`${name}.expect.json`, corpusDir), 'utf8')) as Expectation;
const names = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

/** What Slack and e-mail do to a paste; every sample must survive each. */
const mangles: { name: string; mangle: (s: string) => string }[] = [
  { name: 'CRLF line endings', mangle: (s) => s.replace(/\n/g, '\r\n') },
  { name: 'inside a code fence', mangle: (s) => `\`\`\`\n${s}\n\`\`\`` },
  {
    name: 'HTML-escaped by Slack',
    mangle: (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  },
  {
    name: 'with a question around it',
    mangle: (s) => `Hi all, we see this since this morning, any idea?\n\n${s}\n\nthanks!`,
  },
];

describe('the corpus survives what Slack does to a paste', () => {
  for (const name of names) {
    for (const { name: how, mangle } of mangles) {
      it(`${name} ${how}`, () => {
        const d = diagnose(mangle(sample(name)), { now: REFERENCE_NOW });
        const { language, ...rest } = expectation(name);
        const expect = how.startsWith('with a question') ? { ...rest } : { ...rest, ...(language && { language }) };
        assert.deepEqual(corpusProblems(d, expect, JSON.stringify(d)), []);
      });
    }
  }
});

describe('diagnose', () => {
  it('follows the paste language, then the caller default, and --lang overrides both', () => {
    assert.equal(diagnose(sample('s02-e2007-edge-12015-12014-ja'), { now: REFERENCE_NOW }).language, 'ja');
    assert.equal(diagnose(sample('s03-e2010-edge-12014-fqdn'), { now: REFERENCE_NOW }).language, 'en');
    assert.equal(
      diagnose(sample('s03-e2010-edge-12014-fqdn'), { now: REFERENCE_NOW, defaultLanguage: 'ja' }).language,
      'ja',
    );
    assert.equal(diagnose(sample('s02-e2007-edge-12015-12014-ja'), { now: REFERENCE_NOW, lang: 'en' }).language, 'en');
  });

  it('answers in Japanese when the paste is Japanese: findings, summary and step titles', () => {
    const d = diagnose(sample('s02-e2007-edge-12015-12014-ja'), { now: REFERENCE_NOW });
    assert.match(d.summary, /[\u3040-\u30ff\u4e00-\u9fff]/);
    for (const f of d.findings) assert.match(f.message, /[\u3040-\u30ff\u4e00-\u9fff]/, f.code);
    for (const s of d.steps) assert.match(s.title, /[\u3040-\u30ff\u4e00-\u9fff]/, s.title);
  });

  it('fills steps with the values from the paste and keeps placeholders visible', () => {
    const d = diagnose(sample('s07-e2016-frontend-12014-tlscertname'), { now: REFERENCE_NOW });
    const commands = d.steps.map((s) => s.command ?? '').join('\n');
    // The connector the event names, by name; the pin built in the same block from the renewed certificate.
    assert.match(
      commands,
      /\$c = Get-ExchangeCertificate -Thumbprint <new thumbprint>\nSet-ReceiveConnector 'EXHYB01\\Default Frontend EXHYB01' -TlsCertificateName "<I>\$\(\$c\.Issuer\)<S>\$\(\$c\.Subject\)"/,
    );
    // SMTP is enabled on it before any connector is pointed at it.
    const enable = d.steps.findIndex((s) => s.id === 'enable-smtp-new');
    const pin = d.steps.findIndex((s) => s.id === 'set-receive-pin');
    assert.ok(enable >= 0 && enable < pin);
    assert.doesNotMatch(commands, /\{\w+\}/, 'no unfilled template field');
    assert.equal(d.exchangeVersion, '2013+');
  });

  it('gives the Exchange 2007 procedure of KB 953354 for a Windows 2003 event', () => {
    const d = diagnose(sample('s01-e2007-hub-12015'), { now: REFERENCE_NOW });
    assert.equal(d.exchangeVersion, '2007');
    const commands = d.steps.map((s) => s.command ?? '').join('\n');
    // A Hub's new certificate reaches its Edges through EdgeSync: no re-subscription from the Hub.
    assert.doesNotMatch(commands, /New-EdgeSubscription/);
    const edge = diagnose(sample('s02-e2007-edge-12015-12014-ja'), { now: REFERENCE_NOW, lang: 'en' });
    const edgeCommands = edge.steps.map((s) => s.command ?? '').join('\n');
    // One block per server: the Edge exports, the Hub imports (Exchange 2007: -FileName on both sides).
    const exportStep = edge.steps.find((s) => s.id === 'edge-new-subscription');
    const importStep = edge.steps.find((s) => s.id === 'hub-import-subscription');
    assert.equal(exportStep?.command, "New-EdgeSubscription -FileName 'C:\\EdgeSubscription.xml'");
    assert.match(importStep?.command ?? '', /^New-EdgeSubscription -FileName 'C:\\EdgeSubscription.xml' -Site /);
    assert.equal(exportStep?.server, 'EDGE01');
    assert.equal(importStep?.server, undefined, 'the Hub is another server');
    // KB 953354 names the Edge's ADAM service by its display name; ADAM_MSExchange is verified only from 2013 code.
    assert.match(edgeCommands, /Restart-Service -DisplayName 'Microsoft Exchange ADAM'/);
    // Removing the old certificate comes after the new one is in place and the Edge re-subscribed; checks last.
    const removal = edge.steps.findIndex((s) => s.id === 'remove-old');
    assert.ok(removal > edge.steps.findIndex((s) => s.id === 'edge-restart-adam'));
    assert.ok(edge.steps.slice(removal + 1).every((s) => s.id?.startsWith('verify-')));
    // KB 953354's Client Access step comes back only where IIS served the expired certificate, after the step that shows it.
    const iis = d.steps.findIndex((s) => s.command?.includes('-Services IIS'));
    assert.equal(d.steps[iis]?.when, 'iisServedByExpiredSetupCert');
    assert.ok(d.steps.findIndex((s) => s.id === 'show-iis-binding-2007') < iis);
    assert.match(commands, /Enable-ExchangeCertificate -Thumbprint <new thumbprint> -Services IIS/);
    assert.doesNotMatch(commands, /-FileData/);
    assert.ok(d.references.some((r) => r.includes('KB 953354')));
  });

  it('counts days with floor((notAfter - now) / 1 day)', () => {
    const pem = sample('p03-pem-leaf-expiring-soon');
    assert.equal(diagnose(pem, { now: at('2026-12-09T00:00:01Z') }).certificates[0]?.daysLeft, 0);
    assert.equal(diagnose(pem, { now: at('2026-12-10T00:00:01Z') }).certificates[0]?.daysLeft, -1);
    assert.equal(diagnose(pem, { now: at('2026-11-09T23:59:59Z') }).certificates[0]?.daysLeft, 30);
  });

  it('honours warnDays', () => {
    const pem = sample('p03-pem-leaf-expiring-soon');
    const codes = (warnDays: number) => diagnose(pem, { now: REFERENCE_NOW, warnDays }).findings.map((f) => f.code);
    assert.ok(codes(30).includes('CERT_EXPIRING'));
    assert.ok(!codes(5).includes('CERT_EXPIRING'));
  });

  it('never echoes a pasted private key and still diagnoses the certificate', () => {
    const text = sample('p08-pem-with-private-key');
    const d = diagnose(text, { now: REFERENCE_NOW });
    const keyLines =
      text
        .split('-----BEGIN PRIVATE KEY-----')[1]
        ?.split('\n')
        .filter((l) => l.length > 40) ?? [];
    assert.ok(keyLines.length > 10);
    const json = JSON.stringify(d);
    for (const line of keyLines) assert.ok(!json.includes(line));
    assert.equal(d.findings[0]?.code, 'PRIVATE_KEY_IN_INPUT');
    assert.ok(d.certificates.length === 1);
  });

  it('answers an oversized paste with a finding, quickly', () => {
    const huge = `${sample('s03-e2010-edge-12014-fqdn')}\n${'x'.repeat(1024 * 1024 + 10)}`;
    const start = performance.now();
    const d = diagnose(huge, { now: REFERENCE_NOW });
    assert.ok(performance.now() - start < 5000);
    assert.ok(d.findings.some((f) => f.code === 'INPUT_TOO_LARGE'));
    assert.ok(
      d.events.some((e) => e.id === 12014),
      'the first MiB is still diagnosed',
    );
  });

  it('says what can be pasted when nothing is recognised', () => {
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose('hello, is the mail server down?', { now: REFERENCE_NOW, lang });
      assert.deepEqual(d.inputKinds, ['unknown']);
      assert.equal(d.findings[0]?.code, 'UNRECOGNIZED_INPUT');
      assert.match(d.findings[0]?.message ?? '', /Get-ExchangeCertificate/);
      diagnosisSchema.parse(d);
    }
  });

  it('reports a domain no pasted certificate covers, honouring wildcards', () => {
    const event = sample('s03-e2010-edge-12014-fqdn');
    const pem = sample('p03-pem-leaf-expiring-soon');
    const codes = diagnose(`${event}\n${pem}`, { now: REFERENCE_NOW }).findings.map((f) => f.code);
    assert.ok(codes.includes('DOMAIN_MISMATCH'));
  });
});

describe('answers an admin would check (walkthrough review)', () => {
  const certs = new URL('../fixtures/certs/', import.meta.url);

  it('a self-signed server certificate marked CA:TRUE (openssl req -x509) still gets renewal steps', () => {
    const d = diagnose(readFileSync(new URL('selfsigned-server-ca-true.pem', certs), 'utf8'), { now: REFERENCE_NOW });
    assert.equal(d.certificates[0]?.role, 'self-signed');
    assert.ok(d.findings.some((f) => f.code === 'SELF_SIGNED'));
    assert.ok(d.steps.some((s) => s.command?.includes('New-ExchangeCertificate')));
  });

  it('never invents the services to enable: unknown services stay a placeholder', () => {
    const d = diagnose(sample('p03-pem-leaf-expiring-soon'), { now: REFERENCE_NOW });
    const enable = d.steps.find((s) => s.command?.startsWith('Enable-ExchangeCertificate'));
    assert.match(enable?.command ?? '', /-Services <services>/);
  });

  it('an Edge gets no Client Access step, and Edge steps are not pinned on a Hub', () => {
    const edge = diagnose(sample('s02-e2007-edge-12015-12014-ja'), { now: REFERENCE_NOW });
    assert.ok(!edge.steps.some((s) => s.role === 'cas'));
    const hub = diagnose(sample('s01-e2007-hub-12015'), { now: REFERENCE_NOW });
    for (const step of hub.steps.filter((s) => s.role === 'edge')) assert.equal(step.server, undefined, step.title);
  });

  it('a certificate serving IIS/POP/IMAP is no Edge: no re-subscription step', () => {
    const d = diagnose(sample('s18-fl-expired-default-cert'), { now: REFERENCE_NOW });
    assert.ok(!d.steps.some((s) => s.command?.includes('New-EdgeSubscription')));
  });

  it('a Japanese reply says its placeholders and command comments in Japanese', () => {
    const d = diagnose(sample('s02-e2007-edge-12015-12014-ja'), { now: REFERENCE_NOW });
    const commands = d.steps.map((s) => s.command ?? '').join('\n');
    assert.match(commands, /<AD サイト>/);
    assert.match(commands, /<新しい証明書の拇印>/);
    assert.doesNotMatch(commands, /<(new thumbprint|thumbprint from the list|AD site)>|# on the/);
    // No stray space between a Japanese word and its particle.
    for (const step of d.steps) assert.doesNotMatch(step.title, /[ァ-ヶー一-龠] [をにでがはとの]/, step.title);
  });

  it('placeholders inside commands are Japanese in a Japanese plan with a listed certificate', () => {
    const d = diagnose(sample('s03-e2010-edge-12014-fqdn'), { now: REFERENCE_NOW, lang: 'ja' });
    const commands = d.steps.map((s) => s.command ?? '').join('\n');
    assert.match(commands, /<一覧に表示された拇印>/);
  });

  it('a STARTTLS certificate expiring (12018) gets only the STARTTLS procedure: N to the overwrite prompt, no removal of a valid certificate, checks last', () => {
    const d = diagnose(sample('s06-e2013-12018-starttls-expiring'), { now: REFERENCE_NOW });
    const text = d.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');
    assert.doesNotMatch(text, /internal transport certificate\)|answer Y/);
    // A certificate that has not expired yet may still serve something: it is not removed; checks come last.
    assert.ok(!d.steps.some((s) => s.command?.startsWith('Remove-ExchangeCertificate')));
    assert.ok(d.steps.at(-1)?.id?.startsWith('verify-'), 'the plan ends with a check');
  });

  it('a bare certificate is not assumed to be the internal transport certificate', () => {
    const d = diagnose(sample('s22-pem-ex2016-default-cert'), { now: REFERENCE_NOW });
    // The fact that decides the overwrite prompt is shown first; each outcome has its own step and one answer.
    const show = d.steps.findIndex((s) => s.id === 'show-internal-transport');
    const yes = d.steps.findIndex((s) => s.when === 'isInternalTransport');
    const no = d.steps.findIndex((s) => s.when === '!isInternalTransport');
    assert.ok(show >= 0 && show < yes && show < no);
    assert.match(d.steps[yes]?.title ?? '', /answer Y/);
    assert.doesNotMatch(d.steps[yes]?.title ?? '', /answer N/);
    assert.match(d.steps[no]?.title ?? '', /answer N/);
    assert.doesNotMatch(d.steps[no]?.title ?? '', /answer Y/);
  });

  it('binary bytes decoded as text do not make the answer Japanese', () => {
    const noise = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 500), 0xfffd)).join(
      '',
    );
    assert.equal(diagnose(noise, { now: REFERENCE_NOW }).language, 'en');
    assert.equal(diagnose('Our OWA shows 証明書 errors since today', { now: REFERENCE_NOW }).language, 'ja');
    assert.equal(diagnose('Cert for 東 region expired', { now: REFERENCE_NOW }).language, 'en');
  });
});

describe('Get-ExchangeCertificate from several servers (Invoke-Command, PSComputerName)', () => {
  const text = readFileSync(new URL('../fixtures/multi-server-fl.txt', import.meta.url), 'utf8');
  const d = diagnose(text, { now: REFERENCE_NOW });
  const byThumbprint = (t: string) => d.certificates.find((c) => c.thumbprint === t);

  it('keeps which server holds each copy, and one entry for a certificate on two servers', () => {
    assert.deepEqual(byThumbprint('0A1B2C3D4E5F60718293A4B5C6D7E8F901234567')?.servers, ['EX01']);
    assert.deepEqual(byThumbprint('89ABCDEF0123456789ABCDEF0123456789ABCDEF')?.servers, ['EX02']);
    assert.deepEqual(byThumbprint('2747582B9132F38EB2A0BE075A1C964195851AF1')?.servers, ['EX02', 'EX01']);
    assert.equal(d.certificates.length, 3);
  });

  it('names the server in each finding, so two copies of mail.contoso.com are told apart', () => {
    const expired = d.findings.find((f) => f.code === 'CERT_EXPIRED');
    const expiring = d.findings.find((f) => f.code === 'CERT_EXPIRING');
    assert.match(expired?.message ?? '', /mail\.contoso\.com \(EX01\)/);
    assert.match(expiring?.message ?? '', /mail\.contoso\.com \(EX02\)/);
  });
});
