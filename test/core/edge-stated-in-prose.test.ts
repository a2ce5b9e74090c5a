import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';

/**
 * An Edge the admin states in prose ("Edge in the DMZ (EDGE-AMS01", "the Edge server EDGE01",
 * 「DMZ の Edge サーバー (EDGEJP01」「エッジ トランスポート サーバーは EDGEJP02 です」) is a fact: the
 * renewal stays on the Edge (no IIS, 444, 443 or Default Frontend step, no copy of its internet
 * certificate to the Mailbox servers named beside it), transport restarts on the Edge, and the plan
 * says whether a new Edge subscription is needed: yes for its own self-signed certificate replaced
 * with Y, no for a CA certificate enabled with N.
 */

const NOW = new Date('2026-11-28T12:00:00Z');

const CA_FL = (thumb: string, cn: string, notAfter: string, selfThumb: string, edge: string) => `
[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,Services,NotAfter,IsSelfSigned

Thumbprint   : ${thumb}
Subject      : CN=${cn}, O=Contoso Ltd, C=JP
Issuer       : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
Services     : SMTP
NotAfter     : ${notAfter}
IsSelfSigned : False

Thumbprint   : ${selfThumb}
Subject      : CN=${edge}
Issuer       : CN=${edge}
Services     : SMTP
NotAfter     : 2030/01/15 10:22:31
IsSelfSigned : True
`;

const SELF_FT = (thumb: string, edge: string) => `
[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services   NotAfter              Subject
----------                               --------   --------              -------
${thumb}   ....S..... 11/14/2026 9:02:17 AM CN=${edge}
A9CCD545406CD08F558AED4E6386F07E4BC6D303   ....S..... 4/2/2029 3:15:40 PM   CN=Microsoft Exchange Server Auth Certificate
`;

interface Row {
  name: string;
  paste: string;
  language?: 'en' | 'ja';
  edge: string;
  /** Mailbox servers named beside the Edge: no step copies the Edge's certificate to them. */
  mailbox: string[];
  /** A CA certificate enabled with N: transport restarts on the Edge and the subscription stands. */
  ca: boolean;
}

