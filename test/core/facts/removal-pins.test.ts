import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import type { Language, Step } from '../../../src/core/model.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

// A certificate a connector names in TlsCertificateName (`<I>issuer<S>subject`) is never removed
// before that connector is pointed at its renewal: removing it stops mail through the connector
// (12014 on a receive connector, 454 4.7.5 on a send connector). When the paste shows the pins, each
// is set by name, the transport services that read it restarted and 25 probed before the removal;
// when it does not, the pins are listed before the removal.

const OLD = '43B6070E95F1E0B59195D9B9DD042702611A18D2';
const NEW = '254C177DE4B971A5AB5025B13E0E6F4D507D57A6';
const DIGICERT = 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US';
const GLOBALSIGN = 'CN=GlobalSign GCC R6 AlphaSSL CA 2023, O=GlobalSign nv-sa, C=BE';

const table = (
  server: string,
  subject: string,
  oldDate: string,
) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject

Thumbprint                               Services          NotAfter            Subject
----------                               --------          --------            -------
${NEW} IMAP, POP, IIS... 2027/12/10 8:59:59  ${subject}
${OLD} IMAP, POP, IIS... ${oldDate}  ${subject}
780C89855C54AB2928725F9AE41430EBBFDE96E5 IMAP, POP, IIS... 2030/02/18 14:03:11 CN=${server}
59530021C79EC2EE8626C4C59D15C18B270DF879 SMTP              2029/07/01 9:00:00  CN=Microsoft Exchange Server Auth Certificate
`;

const issuers = () => `
[PS] C:\\>Get-ExchangeCertificate ${NEW} | fl Issuer
Issuer : ${GLOBALSIGN}

[PS] C:\\>Get-ExchangeCertificate ${OLD} | fl Issuer
Issuer : ${DIGICERT}
`;

const sendPin = (name: string, subject: string) => `
[PS] C:\\>Get-SendConnector "${name.replace(/ - .*/, '*')}" | fl Name,TlsCertificateName

Name               : ${name}
TlsCertificateName : <I>${DIGICERT}<S>${subject}
`;

const receivePin = (server: string, name: string, subject: string) => `
[PS] C:\\>Get-ReceiveConnector "${server}\\${name}" | fl Name,TlsCertificateName

Name               : ${name}
TlsCertificateName : <I>${DIGICERT}<S>${subject}
`;

interface Case {
  name: string;
  language: Language;
  paste: string;
  /** Connectors the paste shows pinning the old certificate: each must be set by name before the removal. */
  pinned?: string[];
}

const O365 = 'Outbound to Office 365 - 6f1c2a4e-9b3d-4e2a-8c11-2d7f0e9a3b55';

const CASES: Case[] = [
  {
    name: 'ja, hybrid pair shown pinning the old certificate, "can I delete it?"',
    language: 'ja',
    paste: `証明書を DigiCert から GlobalSign に乗り換えました。Exchange 2019 CU14、EX19A 1台、ハイブリッド構成。
新しい証明書は IIS と SMTP で有効化済み。古い証明書はもう消しても大丈夫？

${table('EX19A', 'CN=mail.contoso.co.jp', '2026/12/05 8:59:59')}${issuers()}${sendPin(O365, 'CN=mail.contoso.co.jp')}${receivePin('EX19A', 'Default Frontend EX19A', 'CN=mail.contoso.co.jp')}`,
    pinned: [O365, 'EX19A\\Default Frontend EX19A'],
  },
  {
    name: 'en, hybrid pair shown pinning the old certificate, "ok to remove the old one?"',
    language: 'en',
    paste: `Exchange 2019 CU14, single server EXCH01, hybrid. Switched CA from DigiCert to GlobalSign, new cert enabled for IIS and SMTP. OK to remove the old one now?

${table('EXCH01', 'CN=mail.fabrikam.com', '2026/12/05 8:59:59')}${issuers()}${sendPin(O365, 'CN=mail.fabrikam.com')}${receivePin('EXCH01', 'Default Frontend EXCH01', 'CN=mail.fabrikam.com')}`,
    pinned: [O365, 'EXCH01\\Default Frontend EXCH01'],
  },
  {
    name: "en, a partner's send connector shown pinning the old certificate",
    language: 'en',
    paste: `Exchange 2019, EXCH01. New GlobalSign cert is enabled for IIS and SMTP. Can I delete the old DigiCert cert?

