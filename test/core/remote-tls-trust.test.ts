import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { FindingCode, Language } from '../../src/core/model.js';

/**
 * TLS failures whose certificate is the other side's, or none: Schannel 36882/36881, 36887/36888
 * with a certificate alert, 36874, and a queue's `UntrustedRoot SSL certificate validation failed`.
 * Each is named (never "nothing recognised" beside "N events understood"), and no plan renews,
 * enables or removes a certificate of ours for it.
 */

const NOW = new Date('2026-11-28T12:00:00Z');
const CHANGES =
  /New-ExchangeCertificate|Remove-ExchangeCertificate|Enable-ExchangeCertificate|Import-ExchangeCertificate/;
const NOTHING = /Nothing certcheck recognises|認識できるものはありません/;

const EVENT_EN = (id: number, computer: string, description: string) => `Log Name:      System
Source:        Schannel
Date:          11/28/2026 9:14:02 AM
Event ID:      ${id}
Task Category: None
Level:         Error
Computer:      ${computer}
Description:
${description}
`;

const EVENT_JA = (id: number, computer: string, description: string) => `ログの名前:         System
ソース:           Schannel
日付:            2026/11/28 10:03:11
イベント ID:       ${id}
レベル:           エラー
コンピューター:       ${computer}
説明:
${description}
`;

const UNTRUSTED_EN =
  'The certificate received from the remote server was issued by an untrusted certificate authority. Because of this, none of the data contained in the certificate can be validated. The SSL connection request has failed. The attached data contains the server certificate.';
const UNTRUSTED_JA =
  'リモート サーバーから受信した証明書は、信頼されていない証明機関によって発行されています。このため、証明書に含まれている情報はすべて検証できません。SSL 接続要求は失敗しました。添付データには、サーバー証明書が含まれています。';
const ALERT_EN = (code: number) =>
  `A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is ${code}.`;
const ALERT_JA = (code: number) =>
  `リモート エンドポイントから致命的なアラートを受信しました。TLS プロトコルで定義されている致命的なアラート コードは ${code} です。`;
const ALERT_JA_OLD = (code: number) =>
  `リモート エンドポイントから致命的な警告を受信しました。TLS プロトコルで定義された致命的な警告コードは ${code} です。`;

const QUEUE_FL = (identity: string, domain: string, host: string) => `Identity      : ${identity}
DeliveryType  : DnsConnectorDelivery
NextHopDomain : ${domain}
Status        : Retry
MessageCount  : 57
LastError     : 451 4.4.317 Cannot connect to remote server [Message=UntrustedRoot SSL certificate validation failed for '${host}' Stage=EstablishingConnection]
`;

interface Row {
  name: string;
  paste: string;
  codes: FindingCode[];
  notCodes?: FindingCode[];
  language?: Language;
  /** Text some step's command or title holds. */
  steps?: string[];
  /** Words the finding's message must hold. */
  says?: RegExp;
}

