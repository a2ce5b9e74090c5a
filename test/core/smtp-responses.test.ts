import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis, FindingCode, Language } from '../../src/core/model.js';

/**
 * What queues, NDRs and management tasks answered, error lines certcheck does not know, and a
 * question that shows nothing yet: each is recognised with its own finding and plan, never called
 * fine and never "nothing recognised" when the paste holds a failure.
 */

const NOW = new Date('2026-11-28T12:00:00Z');
const CHANGES =
  /New-ExchangeCertificate|Remove-ExchangeCertificate|Enable-ExchangeCertificate|Set-SendConnector|Set-ReceiveConnector|-Force\b/;

const QUEUE_FL = (
  lastError: string,
  identity = 'EX19-02\\41872',
  domain = 'woodgrovebank.com',
) => `Identity        : ${identity}
DeliveryType    : DnsConnectorDelivery
NextHopDomain   : ${domain}
Status          : Retry
MessageCount    : 37
LastError       : ${lastError}
`;

const IIS_ONLY = `Subject            : CN=mail.relecloud.com, O=Relecloud, L=Boston, S=Massachusetts, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
CertificateDomains : {mail.relecloud.com, autodiscover.relecloud.com}
NotAfter           : 11/22/2027 11:59:59 PM
Services           : IIS
Status             : Valid
Thumbprint         : 434483B4155423B92315DD136CC4DD0DF235C7D1`;

const HCW_ERROR = `ERROR:Updating hybrid configuration failed with error 'Subtask Configure execution failed: Configure Mail Flow
Execution of the Set-SendConnector cmdlet has thrown an exception. This may indicate invalid parameters in your Hybrid Configuration settings.
The given certificate is not enabled for SMTP protocol. Only certificates enabled for SMTP protocol can be set on Send Connectors. To enable a certificate for SMTP, please use 'Enable-ExchangeCertificate' cmdlet.`;

interface Row {
  name: string;
  paste: string;
  codes: FindingCode[];
  notCodes?: FindingCode[];
  language?: Language;
  /** Text some step's command or title holds. */
  steps?: string[];
  /** Text no step may hold. */
  notSteps?: string[];
  /** No command changes anything (the certificate at fault is not ours, or nothing is known yet). */
  changesNothing?: boolean;
}