${table('EXCH01', 'CN=mail.fabrikam.com', '2026/12/05 8:59:59')}${issuers()}${sendPin('To Partner Bank TLS', 'CN=mail.fabrikam.com')}`,
    pinned: ['To Partner Bank TLS'],
  },
  {
    name: 'ja, a relay receive connector shown pinning the old certificate',
    language: 'ja',
    paste: `Exchange 2016 CU23 の EX16-01 です。新しい GlobalSign の証明書は IIS/SMTP 有効化済み。古い DigiCert の証明書を削除しても大丈夫？

${table('EX16-01', 'CN=mail.adatum.co.jp', '2026/12/05 8:59:59')}${issuers()}${receivePin('EX16-01', 'Relay-Partners', 'CN=mail.adatum.co.jp')}`,
    pinned: ['EX16-01\\Relay-Partners'],
  },
  {
    name: 'ja, expired certificate, pins not shown: 「期限切れの証明書を消しても大丈夫？」',
    language: 'ja',
    paste: `期限切れの証明書を消しても大丈夫？
Exchange 2016 CU23 の EX16 1台だけです。新しい証明書は先月入れて IIS/SMTP 有効化済み。

${table('EX16', 'CN=mail.adatum.co.jp', '2026/10/31 8:59:59')}`,
  },
  {
    name: 'en, expiring certificate, pins not shown: "can I delete the old cert?"',
    language: 'en',
    paste: `Exchange 2019 CU14 on EXCH01. Renewed the SAN cert and enabled it for IIS and SMTP. Can I delete the old cert now? anything to check first?

