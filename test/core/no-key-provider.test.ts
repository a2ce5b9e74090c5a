import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// certutil's "No key provider information" on its own is the PrivateKeyMissing state: the request is
// completed where it was made and the certificate moves with its key; nothing is requested again. The
// old certificate is only said to stay when the paste shows one.

const HASH = '7c 4e 91 0a 2b 3c 4d 5e 6f 70 81 92 a3 b4 c5 d6 e7 f8 09 1a';
const THUMBPRINT = '7C4E910A2B3C4D5E6F708192A3B4C5D6E7F8091A';
const OLD = '11AA22BB33CC44DD55EE66FF77889900AABBCCDD';

const english = `Exchange 2019 CU14. The CSR was made on EXFAB-01; I imported the .cer on EXFAB-02 and it is not usable there.

C:\\>certutil -store my ${THUMBPRINT.toLowerCase()}
My "Personal"
================ Certificate 2 ================
Serial Number: 41c2e0f19a7b
Issuer: CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
 NotBefore: 11/10/2026 12:00 AM
 NotAfter: 11/10/2027 11:59 PM
Subject: CN=mail.fabrikam.com
Non-root Certificate
Cert Hash(sha1): ${HASH}
No key provider information
Cannot find the certificate and private key for decryption.
CertUtil: -store command completed successfully.
`;

const japanese = `Exchange 2016 CU23 です。CSR は EXJP-01 で作成し、発行された .cer を EXJP-02 にインポートしましたが使えません。

C:\\>certutil -store my
My "個人"
================ 証明書 0 ================
シリアル番号: 41c2e0f19a7b
発行者: CN=Cybertrust Japan SureServer CA G4, O="Cybertrust Japan Co., Ltd.", C=JP
 NotBefore: 2026/11/10 0:00
 NotAfter: 2027/11/10 23:59
サブジェクト: CN=mail.kita-shoji.co.jp
ルート以外の証明書
証明書ハッシュ(sha1): ${HASH}
キー プロバイダー情報がありません
復号化用の証明書と秘密キーが見つかりません。
CertUtil: -store コマンドは正常に完了しました。
`;

const withOld = (paste: string, subject: string) => `${paste}
[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services

Thumbprint : ${OLD}
Subject    : CN=${subject}
Issuer     : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, C=GB
NotAfter   : 12/9/2026 11:59:59 PM
Services   : IIS, SMTP
`;

function commands(d: Diagnosis): string {
  return d.steps.map((s) => s.command ?? '').join('\n');
}

function assertKeyMovesWithCertificate(d: Diagnosis, requestServer: string, server: string): void {
  const finding = d.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING');
  assert.ok(finding, d.findings.map((f) => f.code).join());
  assert.equal(finding.thumbprint, THUMBPRINT);
  const importThere = d.steps.findIndex(
    (s) => s.server === requestServer && /^Import-ExchangeCertificate/.test(s.command ?? ''),
  );
  const exportThere = d.steps.findIndex(
    (s) => s.server === requestServer && /Export-ExchangeCertificate/.test(s.command ?? ''),
  );
  const importHere = d.steps.findIndex((s) => s.server === server && /-Password/.test(s.command ?? ''));
  assert.ok(
    importThere >= 0 && exportThere > importThere && importHere > exportThere,
    `${importThere} ${exportThere} ${importHere}`,
  );
  assert.doesNotMatch(commands(d), /-GenerateRequest|New-ExchangeCertificate -DomainName/);
}

describe("certutil's 'No key provider information' is a certificate without its private key", () => {
  it('English: completed on the server that made the request, moved with its key', () => {
    const d = diagnose(english, { now: REFERENCE_NOW });
    assertKeyMovesWithCertificate(d, 'EXFAB-01', 'EXFAB-02');
    const message = d.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING')?.message ?? '';
    assert.match(message, /certutil shows no key provider/);
    assert.doesNotMatch(message, /keep the old certificate/, 'the paste shows no old certificate');
  });

  it('Japanese: 「キー プロバイダー情報がありません」 reads the same', () => {
    const d = diagnose(japanese, { now: REFERENCE_NOW });
    assertKeyMovesWithCertificate(d, 'EXJP-01', 'EXJP-02');
    const message = d.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING')?.message ?? '';
    assert.match(message, /キー プロバイダー情報がありません/);
    assert.doesNotMatch(message, /古い証明書は残して/);
  });

  it('says to keep the old certificate only when the paste lists the one it replaces', () => {
    const en = diagnose(withOld(english, 'mail.fabrikam.com'), { now: REFERENCE_NOW });
    assert.match(en.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING')?.message ?? '', /keep the old certificate/);
    const ja = diagnose(withOld(japanese, 'mail.kita-shoji.co.jp'), { now: REFERENCE_NOW });
    assert.match(ja.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING')?.message ?? '', /古い証明書は残して/);
    // Another name is not the certificate it replaces.
    const other = diagnose(withOld(english, 'legacy.fabrikam.com'), { now: REFERENCE_NOW });
    assert.doesNotMatch(other.findings.find((f) => f.code === 'PRIVATE_KEY_MISSING')?.message ?? '', /keep the old/);
  });
});