const rows: Row[] = [
  {
    name: 'Get-Queue | fl: 454 4.7.5 Certificate validation failure names the next hop',
    paste: `Is this our certificate?\n\n${QUEUE_FL('[{LRT=11/28/2026 10:41:09 AM};{LED=454 4.7.5 Certificate validation failure};{FQDN=mx1.woodgrovebank.com};{IP=203.0.113.25}]')}`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: [
      'certcheck probe mx1.woodgrovebank.com:25',
      'certutil -verify -urlfetch',
      'Retry-Queue -Identity EX19-02\\41872',
    ],
    changesNothing: true,
  },
  {
    name: 'Get-Queue | ft row with the validation failure',
    paste: `Identity          DeliveryType         Status MessageCount NextHopDomain      LastError
--------          ------------         ------ ------------ -------------      ---------
EX16-01\\1234      DnsConnectorDelivery Retry  12           fabrikam.com       454 4.7.5 Certificate validation failure`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['Retry-Queue -Identity EX16-01\\1234'],
    changesNothing: true,
  },
  {
    name: 'Get-Queue | ft cuts LastError: the start of the response is enough',
    paste: `Identity       DeliveryType         Status MessageCount NextHopDomain  LastError
--------       ------------         ------ ------------ -------------  ---------
EX13-01\\5521  DnsConnectorDelivery Retry  3            adatum.com     454 4.7.5 Certificate validation fa...
EX13-01\\5530  DnsConnectorDelivery Retry  9            litware.com    421 4.4.2 Connection dropped due to...`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED', 'SMTP_CONNECTION_FAILED'],
    notCodes: ['UNRECOGNIZED_INPUT'],
    steps: ['Retry-Queue -Identity EX13-01\\5521'],
    changesNothing: true,
  },
  {
    name: 'an NDR naming the remote server that answered',
    paste: `Delivery has failed to these recipients or groups:
Diagnostic information for administrators:
Generating server: EX19-02.contoso.com
Remote Server at mx1.woodgrovebank.com (203.0.113.25) returned '454 4.7.5 Certificate validation failure'`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    steps: ['certcheck probe mx1.woodgrovebank.com:25'],
    changesNothing: true,
  },
  {
    name: 'a Japanese NDR naming the remote server',
    paste: `配信できませんでした。
管理者向けの診断情報:
生成元サーバー: EX19-02.contoso.co.jp
リモート サーバー mx1.woodgrovebank.co.jp (203.0.113.25) から '454 4.7.5 Certificate validation failure' が返されました`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED'],
    language: 'ja',
    steps: ['certcheck probe mx1.woodgrovebank.co.jp:25'],
    changesNothing: true,
  },
  {
    name: 'Japanese question, Get-Queue | fl with 421 4.4.2 SocketError',
    paste: `キューが止まっています。証明書のせいでしょうか?\n\n${QUEUE_FL('[{LRT=2026/11/28 10:44:52};{LED=421 4.4.2 Connection dropped due to SocketError};{FQDN=mail.contoso-partner.net};{IP=198.51.100.7}]', 'EXJ19\\77', 'contoso-partner.net')}`,
    codes: ['SMTP_CONNECTION_FAILED'],
    notCodes: ['REMOTE_CERT_VALIDATION_FAILED'],
    language: 'ja',
    steps: ["TcpClient('mail.contoso-partner.net', 25)"],
    changesNothing: true,
  },
  {
    name: '451 4.4.0 with SocketError from the primary target',
    paste: QUEUE_FL(
      '[{LRT=11/28/2026 9:02:11 AM};{LED=451 4.4.0 Primary target IP address responded with: "421 4.4.2 Connection dropped due to SocketError." Attempted failover to alternate host, but that did not succeed.};{FQDN=smtp.tailspin.example};{IP=192.0.2.44}]',
    ),
    codes: ['SMTP_CONNECTION_FAILED'],
    steps: ['certcheck probe smtp.tailspin.example:25'],
    changesNothing: true,
  },
  {
    name: 'both failures in one Get-Queue paste: two findings, no "nothing recognised"',
    paste: `${QUEUE_FL('[{LED=454 4.7.5 Certificate validation failure};{FQDN=mx1.woodgrovebank.com}]')}\n${QUEUE_FL('[{LED=421 4.4.2 Connection dropped due to SocketError};{FQDN=mail.contoso-partner.net}]', 'EX19-02\\41913', 'contoso-partner.net')}`,
    codes: ['REMOTE_CERT_VALIDATION_FAILED', 'SMTP_CONNECTION_FAILED'],
    changesNothing: true,
  },
  {
    name: 'the TlsCertificateName variant of 454 4.7.5 keeps its own finding',
    paste: QUEUE_FL(
      '[{LED=454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.};{FQDN=contoso-com.mail.protection.outlook.com}]',
    ),
    codes: ['TLS_CERTIFICATE_NAME_MISSING'],
    notCodes: ['REMOTE_CERT_VALIDATION_FAILED'],
  },
  {
    name: 'Get-Queue | fl with no error: said so, never "nothing recognised"',
    paste: `[PS] C:\\>Get-Queue -Server EX19-01 | fl Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError

Identity      : EX19-01\\3
DeliveryType  : SmtpRelayToMailboxDeliveryGroup
Status        : Ready
MessageCount  : 0
NextHopDomain : mailbox database 0123456789
LastError     :
`,
    codes: ['QUEUES_WITHOUT_ERROR'],
    notCodes: ['UNRECOGNIZED_INPUT', 'ERROR_NOT_UNDERSTOOD'],
    changesNothing: true,
  },
  {
    name: 'Japanese question, Get-Queue | ft with every queue Ready',
    paste: `キューは問題ないように見えますが、証明書は大丈夫でしょうか?

Identity                 DeliveryType Status MessageCount Velocity RiskLevel OutboundIPPool NextHopDomain
--------                 ------------ ------ ------------ -------- --------- -------------- -------------
EX16-01\\Submission       Undefined    Ready  0            0        Normal    0              Submission`,
    codes: ['QUEUES_WITHOUT_ERROR'],
    notCodes: ['UNRECOGNIZED_INPUT'],
    language: 'ja',
    changesNothing: true,
  },
  {
    name: 'an unknown queue error is not "nothing recognised"',
    paste: QUEUE_FL('[{LED=451 4.4.0 DNS query failed. The error was: DNS query failed with error ErrorRetry}]'),
    codes: ['ERROR_NOT_UNDERSTOOD'],
    notCodes: ['UNRECOGNIZED_INPUT'],
    changesNothing: true,
  },
  {
    name: 'HCW log with the listing: enable SMTP on the certificate it was given (N), re-run the wizard',
    paste: `HCW fails at mail flow after the renewal:\n\n${HCW_ERROR}\n\n${IIS_ONLY}`,
    codes: ['CERT_NOT_ENABLED_FOR_SMTP'],
    notCodes: ['CERT_EXPIRED'],
    steps: [
      'Enable-ExchangeCertificate -Thumbprint 434483B4155423B92315DD136CC4DD0DF235C7D1 -Services SMTP',
      'Hybrid Configuration Wizard',
      "Get-SendConnector | ? { $_.Name -like 'Outbound to Office 365*' }",
    ],
  },
  {
    name: 'Set-SendConnector error alone: list the candidates, the thumbprint stays to fill in',
    paste: `[PS] C:\\>Set-SendConnector "Outbound to Office 365" -TlsCertificateName $name
The given certificate is not enabled for SMTP protocol. Only certificates enabled for SMTP protocol can be set on Send Connectors. To enable a certificate for SMTP, please use 'Enable-ExchangeCertificate' cmdlet.`,
    codes: ['CERT_NOT_ENABLED_FOR_SMTP'],
    steps: [
      'Get-ExchangeCertificate | fl Thumbprint,Issuer,Subject',
      'Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP',
    ],
  },
  {
    name: 'Japanese question around the English HCW error',
    paste: `証明書を更新した後、ハイブリッド構成ウィザードがメール フローで失敗します。\n\n${HCW_ERROR}\n\n${IIS_ONLY}`,
    codes: ['CERT_NOT_ENABLED_FOR_SMTP'],
    language: 'ja',
    steps: ['Enable-ExchangeCertificate -Thumbprint 434483B4155423B92315DD136CC4DD0DF235C7D1 -Services SMTP'],
  },
  {
    name: 'the Edge subscription refuses a CNG default certificate: a new self-signed one (Y), subscribe again',
    paste: `New-EdgeSubscription fails on the Edge:\n\nEdge subscription only supports Cryptographic API certificates. The default certificate with thumbprint 3B5E8C1A2D4F6E8091A2B3C4D5E6F708192A3B4C for this subscription isn't a CAPI certificate. Use Enable-ExchangeCertificate -Services SMTP to set a CAPI certificate as the default certificate.`,
    codes: ['CERT_NOT_CAPI'],
    steps: ['New-ExchangeCertificate -DomainName', 'New-EdgeSubscription -FileName'],
  },
  {
    name: 'a CNG certificate about to become the internal transport certificate',
    paste: `Enable-ExchangeCertificate -Thumbprint 9A8B7C6D5E4F30211A2B3C4D5E6F708192A3B4C5 -Services SMTP\nThe new internal Transport certificate with thumbprint 9A8B7C6D5E4F30211A2B3C4D5E6F708192A3B4C5 you are about to configure on the local server isn't a Cryptographic API certificate. The internal Transport certificate is also used by EdgeSync. EdgeSync only supports CAPI certificates. Try to generate a new CAPI certificate for the internal transport certificate.`,
    codes: ['CERT_NOT_CAPI'],
    notSteps: ['Remove-ExchangeCertificate -Thumbprint 9A8B7C6D5E4F30211A2B3C4D5E6F708192A3B4C5'],
    steps: ['New-ExchangeCertificate -DomainName'],
  },
  {
    name: "the Edge's direct trust certificate duplicates a Hub's",
    paste: `The direct trust certificate of the subscribed Edge Transport server with thumbprint 5C4D3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D is a duplicate of the certificate of one of the HubTransport servers. Sharing the same certificate between Edge and Hub Transport servers is not allowed.`,
    codes: ['EDGE_CERT_DUPLICATE'],
    notSteps: ['Remove-ExchangeCertificate -Thumbprint 5C4D3E2F1A0B9C8D7E6F5A4B3C2D1E0F9A8B7C6D'],
    steps: ['New-ExchangeCertificate -DomainName', 'New-EdgeSubscription'],
  },
  {
    name: 'the default TLS certificate attribute is missing in Active Directory',
    paste: `New-EdgeSyncSubscription fails:\nEither Exchange can't find the default TLS certificate attribute for server HUB02 in Active Directory, or the attribute is corrupted. Run either the Enable-ExchangeCertificate or New-ExchangeCertificate cmdlets on this server, and then try to run New-EdgeSyncSubscription again.`,
    codes: ['INTERNAL_TRANSPORT_CERT_MISSING'],
  },
  {
    name: 'the import finds the certificate already there: show it and enable it, no new import',
    paste: `[PS] C:\\>Import-ExchangeCertificate -Server EX16-01 -FileData ([System.IO.File]::ReadAllBytes('\\\\fs01\\certs\\mail.pfx')) -Password $pw
Cannot import certificate. A certificate with the thumbprint 6A1F3C5E7B9D2F4A6C8E0B2D4F6A8C0E2B4D6F8A already exists.
    + CategoryInfo          : WriteError: (:) [Import-ExchangeCertificate], InvalidOperationException
    + FullyQualifiedErrorId : [Server=EX16-01,RequestId=1f2e3d4c,TimeStamp=11/28/2026 9:14:02 AM] 6DC7A27D,Microsoft.Exchange.Management.SystemConfigurationTasks.ImportExchangeCertificate`,
    codes: ['CERT_ALREADY_IMPORTED'],
    notCodes: ['ERROR_NOT_UNDERSTOOD'],
    steps: [
      'Get-ExchangeCertificate -Thumbprint 6A1F3C5E7B9D2F4A6C8E0B2D4F6A8C0E2B4D6F8A | fl',
      'Enable-ExchangeCertificate -Thumbprint 6A1F3C5E7B9D2F4A6C8E0B2D4F6A8C0E2B4D6F8A -Services',
    ],
    notSteps: ['Import-ExchangeCertificate', 'New-ExchangeCertificate', 'Remove-ExchangeCertificate'],
  },
  {
    name: 'Japanese question, the thumbprint was not found',
    paste: `Enable-ExchangeCertificate を実行するとエラーになります。

The certificate with thumbprint 6A1F3C5E7B9D2F4A6C8E0B2D4F6A8C0E2B4D6F8A was not found.
    + CategoryInfo          : ObjectNotFound: (:) [Enable-ExchangeCertificate], ArgumentException`,
    codes: ['CERT_NOT_FOUND'],
    notCodes: ['ERROR_NOT_UNDERSTOOD', 'UNRECOGNIZED_INPUT'],
    language: 'ja',
    steps: ['Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize'],
    changesNothing: true,
  },
  {
    name: 'a valid listing beside an error nothing explains is not "fine"',
    paste: `Import-ExchangeCertificate : Cannot import certificate. The password is wrong or the file is damaged.\n    + CategoryInfo          : InvalidOperation\n\n${IIS_ONLY}`,
    codes: ['ERROR_NOT_UNDERSTOOD'],
  },
  {
    name: 'Japanese error line nothing explains',
    paste: `Enable-ExchangeCertificate を実行するとエラーになります: 操作を完了できません。\n\n${IIS_ONLY}`,
    codes: ['ERROR_NOT_UNDERSTOOD'],
    language: 'ja',
  },
  {
    name: 'Japanese prose question: the whole-server listing and the events, no change',
    paste: '証明書の期限が切れたらしい、どうすれば?\nExchange でメールが一部送れないとユーザーから言われています。',
    codes: ['UNRECOGNIZED_INPUT'],
    language: 'ja',
    steps: [
      'Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize',
      '$_.EventID -ge 12014 -and $_.EventID -le 12018',
    ],
    changesNothing: true,
  },
  {
    name: 'English prose question',
    paste: 'our exchange cert expired what do I do',
    codes: ['UNRECOGNIZED_INPUT'],
    steps: ['Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize'],
    changesNothing: true,
  },
  {
    name: 'a question about expiry without the word certificate',
    paste: 'Exchange stopped sending after something expired last night, what do we renew?',
    codes: ['UNRECOGNIZED_INPUT'],
    steps: ['Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize'],
    changesNothing: true,
  },
  {
    name: 'mail stopped, certificate?',
    paste: 'mail stopped this morning, certificate?',
    codes: ['UNRECOGNIZED_INPUT'],
    steps: ['Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize'],
    changesNothing: true,
  },
];