const rows: Row[] = [
  {
    name: 'English: "Edge in the DMZ (EDGE-AMS01, …)", its self-signed certificate expired',
    paste: `Edge in the DMZ (EDGE-AMS01, Exchange SE RTM, workgroup box) stopped syncing; Mailbox side is MBX-AMS01/02. From the Edge EMS:\n${SELF_FT('44CBCCDE40952E0E7E942F9E218BB2A85A91064E', 'EDGE-AMS01')}\nAD site is AMS.`,
    edge: 'EDGE-AMS01',
    mailbox: [],
    ca: false,
  },
  {
    name: 'English: "the Edge server EDGE01", a CA certificate expiring, DAG members named',
    paste: `The Edge server EDGE01 (Exchange 2019 CU14) receives internet mail on 25; internal Mailbox servers are MBX01 and MBX02 in a DAG. From the Edge:\n${CA_FL('B11C3ED280BBDC237236C3D7EBBF123CA9F88C24', 'mx.contoso.com', '2026/12/04 23:59:59', '94C091062908148F6717CB8D4EF9C75BE8344A8C', 'EDGE01')}\nWhere do I make the CSR? Do I need to redo EdgeSync?`,
    edge: 'EDGE01',
    mailbox: ['MBX01', 'MBX02'],
    ca: true,
  },
  {
    name: 'English: "EDGE02 is our Edge", CA certificate expiring',
    paste: `EDGE02 is our Edge, Exchange 2016 CU23. Certificate renews next week.\n${CA_FL('C11C3ED280BBDC237236C3D7EBBF123CA9F88C24', 'smtp.contoso.com', '2026/12/03 23:59:59', 'A4C091062908148F6717CB8D4EF9C75BE8344A8C', 'EDGE02')}`,
    edge: 'EDGE02',
    mailbox: [],
    ca: true,
  },
  {
    name: 'Japanese: 「DMZ の Edge サーバー (EDGEJP01、…)」, CA certificate expiring, DAG named',
    language: 'ja',
    paste: `お疲れ様です。DMZ の Edge サーバー (EDGEJP01、Exchange 2019 CU13、ワークグループ) の証明書が来週切れます。\n内部の Mailbox は MBXJP01/MBXJP02 (DAG)、AD サイトは Tokyo です。\n${CA_FL('A11C3ED280BBDC237236C3D7EBBF123CA9F88C24', 'mx.contoso.co.jp', '2026/12/04 23:59:59', '84C091062908148F6717CB8D4EF9C75BE8344A8C', 'EDGEJP01')}\nCSR はどこで作ればいいですか？ EdgeSync はやり直しが必要ですか？`,
    edge: 'EDGEJP01',
    mailbox: ['MBXJP01', 'MBXJP02'],
    ca: true,
  },
  {
    name: 'Japanese: 「エッジ トランスポート サーバーは EDGEJP02 です」, its self-signed certificate expired',
    language: 'ja',
    paste: `エッジ トランスポート サーバーは EDGEJP02 です (Exchange 2019 CU14)。EdgeSync が失敗しています。メールボックス サーバーは MBXJP11 です。\n${SELF_FT('54CBCCDE40952E0E7E942F9E218BB2A85A91064E', 'EDGEJP02')}`,
    edge: 'EDGEJP02',
    mailbox: [],
    ca: false,
  },
  {
    name: 'Japanese: 「EDGEJP03 がエッジです」, CA certificate expiring',
    language: 'ja',
    paste: `EDGEJP03 がエッジです。Exchange 2016 CU23 で、外部からの受信を 25 番で受けています。\n${CA_FL('D11C3ED280BBDC237236C3D7EBBF123CA9F88C24', 'mail.contoso.co.jp', '2026/12/02 23:59:59', 'B4C091062908148F6717CB8D4EF9C75BE8344A8C', 'EDGEJP03')}`,
    edge: 'EDGEJP03',
    mailbox: [],
    ca: true,
  },
];

describe('an Edge stated in prose keeps the whole renewal on the Edge', () => {
  for (const row of rows) {
    it(row.name, () => {
      const result = diagnose(row.paste, { now: NOW, ...(row.language && { language: row.language }) });
      const text = result.steps.map((s) => `${s.title}\n${s.command ?? ''}`).join('\n');
      const placed = result.steps.filter((s) => s.server === row.edge);
      assert.ok(placed.length > 0, 'no step is placed on the Edge');
      for (const step of placed) assert.notEqual(step.role, 'mailbox', `${step.id} runs on the Edge as Mailbox`);
      assert.doesNotMatch(text, /-Services IIS|IIS,SMTP|:444|:443|Default Frontend|iisreset|ServerRole/);
      assert.ok(!result.steps.some((s) => s.id === 'check-443-here'), 'a 443 check on an Edge');
      for (const mailbox of row.mailbox)
        assert.ok(!result.steps.some((s) => s.server === mailbox), `a step copies the Edge's certificate to ${mailbox}`);
      const restart = result.steps.find((s) => /Restart-Service MSExchangeTransport/.test(s.command ?? ''));
      assert.equal(restart?.server, row.edge, 'MSExchangeTransport is not restarted on the Edge');
      const ids = result.steps.map((s) => s.id);
      if (row.ca) {
        assert.ok(ids.includes('edge-subscription-stands'), 'the plan does not say the subscription stands');
        assert.ok(!ids.includes('edge-new-subscription'), 'a new subscription for a CA certificate enabled with N');
      } else {
        assert.ok(ids.includes('edge-new-subscription'), 'no new subscription after the self-signed one is replaced');
        assert.ok(!ids.includes('edge-subscription-stands'));
      }
    });
  }
});
