import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const TP = 'E717CBE1333E95A9F9C8DEDFACBE1DBC823B548C';
const TAIL = [
  '    + CategoryInfo          : InvalidArgument: (:) [Enable-ExchangeCertificate], CertificateNotValidForExchangeException',
  '    + FullyQualifiedErrorId : [Server=EXMB01,RequestId=3f7e2b1c,TimeStamp=28.11.2026 10:22:17] [FailureCategory=Cmdlet-CertificateNotValidForExchangeException] 5C1E4A2B,Microsoft.Exchange.Management.SystemConfigurationTasks.EnableExchangeCertificate',
].join('\n');

/** Enable-ExchangeCertificate refusing a certificate whose EKU lacks Server Authentication, in English and Japanese. */
describe('PkixKpServerAuthNotFoundInEnhancedKeyUsage', () => {
  const rows: { name: string; lang: 'en' | 'ja'; error: string; says: RegExp; template: RegExp }[] = [
    {
      name: 'English error',
      lang: 'en',
      error: `The certificate with thumbprint ${TP} was found but is not valid for use with Exchange Server (reason: PkixKpServerAuthNotFoundInEnhancedKeyUsage).`,
      says: /Server Authentication EKU \(1\.3\.6\.1\.5\.5\.7\.3\.1\), such as Web Server/,
      template:
        /to your CA and ask for the certificate from a template with the Server Authentication EKU .*such as Web Server/,
    },
    {
      name: 'Japanese error',
      lang: 'ja',
      error: `拇印 ${TP} の証明書が見つかりましたが、Exchange Server での使用には無効です (理由: PkixKpServerAuthNotFoundInEnhancedKeyUsage)。`,
      says: /サーバー認証の EKU \(1\.3\.6\.1\.5\.5\.7\.3\.1\) を含むテンプレート \(Web サーバーなど\)/,
      template: /CA に送り、.*サーバー認証の EKU .*を含むテンプレート \(Web サーバーなど\) で発行してもらいます/,
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const text = [
        `[PS] C:\\Windows\\system32>Enable-ExchangeCertificate -Thumbprint ${TP} -Services IIS,SMTP`,
        row.error,
        TAIL,
      ].join('\n');
      const d = diagnose(text, { now: NOW, lang: row.lang });
      const finding = d.findings.find((f) => f.code === 'SERVER_AUTH_EKU_MISSING');
      assert.equal(finding?.thumbprint, TP);
      assert.match(finding?.message ?? '', /EXMB01/);
      assert.match(finding?.message ?? '', row.says);
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      // The template is said where it matters: in the step that sends the request to the CA, before the import.
      const submit = d.steps.findIndex((s) => row.template.test(s.title));
      const imported = d.steps.findIndex((s) => /Import-ExchangeCertificate/.test(s.command ?? ''));
      assert.ok(submit >= 0 && submit < imported, d.steps.map((s) => s.title).join('\n'));
      // A new request through the CA, on the server that refused it, for the services the admin tried.
      assert.match(
        commands,
        new RegExp(`Get-ExchangeCertificate -Thumbprint ${TP} \\| New-ExchangeCertificate -GenerateRequest`),
      );
      assert.match(commands, /Enable-ExchangeCertificate -Thumbprint <[^>]+> -Services IIS,SMTP/);
      // Never this certificate enabled again, forced, or a self-signed substitute.
      assert.doesNotMatch(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${TP}`));
      assert.doesNotMatch(commands, /-Force|New-ExchangeCertificate -Services/);
    });
  }
});
