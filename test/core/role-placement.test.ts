import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

/**
 * Steps go to the role the paste shows: a server named or said to be an Edge gets Edge steps, one
 * said or named to be a Mailbox (CAS/MBX, multi-role, EXMBX02) gets no "If ServerRole shows Edge"
 * branch, and the Hybrid Configuration Wizard is never placed on an Edge.
 */

const NOW = new Date('2026-11-28T12:00:00Z');

const EVENT = (
  id: number,
  computer: string,
  description: string,
  source = 'MSExchangeTransport',
) => `Log Name:      Application
Source:        ${source}
Date:          11/28/2026 9:02:15 AM
Event ID:      ${id}
Level:         Warning
Computer:      ${computer}
Description:
${description}
`;
const EVENT_JA = (id: number, computer: string, description: string) => `ログの名前:         Application
ソース:           MSExchangeTransport
日付:            2026/11/28 9:02:15
イベント ID:       ${id}
レベル:           警告
コンピューター:       ${computer}
説明:
${description}
`;
const EXPIRED_12015 = 'An internal transport certificate expired. Thumbprint:12EFCEF3C4647D7E4A966820DE789DA58B36D749';
const EXPIRED_12015_JA =
  '内部トランスポート証明書の有効期限が切れています。拇印: 12EFCEF3C4647D7E4A966820DE789DA58B36D749';

const STARTTLS_12014 =
  "Microsoft Exchange could not find a certificate that contains the domain name mail.contoso.com in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default internal receive connector EDGE01 with a FQDN parameter of mail.contoso.com. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.";

const RENEWED_EDGE = `[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services,Status

Thumbprint : 8E75DBE8C1D960B7B1A7A3F88EA2257882601410
Subject    : CN=mail.contoso.com
Issuer     : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter   : 11/15/2027 11:59:59 PM
Services   : None
Status     : Valid

Thumbprint : 08A90053D6F32E5735AC0BEAADF5F176E4872FF7
Subject    : CN=mail.contoso.com
Issuer     : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter   : 11/25/2026 11:59:59 PM
Services   : SMTP
Status     : DateInvalid
`;

interface Row {
  name: string;
  paste: string;
  /** Every step placed on a server runs there as this role (its label). */
  role?: 'edge' | 'mailbox';
  /** No "If ServerRole shows Edge" branch and no Edge subscription step. */
  noEdgeBranch?: boolean;
  /** No step about the Hybrid Configuration Wizard is placed on this server. */
  hcwNotOn?: string;
}

const rows: Row[] = [
  {
    name: 'a server named EXEDGE01 is an Edge',
    paste: EVENT(12015, 'EXEDGE01.dmz.contoso.com', EXPIRED_12015),
    role: 'edge',
  },
  {
    name: 'Japanese: 「EDGE-TK1 (エッジ)」 said beside the name',
    paste: `EDGE-TK1 (エッジ) で次の警告が出ます。\n\n${EVENT_JA(12015, 'EDGE-TK1', EXPIRED_12015_JA)}`,
    role: 'edge',
  },
  {
    name: '"Exchange 2013 CU23 CAS/MBX (EX13-01)": no Edge branch',
    paste: `Exchange 2013 CU23 CAS/MBX (EX13-01).\n\n${EVENT(12015, 'EX13-01.fabrikam.local', EXPIRED_12015)}`,
    noEdgeBranch: true,
  },
  {
    name: 'English multi-role server: no Edge branch',
    paste: `Our multi-role Exchange 2016 server EX16 logs this.\n\n${EVENT(12015, 'EX16.fabrikam.local', EXPIRED_12015)}`,
    noEdgeBranch: true,
  },
  {
    name: 'Japanese: a server named EXMBX02: no Edge branch',
    paste: `Exchange 2016 CU23 (EXMBX02) のアプリケーション ログです。\n\n${EVENT_JA(12015, 'EXMBX02.tokyo-kogyo.local', EXPIRED_12015_JA)}`,
    noEdgeBranch: true,
  },
  {
    name: 'Japanese: 「EXJ01 (メールボックス)」: no Edge branch',
    paste: `EXJ01 (メールボックス) の警告です。\n\n${EVENT_JA(12015, 'EXJ01', EXPIRED_12015_JA)}`,
    noEdgeBranch: true,
  },
  {
    name: 'HTTP.sys (Exchange Back End on 444) logged on the same server: a Mailbox server, no Edge branch',
    paste: `${EVENT(12015, 'EX19-03.contoso.com', EXPIRED_12015)}\n${EVENT(15021, 'EX19-03.contoso.com', 'An error occurred while using SSL configuration for endpoint 0.0.0.0:444.  The error status code is contained within the returned data.', 'Microsoft-Windows-HttpEvent')}`,
    noEdgeBranch: true,
  },
  {
    name: 'a renewal on an Edge: its steps run on the Edge, and no Hybrid Configuration Wizard step is placed there',
    paste: `Exchange 2019 CU15 Edge: the renewed certificate is imported but not enabled.\n\n${EVENT(12014, 'EDGE01.dmz.contoso.com', STARTTLS_12014)}\n${RENEWED_EDGE}`,
    hcwNotOn: 'EDGE01',
  },
];

describe('steps placed by the role the paste shows', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW });
      const placed = result.steps.filter((s) => s.server && s.role !== 'any');
      if (row.role) {
        assert.ok(placed.length > 0, 'no step is placed on a server');
        for (const step of placed) assert.equal(step.role, row.role, `${step.id} runs as ${step.role}`);
      }
      if (row.noEdgeBranch) {
        const text = result.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');
        assert.doesNotMatch(text, /If ServerRole shows Edge|ServerRole が Edge の場合|New-EdgeSubscription/);
      }
      if (row.hcwNotOn) {
        const hcw = result.steps.filter((s) => /Re-run the Hybrid Configuration Wizard/i.test(s.title));
        assert.ok(result.steps.some((s) => s.server === row.hcwNotOn && s.role === 'edge'));
        for (const step of hcw) assert.notEqual(step.server, row.hcwNotOn, `${step.id} is placed on the Edge`);
      }
    });
  }
});
