import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const now = new Date('2026-11-28T12:00:00Z');
const paste = readFileSync(
  join('test', 'fixtures', 'corpus-extra', 'z12-e2019-openssl-port25-selfsigned-default-frontend.txt'),
  'utf8',
);
const commandsOf = (text: string, lang: 'en' | 'ja' = 'en') =>
  diagnose(text, { now, lang })
    .steps.map((s) => s.command ?? '')
    .join('\n');

describe('port 25 presents a self-signed certificate (openssl s_client -starttls smtp)', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`is a warning, not "normal", and its plan presents the CA certificate on Default Frontend (${lang})`, () => {
      const d = diagnose(paste, { now, lang });
      const finding = d.findings.find((f) => f.code === 'SELF_SIGNED');
      assert.equal(finding?.severity, 'warning');
      assert.match(finding?.message ?? '', /25/);
      assert.doesNotMatch(finding?.message ?? '', /normal|通常の状態/);
      assert.deepEqual(
        d.steps.map((s) => s.id),
        ['enable-smtp-ca', 'set-frontend-pin-ca', 'restart-frontend-for-pin', 'verify-starttls-probe'],
      );
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      assert.match(
        commands,
        /Enable-ExchangeCertificate -Thumbprint 9EFCC94E528C1C76817A78C017CED25E94A2DDF9 -Services SMTP/,
      );
      // The pin is read from the certificate in the same block that sets it.
      assert.match(
        commands,
        /\$c = Get-ExchangeCertificate -Thumbprint 9EFCC94E528C1C76817A78C017CED25E94A2DDF9\nSet-ReceiveConnector 'EX19-01\\Default Frontend EX19-01' -TlsCertificateName "<I>\$\(\$c\.Issuer\)<S>\$\(\$c\.Subject\)"/,
      );
      assert.match(commands, /certcheck probe mail\.relecloud\.com:25/);
      assert.doesNotMatch(commands, /Remove-ExchangeCertificate|New-ExchangeCertificate|-Services IIS/);
      assert.match(d.summary, /EX19-01/);
    });
  }

  it('lists the candidates first when the paste shows no CA certificate for the name', () => {
    const withoutList = paste.slice(0, paste.indexOf('[PS] C:\\Windows\\system32>Get-ExchangeCertificate'));
    const d = diagnose(withoutList, { now, lang: 'en' });
    const ids = d.steps.map((s) => s.id);
    assert.equal(ids[0], 'show-smtp-candidates');
    assert.match(d.steps.map((s) => s.command ?? '').join('\n'), /-Thumbprint <new thumbprint> -Services SMTP/);
  });

  it('on Exchange 2010 shows the connector FQDNs instead of a TlsCertificateName it does not have', () => {
    const e2010 = paste
      .replace('Exchange 2019 CU14', 'Exchange 2010 SP3')
      .replaceAll('Default Frontend', 'Default')
      .replace(/^8E38553E.*\n?/m, '');
    const commands = commandsOf(e2010);
    assert.match(commands, /Get-ReceiveConnector \| ft Identity,Fqdn,Bindings/);
    assert.doesNotMatch(commands, /TlsCertificateName|MSExchangeFrontEndTransport/);
    assert.match(commands, /Restart-Service MSExchangeTransport/);
  });

  it("keeps Setup's certificate normal on port 25 when the server is reached by its own name", () => {
    const internal = paste.replaceAll('mail.relecloud.com:25', 'ex19-01.relecloud.local:25');
    const d = diagnose(internal, { now, lang: 'en' });
    assert.equal(d.findings.find((f) => f.code === 'SELF_SIGNED')?.severity, 'info');
    assert.ok(!d.steps.some((s) => s.id === 'set-frontend-pin-ca'));
  });

  it('keeps the internal job of a self-signed certificate that no port is shown presenting', () => {
    const noProbe = paste.replace(/\$ openssl[\s\S]*?250 SMTPUTF8\n/, '');
    const d = diagnose(noProbe, { now, lang: 'en' });
    assert.ok(!d.steps.some((s) => s.id === 'set-frontend-pin-ca'));
  });
});