const rows: Row[] = [
  {
    name: 'Get-Queue | fl: UntrustedRoot toward a partner names the partner and its queue',
    paste: `Mail to one partner is stuck. Should I renew our certificate?\n\n${QUEUE_FL('EX19-02\\41872', 'woodgrovebank.com', 'mx1.woodgrovebank.com')}`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: [
      'openssl s_client -connect mx1.woodgrovebank.com:25 -starttls smtp -showcerts',
      'certutil -verify -urlfetch',
      'certutil -addstore Root',
      'Get-SendConnector | fl Identity,AddressSpaces,RequireTLS',
      'Retry-Queue -Identity EX19-02\\41872',
      'Get-Queue -Identity EX19-02\\41872',
    ],
    says: /mx1\.woodgrovebank\.com[\s\S]*do not renew/,
  },
  {
    name: 'Get-Queue | ft row with UntrustedRoot',
    paste: `Identity       DeliveryType         Status MessageCount NextHopDomain LastError
--------       ------------         ------ ------------ ------------- ---------
EX16-01\\7781   DnsConnectorDelivery Retry  42           tailspin.com  451 4.4.317 Cannot connect to remote server [Message=UntrustedRoot SSL certificate validation failed for 'mail.tailspin.com' Stage=EstablishingConnection]`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['openssl s_client -connect mail.tailspin.com:25', 'Retry-Queue -Identity EX16-01\\7781'],
  },
  {
    name: 'LastError with Message=UntrustedRoot Target=host: the host, not the next hop domain, is probed',
    paste: `Mail to fabrikam.com is stuck since the partner renewed. Our own cert is fine.

Identity      : EX2016A\\27
DeliveryType  : DnsConnectorDelivery
Status        : Retry
MessageCount  : 318
NextHopDomain : fabrikam.com
LastError     : [{LRT=11/28/2026 11:41:52 AM};{LED=450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot Target=mx1.fabrikam.com] [LastAttemptedServerName=mx1.fabrikam.com] [LastAttemptedIP=203.0.113.25:25]};{FQDN=fabrikam.com};{IP=203.0.113.25}]
`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['openssl s_client -connect mx1.fabrikam.com:25', 'Retry-Queue -Identity EX2016A\\27'],
    says: /mx1\.fabrikam\.com presents/,
  },
  {
    name: 'RevocationStatusUnknown toward a partner: this server cannot reach the CRL; the CRL is checked from here',
    paste: `Identity      : EX19-02\\5521
DeliveryType  : DnsConnectorDelivery
NextHopDomain : adatum.com
Status        : Retry
LastError     : 451 4.4.317 Cannot connect to remote server [Message=RevocationStatusUnknown SSL certificate validation failed for 'mail.adatum.com' Stage=EstablishingConnection]
`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['certcheck probe mail.adatum.com:25', 'certutil -verify -urlfetch', 'netsh winhttp show proxy'],
    says: /could not check whether it is revoked/,
  },
  {
    name: 'Japanese question, NotTimeValid toward a partner: the partner’s certificate has expired',
    paste: `取引先宛てのメールが止まっています。こちらの証明書を更新すべきですか?

Identity      : EXJ19\\881
DeliveryType  : DnsConnectorDelivery
NextHopDomain : tailspin.co.jp
Status        : Retry
LastError     : 451 4.4.317 Cannot connect to remote server [Message=NotTimeValid SSL certificate validation failed for 'mx.tailspin.co.jp' Stage=EstablishingConnection]
`,
    codes: ['REMOTE_CERT_EXPIRED'],
    notCodes: ['CERT_EXPIRED'],
    language: 'ja',
    steps: ['certcheck probe mx.tailspin.co.jp:25', 'Retry-Queue -Identity EXJ19\\881'],
    says: /取引先の証明書です/,
  },
  {
    name: 'a send protocol log line: TLS negotiation failed with error UntrustedRoot',
    paste: `Send protocol log from EX16-01:
2026-11-28T10:41:09.120Z,To Partners,08DD2F0C1A2B3C4D,5,10.0.0.5:24512,203.0.113.25:25,*,,TLS negotiation failed with error UntrustedRoot`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    notCodes: ['ERROR_NOT_UNDERSTOOD'],
    steps: ['certutil -verify -urlfetch', 'Get-Queue | ? { $_.LastError }'],
  },
  {
    name: 'Schannel 36882 alone (English): the partner is found from the queues first',
    paste: EVENT_EN(36882, 'EX16-02.fabrikam.com', UNTRUSTED_EN),
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['Get-Queue | ? { $_.LastError }', 'certutil -verify -urlfetch', '<partner mail server FQDN>'],
    says: /EX16-02 does not trust/,
  },
  {
    name: 'Schannel 36882 with alert 46 and the queue (English, an Edge): one finding that covers both directions',
    paste: `${EVENT_EN(36887, 'EXEDGE01.dmz.contoso.com', ALERT_EN(46))}\n${EVENT_EN(36882, 'EXEDGE01.dmz.contoso.com', UNTRUSTED_EN)}\n${QUEUE_FL('EXEDGE01\\18431', 'partner.example', 'mx.partner.example')}`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    notCodes: ['TLS_CERTIFICATE_ALERT'],
    steps: ['openssl s_client -connect mx.partner.example:25', 'Retry-Queue -Identity EXEDGE01\\18431'],
    says: /alert 46 \(certificate_unknown\)/,
  },
  {
    name: 'Schannel 36887 alert 48 alone (English): the remote side refused a chain, not a renewal',
    paste: EVENT_EN(36887, 'EX19-01.contoso.com', ALERT_EN(48)),
    codes: ['TLS_CERTIFICATE_ALERT'],
    steps: [
      'Get-ExchangeCertificate | fl',
      'openssl s_client -connect EX19-01.contoso.com:25',
      'certutil -addstore CA',
    ],
    says: /48 \(unknown_ca\)[\s\S]*do not renew/,
  },
  {
    name: 'Schannel 36888 generated with alert 48: this server refused the partner’s chain',
    paste: EVENT_EN(
      36888,
      'EX19-01.contoso.com',
      'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 48. The Windows SChannel error state is 552.',
    ),
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['Get-Queue | ? { $_.LastError }', 'certutil -verify -urlfetch'],
    says: /Schannel 36888 says this server refused/,
  },
  {
    name: 'Schannel 36874 (English): no TLS version in common, not a certificate',
    paste: `Exchange 2016 EX16-02 logs this all day. Do I need a new certificate?\n\n${EVENT_EN(36874, 'EX16-02.fabrikam.local', 'An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server. The SSL connection request has failed.')}`,
    codes: ['TLS_NO_COMMON_CIPHER'],
    steps: ['SCHANNEL\\Protocols'],
  },
  {
    name: 'Schannel 36888 alert 40 (English): read, and the verdict says so rather than "nothing recognised"',
    paste: EVENT_EN(
      36888,
      'EX19-01.contoso.com',
      'A fatal alert was generated and sent to the remote endpoint. This may result in termination of the connection. The TLS protocol defined fatal error code is 40. The Windows SChannel error state is 1205.',
    ),
    codes: [],
    notCodes: ['UNRECOGNIZED_INPUT', 'REMOTE_CERT_VALIDATION_FAILED'],
  },
  {
    name: 'Japanese: 36887 (alert 46), 36882 and the queue on an Edge, as the admin pastes them',
    paste: `取引先 (partner.example.jp) 宛てのメールだけキューに溜まり、EXEDGE01 (エッジ) のシステム ログに以下が出ています。証明書を作り直すべきでしょうか?\n\n${EVENT_JA(36887, 'EXEDGE01.dmz.example.co.jp', ALERT_JA(46))}\n${EVENT_JA(36882, 'EXEDGE01.dmz.example.co.jp', UNTRUSTED_JA)}\n${QUEUE_FL('EXEDGE01\\18431', 'partner.example.jp', 'mx.partner.example.jp')}`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    language: 'ja',
    steps: [
      'openssl s_client -connect mx.partner.example.jp:25 -starttls smtp',
      'certutil -verify',
      'Get-SendConnector',
    ],
    says: /取引先のチェーン[\s\S]*更新、置き換え、再割り当てはしないでください/,
  },
  {
    name: 'Japanese: 36882 alone, no layout, only its text',
    paste: `サーバー EX2016 で次のエラーが出ます。\n\n${UNTRUSTED_JA}`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    language: 'ja',
    steps: ['Get-Queue | ? { $_.LastError }', '<取引先のメール サーバーの FQDN>'],
  },
  {
    name: 'Japanese Edge: alert 48 from a partner after a renewal, queue retrying: the chain on the mail name, the intermediate, the restart',
    paste: `エッジ (EDGE01) で証明書を更新してから取引先への送信が失敗しています。中間 CA が変わりました。\n\n${EVENT_JA(36887, 'EDGE01', ALERT_JA_OLD(48))}
Identity   DeliveryType         Status MessageCount NextHopDomain
--------   ------------         ------ ------------ -------------
EDGE01\\9   DnsConnectorDelivery Retry  96           tailspintoys.co.jp

Thumbprint : 8E75DBE8C1D960B7B1A7A3F88EA2257882601410
Subject    : CN=mail.contoso.co.jp, O=Contoso KK, C=JP
Issuer     : CN=Cybertrust Japan SureServer CA G4, O="Cybertrust Japan Co., Ltd.", C=JP
NotAfter   : 2027/11/15 23:59:59
Services   : SMTP
Status     : Valid
`,
    codes: ['TLS_CERTIFICATE_ALERT'],
    language: 'ja',
    steps: [
      'openssl s_client -connect mail.contoso.co.jp:25 -starttls smtp',
      'certutil -addstore CA',
      'Restart-Service MSExchangeTransport',
    ],
    says: /48 \(unknown_ca\)/,
  },
  {
    name: 'Japanese: 36887 with the older wording (警告コードは 48) alone',
    paste: EVENT_JA(36887, 'EDGE01', ALERT_JA_OLD(48)),
    codes: ['TLS_CERTIFICATE_ALERT'],
    language: 'ja',
    says: /48 \(unknown_ca\)/,
  },
  {
    name: 'Japanese: 36887 alert 42 on a Mailbox server, question in prose',
    paste: `EX19-MB01 で Schannel のエラーが大量に出ています。証明書の期限は 2027 年までです。\n\n${EVENT_JA(36887, 'EX19-MB01.corp.example.jp', ALERT_JA(42))}`,
    codes: ['TLS_CERTIFICATE_ALERT'],
    language: 'ja',
    says: /42 \(bad_certificate\)/,
  },
  {
    name: "certutil's UntrustedRoot for a chain of our own is not the partner's",
    paste: `C:\\>certutil -verify C:\\Temp\\mail.cer
Issuer:
    CN=Contoso Issuing CA 01
Subject:
    CN=mail.contoso.com
CertContext[0][0]: dwInfoStatus=102 dwErrorStatus=20
  CERT_TRUST_IS_UNTRUSTED_ROOT (0x20)
A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider. 0x800b0109 (-2146762487 CERT_E_UNTRUSTEDROOT)
CertUtil: -verify command completed successfully.`,
    codes: [],
    notCodes: ['REMOTE_CERT_VALIDATION_FAILED', 'TLS_CERTIFICATE_ALERT'],
  },
];

describe('remote TLS trust failures: the partner’s chain, never a local renewal', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW });
      const codes = result.findings.map((f) => f.code);
      for (const code of row.codes) assert.ok(codes.includes(code), `${code} missing: ${codes.join(', ')}`);
      for (const code of row.notCodes ?? []) assert.ok(!codes.includes(code), `${code} present: ${codes.join(', ')}`);
      if (row.language) assert.equal(result.language, row.language);
      if (result.events.length > 0)
        assert.doesNotMatch(result.summary, NOTHING, 'events were read: the verdict must not say nothing was');
      const text = result.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');
      for (const step of row.steps ?? []) assert.ok(text.includes(step), `no step holds ${step}:\n${text}`);
      for (const step of result.steps)
        assert.doesNotMatch(step.command ?? '', CHANGES, `${step.id} changes a certificate`);
      if (row.says) {
        const messages = result.findings.map((f) => f.message).join('\n');
        assert.match(messages, row.says);
      }
    });
  }
});