${table('EXCH01', 'CN=mail.fabrikam.com', '2026/12/05 8:59:59')}`,
  },
];

const text = (s: Step) => `${s.title}\n${s.command ?? ''}`;

describe('a certificate a connector pins is removed only after the connector is repointed', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.language });
      assert.equal(d.language, c.language);
      const answer = d.findings.find((f) => f.code === 'REMOVAL_ASKED');
      assert.ok(answer, 'the removal question is answered in a finding');
      assert.match(answer.message, c.language === 'ja' ? /^はい、/ : /^Yes, /);
      assert.ok(answer.message.includes(OLD) && answer.message.includes('TlsCertificateName'));
      const steps = d.steps;
      const removal = steps.findIndex((s) =>
        (s.command ?? '').includes(`Remove-ExchangeCertificate -Thumbprint ${OLD}`),
      );
      assert.ok(removal >= 0, 'the old certificate is removed at the end');
      const before = steps.slice(0, removal);
      assert.ok(
        !steps.some((s) => /Remove-ExchangeCertificate -Thumbprint (254C|780C|5953)/.test(s.command ?? '')),
        'only the old certificate is removed',
      );
      if (c.pinned) {
        const set = before.findIndex((s) => c.pinned?.every((name) => (s.command ?? '').includes(`'${name}'`)));
        assert.ok(set >= 0, `each shown pin is set by name before the removal:\n${before.map(text).join('\n')}`);
        const setCommand = steps[set]?.command ?? '';
        assert.match(setCommand, new RegExp(`Get-ExchangeCertificate -Thumbprint ${NEW}`));
        assert.match(setCommand, /-TlsCertificateName "<I>\$\(\$c\.Issuer\)<S>\$\(\$c\.Subject\)"/);
        assert.ok(setCommand.includes(GLOBALSIGN), 'the renewal issuer the connectors will show is named');
        const after = before.slice(set + 1);
        const restart = after.find((s) => /Restart-Service\b.*MSExchange/.test(s.command ?? ''));
        assert.ok(restart, 'the transport services that read the connectors are restarted before the removal');
        if (c.pinned.some((n) => /Frontend/.test(n)))
          assert.match(restart.command ?? '', /MSExchangeFrontEndTransport/);
        if (c.pinned.some((n) => !n.includes('\\'))) assert.match(restart.command ?? '', /MSExchangeTransport\b/);
        assert.ok(
          after.some((s) => /certcheck probe \S+:25\b/.test(s.command ?? '')),
          'port 25 is probed before the removal',
        );
      } else {
        const listed = before.some(
          (s) =>
            (s.command ?? '').includes('Get-SendConnector | ? { $_.TlsCertificateName }') &&
            (s.command ?? '').includes('Get-ReceiveConnector | ? { $_.TlsCertificateName }'),
        );
        assert.ok(listed, `the pins are listed before the removal:\n${before.map(text).join('\n')}`);
      }
    });
  }
});

// Prose only: the admin names the old and the new certificate by thumbprint and asks whether the old
// one can go. The answer says yes, after the checks; the pins are listed before any removal, and the
// old certificate is removed on each server named, each after its own checks.
const PROSE: { name: string; language: Language; paste: string; old: string; servers: string[] }[] = [
  {
    name: 'en, two servers, hybrid, same CA',
    language: 'en',
    paste:
      'quick q: Exchange 2019 CU14, two servers EX1 and EX2, hybrid. Renewed our SAN cert last week, imported on both and enabled for IIS+SMTP on both. Old one is 2E02BDA54DEF29E91FBF83CA414040AAFA80A9B1, expires Dec 3. New one is 2B92B06450FE7D5A95EBE188830CA0DF2AC42C62, same CA. Can I just delete the old cert on both servers?',
    old: '2E02BDA54DEF29E91FBF83CA414040AAFA80A9B1',
    servers: ['EX1', 'EX2'],
  },
  {
    name: 'ja, two servers, 「削除しても大丈夫ですか？」',
    language: 'ja',
    paste:
      'Exchange 2016 CU23、EXJ1 と EXJ2 の 2 台です。SAN 証明書を更新して両方にインポートし、IIS と SMTP に割り当てました。古い証明書は 9A1F3C5E7B9D1F3A5C7E9B1D3F5A7C9E1B3D5F70 で 12/3 に期限切れ、新しい証明書は 4C2E6A8B0D2F4A6C8E0B2D4F6A8C0E2B4D6F8A91 です。古いほうを両方のサーバーで削除しても大丈夫ですか？',
    old: '9A1F3C5E7B9D1F3A5C7E9B1D3F5A7C9E1B3D5F70',
    servers: ['EXJ1', 'EXJ2'],
  },
];

describe('a prose question whether the old certificate can be removed', () => {
  for (const c of PROSE) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW, lang: c.language });
      const finding = d.findings.find((f) => f.code === 'REMOVAL_ASKED');
      assert.ok(finding, 'the question is answered in a finding');
      assert.match(finding.message, c.language === 'ja' ? /^はい、/ : /^Yes, /);
      for (const server of c.servers) assert.ok(finding.message.includes(server), server);
      const removals = d.steps.filter((s) =>
        (s.command ?? '').includes(`Remove-ExchangeCertificate -Thumbprint ${c.old}`),
      );
      assert.deepEqual(
        removals.map((s) => s.server),
        c.servers,
        'removed on each server named',
      );
      const first = d.steps.indexOf(removals[0] as Step);
      const pins = d.steps.findIndex((s) =>
        (s.command ?? '').includes('Get-SendConnector | ? { $_.TlsCertificateName }'),
      );
      assert.ok(pins >= 0 && pins < first, 'the connector pins are listed before any removal');
      for (const server of c.servers) {
        const at = d.steps.findIndex((s) => s.server === server && (s.command ?? '').includes('ipport=0.0.0.0:443'));
        const removal = d.steps.findIndex(
          (s) => s.server === server && (s.command ?? '').includes('Remove-ExchangeCertificate'),
        );
        assert.ok(at >= 0 && at < removal, `443 is checked on ${server} before its removal`);
      }
      assert.ok(!d.steps.some((s) => /New-ExchangeCertificate|-GenerateRequest/.test(s.command ?? '')));
    });
  }
});