function stepText(diagnosis: Diagnosis): string {
  return diagnosis.steps.map((step) => `${step.title}\n${step.command ?? ''}`).join('\n');
}

describe('queue and NDR responses, management-task errors, errors not understood, prose questions', () => {
  for (const row of rows) {
    it(row.name, () => {
      const diagnosis = diagnose(row.paste, { now: NOW });
      const codes = diagnosis.findings.map((finding) => finding.code);
      for (const code of row.codes) assert.ok(codes.includes(code), `${code} in ${codes.join(',')}`);
      for (const code of row.notCodes ?? []) assert.ok(!codes.includes(code), `no ${code} in ${codes.join(',')}`);
      if (row.language) assert.equal(diagnosis.language, row.language);
      const text = stepText(diagnosis);
      for (const want of row.steps ?? []) assert.ok(text.includes(want), `a step with ${want}:\n${text}`);
      for (const never of row.notSteps ?? []) assert.ok(!text.includes(never), `no step with ${never}`);
      if (row.changesNothing) {
        const commands = diagnosis.steps.map((step) => step.command ?? '').join('\n');
        assert.doesNotMatch(commands, CHANGES);
      }
      assert.ok(!/-Force\b/.test(text), 'never -Force');
      // Nothing here is "fine": every paste holds a problem or a question.
      assert.notEqual(diagnosis.severity, 'ok');
    });
  }
});
