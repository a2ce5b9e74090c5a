import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import type { Step } from '../../../src/core/model.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

// Which connectors a plan changes. A queue's 454 4.7.5 or an event names the connector that fails:
// only it changes, from the certificate the paste shows with its name. The hybrid connectors (Default
// Frontend, Outbound to Office 365) change only when the failure is theirs, or under a branch that
// shows it first; a server the admin puts outside the hybrid keeps its Default Frontend connector.

interface Case {
  name: string;
  paste: string;
  /** The connectors Set-SendConnector / Set-ReceiveConnector must name (an Office 365 filter counts as 'Outbound to Office 365'). */
  changed: string[];
  /** The Office 365 connector may appear only under a branch ('when'). */
  hybridBranchedOnly?: boolean;
  /** The thumbprint the connectors are set from. */
  thumbprint?: string;
  /** A certificate for another name: never what a connector is set from. */
  never?: string;
}

const RENEWED_RELAY = '422C7313E4F26464679C658A59884CFB34028962';
const MAIL = '5A185CC218ED96387C0B9C24EF4DF7FAAA60AA20';

const certTable = (
  rows: string,
) => `[PS] C:\\>Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------
${rows}
`;

const partnerQueue = (
  server: string,
  hop: string,
  extra = '',
) => `[PS] C:\\>Get-Queue -Server ${server} | ? LastError | fl Identity,DeliveryType,Status,MessageCount,NextHopDomain,NextHopConnector,LastError

Identity         : ${server}\\48213
DeliveryType     : SmartHostConnectorDelivery
Status           : Retry
MessageCount     : 212
NextHopDomain    : ${hop}
${extra}LastError        : 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.
`;

const sendListing = (
  rows: string,
) => `[PS] C:\\>Get-SendConnector | ft Name,TlsAuthLevel,RequireTLS,TlsCertificateName -AutoSize -Wrap

Name                                   TlsAuthLevel        RequireTLS TlsCertificateName
----                                   ------------        ---------- ------------------
${rows}
`;

const O365_ROW =
  'Outbound to Office 365 - 0f3c1e7a-...  CertificateValidation True     <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.adventure-works.com';

const CASES: Case[] = [
  {
    name: 'English, 2016: a partner forced-TLS queue beside a working hybrid',
    paste: `Exchange 2016 CU23, EX16A. Mail to one partner is stuck since I removed expired certificates. Office 365 mail flows.

${partnerQueue('EX16A', 'to contoso legal partner (forced tls)')}
${sendListing(`Internet                                                   False
${O365_ROW}
To Contoso Legal Partner (Forced TLS)  DomainValidation    True       <I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB<S>CN=relay.adventure-works.com`)}
${certTable(`${MAIL} ...WS..  6/30/2027 11:59:59 PM  CN=mail.adventure-works.com
${RENEWED_RELAY} ....S..  11/12/2027 11:59:59 PM CN=relay.adventure-works.com
145B50458CB22BAF8E075C652843DD03EA6A740C IP.WS..  1/19/2030 3:12:40 PM   CN=EX16A`)}`,
    changed: ['To Contoso Legal Partner (Forced TLS)'],
    thumbprint: RENEWED_RELAY,
  },
  {
    name: 'Japanese, 2019: a partner forced-TLS queue, the hybrid connector on another certificate',
    paste: `Exchange 2019 CU14 の EX19-01 です。期限切れの証明書を削除してから、取引先宛てのメールだけがキューに溜まっています。Office 365 宛ては流れています。

${partnerQueue('EX19-01', 'to kyoei shoji (forced tls)')}
${sendListing(`${O365_ROW}
To Kyoei Shoji (Forced TLS)            DomainValidation    True       <I>CN=Cybertrust Japan SureServer CA G4, O="Cybertrust Japan Co., Ltd.", C=JP<S>CN=relay.adventure-works.com`)}
${certTable(`${MAIL} ...WS..  6/30/2027 11:59:59 PM  CN=mail.adventure-works.com
${RENEWED_RELAY} ....S..  11/12/2027 11:59:59 PM CN=relay.adventure-works.com`)}`,
    changed: ['To Kyoei Shoji (Forced TLS)'],
    thumbprint: RENEWED_RELAY,
  },
  {
    name: 'English, 2013: a domain-secure connector named by its GUID, the queue toward the partner domain',
    paste: `Exchange 2013 CU23 on EX13-01, domain security with Fabrikam. Since the renewal:

${partnerQueue('EX13-01', 'fabrikam.com', 'NextHopConnector : 6f1a0c3e-8d2b-4e57-a9c4-2b7e1d0f9a36\n')}
${certTable(`${RENEWED_RELAY} ....S..  11/12/2027 11:59:59 PM CN=relay.adventure-works.com`)}`,
    changed: ['6f1a0c3e-8d2b-4e57-a9c4-2b7e1d0f9a36'],
  },
  {
    name: 'English, SE: a smart host relay connector, no connector listing',
    paste: `Exchange Server SE on EXSE01. Outbound through our Mimecast relay connector stopped after I deleted the old cert.

${partnerQueue('EXSE01', 'relay via mimecast')}`,
    changed: ['relay via mimecast'],
  },
  {
    name: 'Japanese, 2016: a relay connector through the ISP smart host, hybrid connector listed',
    paste: `Exchange 2016 CU23 (EX16-MB01) です。ISP のスマート ホスト経由のコネクタだけが 454 4.7.5 で止まっています。

${partnerQueue('EX16-MB01', 'isp smarthost relay')}
${sendListing(`${O365_ROW}
ISP Smarthost Relay                    EncryptionOnly      True       <I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB<S>CN=relay.adventure-works.com`)}
${certTable(`${RENEWED_RELAY} ....S..  11/12/2027 11:59:59 PM CN=relay.adventure-works.com`)}`,
    changed: ['ISP Smarthost Relay'],
    thumbprint: RENEWED_RELAY,
  },
  {
    name: 'English, 2019: a partner queue in Get-Queue | ft, its connector listed with fl',
    paste: `Exchange 2019 CU14 EX19A. Only Fabrikam mail is stuck after I removed the expired cert; O365 works.

[PS] C:\\>Get-Queue | ft Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError -AutoSize

Identity  DeliveryType               Status MessageCount NextHopDomain        LastError
--------  ------------               ------ ------------ -------------        ---------
EX19A\\52  SmartHostConnectorDelivery Retry  37           to fabrikam bank tls 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.

[PS] C:\\>Get-SendConnector | fl Name,TlsCertificateName

Name               : Outbound to Office 365 - 9a8b7c6d-1111-2222-3333-444455556666
TlsCertificateName : <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.fabrikamclient.com

Name               : To Fabrikam Bank TLS
TlsCertificateName : <I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB<S>CN=smtp.fabrikamclient.com

${certTable(`7F3A55C3A414068D791884F7D54BDC7B3A9D0611 ....S..  3/1/2028 11:59:59 PM  CN=smtp.fabrikamclient.com
11AA55C3A414068D791884F7D54BDC7B3A9D0622 ...WS..  3/1/2028 11:59:59 PM  CN=mail.fabrikamclient.com`)}`,
    changed: ['To Fabrikam Bank TLS'],
    thumbprint: '7F3A55C3A414068D791884F7D54BDC7B3A9D0611',
  },
  {
    name: 'English, 2019: the Office 365 queue itself (hybrid)',
    paste: `Exchange 2019 CU14, EX19-01, hybrid. After the renewal mail to Office 365 queues.

${partnerQueue('EX19-01', 'outbound to office 365 - 0f3c1e7a-1111-2222-3333-444455556666')}
${certTable(`${MAIL} ...WS..  6/30/2027 11:59:59 PM  CN=mail.adventure-works.com`)}`,
    changed: ['Outbound to Office 365', 'Default Frontend EX19-01'],
  },
  {
    name: 'Japanese, 2019: the queue toward the tenant routing domain (hybrid)',
    paste: `Exchange 2019 CU15 (EXJ01) のハイブリッドです。証明書を更新してから Office 365 宛てのメールが溜まっています。

[PS] C:\\>Get-Queue | ft Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError -Wrap

Identity   DeliveryType               Status MessageCount NextHopDomain                 LastError
--------   ------------               ------ ------------ -------------                 ---------
EXJ01\\31  SmartHostConnectorDelivery Retry  88           contoso.mail.onmicrosoft.com  454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.
`,
    changed: ['Outbound to Office 365', 'Default Frontend EXJ01'],
  },
  {
    name: 'English, 2019: the tenant routing queue whose LastError wraps the 454 in a 451 4.4.0 (hybrid)',
    paste: `Exchange 2019 CU14 (EXHY01), hybrid. Mail to Exchange Online queues since the renewal.

[PS] C:\\>Get-Queue | ft Identity,DeliveryType,Status,MessageCount,NextHopDomain,LastError -Wrap

Identity   DeliveryType               Status MessageCount NextHopDomain                 LastError
--------   ------------               ------ ------------ -------------                 ---------
EXHY01\\3  SmartHostConnectorDelivery Retry  214          contoso.mail.onmicrosoft.com  451 4.4.0 Primary target IP address responded with: "454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found." Attempted failover to alternate host, but that did not succeed.
`,
    changed: ['Outbound to Office 365', 'Default Frontend EXHY01'],
  },
  {
    name: 'English, 2016: a 454 4.7.5 without its queue (undecided: shown, then branched)',
    paste: `Exchange 2016 CU23. Users get NDRs since yesterday; the queue viewer shows 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.`,
    changed: [],
    hybridBranchedOnly: true,
  },
  {
    name: 'English, 2019: a 454 4.7.5 in prose, the relay certificate alone listed beside the hybrid pin',
    paste: `Exchange 2019 CU14 on EX19-01. Since the clean-up: 454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.

${sendListing(`${O365_ROW}
To Contoso Legal Partner (Forced TLS)  DomainValidation    True       <I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB<S>CN=relay.adventure-works.com`)}
${certTable(`${RENEWED_RELAY} ....S..  11/12/2027 11:59:59 PM CN=relay.adventure-works.com`)}`,
    changed: [],
    hybridBranchedOnly: true,
    never: RENEWED_RELAY,
  },
  {
    name: 'English, 2016 hybrid: a 12014 on Default Frontend, the other server outside the wizard',
    paste: `Hybrid broke after the renewal. Exchange 2016 CU23, mailbox servers EX16-01 and EX16-02 (only EX16-01 is in the HCW). The new DigiCert cert is enabled for IIS and SMTP on both; the old one was removed.

Log Name:      Application
Source:        MSExchangeFrontEndTransport
Event ID:      12014
Level:         Error
Computer:      EX16-01.corp.relecloud.com
Description:
Microsoft Exchange could not find a certificate that contains the domain name <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.relecloud.com, O=Relecloud, L=Austin, S=Texas, C=US in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EX16-01 with a FQDN parameter of mail.relecloud.com. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.

[PS] C:\\>Get-ExchangeCertificate -Server EX16-01 | ft Thumbprint,Services,NotAfter,Subject -AutoSize

Thumbprint                               Services NotAfter               Subject
----------                               -------- --------               -------
CB3A55C3A414068D791884F7D54BDC7B3A9D06D1 ...WS..  11/20/2027 11:59:59 PM CN=mail.relecloud.com, O=Relecloud Corporation, L=Austin, S=Texas, C=US
02410009AC54C600915023C77EA5E74FD32F793B ....S..  5/3/2027 11:59:59 PM   CN=relay.relecloud.com

[PS] C:\\>Get-SendConnector | ft Name,TlsCertificateName -AutoSize

Name                                                        TlsCertificateName
----                                                        ------------------
Outbound to Office 365 - 6b1f0c2e-8d4a-4e7b-9a33-1f2d5c7e9b10 <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.relecloud.com, O=Relecloud, L=Austin, S=Texas, C=US
To Partner Fourth Coffee (Forced TLS)                        <I>CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB<S>CN=relay.relecloud.com
`,
    changed: ['Default Frontend EX16-01', 'Outbound to Office 365 - 6b1f0c2e-8d4a-4e7b-9a33-1f2d5c7e9b10'],
    thumbprint: 'CB3A55C3A414068D791884F7D54BDC7B3A9D06D1',
  },
];

/** A Japanese copy of the 12014 case: the admin says in Japanese which server the wizard uses. */
const HYBRID_12014 = CASES.at(-1);
if (HYBRID_12014) {
  CASES.push({
    ...HYBRID_12014,
    name: 'Japanese, 2016 hybrid: a 12014 on Default Frontend, the other server outside the wizard',
    paste: HYBRID_12014.paste.replace(
      /^Hybrid broke[^\n]*\n/,
      '証明書の更新後にハイブリッドが壊れました。Exchange 2016 CU23、メールボックス サーバーは EX16-01 と EX16-02 です。HCW の対象は EX16-01 だけです。新しい DigiCert の証明書は両方で IIS と SMTP に割り当て済みで、古い証明書は削除しました。\n',
    ),
  });
}

/** The connectors a step's command changes. */
function changedConnectors(step: Step): string[] {
  const command = step.command ?? '';
  const names = [...command.matchAll(/Set-(?:Send|Receive)Connector\s+'([^']+)'/g)].map((m) => m[1] ?? '');
  if (/Outbound to Office 365\*'\s*\}\s*\|\s*Set-SendConnector/.test(command)) names.push('Outbound to Office 365');
  return names.map((n) => n.replace(/^[^\\]*\\/, ''));
}

/** A step given for one outcome of a question the paste leaves open ("If …:", 「…場合:」). */
const branched = (step: Step) => /^If |場合[:：]/.test(step.title);

describe('connector choice: only the failing connector, the hybrid ones only when shown', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const d = diagnose(c.paste, { now: REFERENCE_NOW });
      const changing = d.steps.filter((s) => changedConnectors(s).length > 0);
      const changed = new Set(changing.filter((s) => !branched(s)).flatMap(changedConnectors));
      for (const name of c.changed)
        assert.ok(
          [...changed].some((n) => n.toLowerCase().startsWith(name.toLowerCase())),
          `${name} not changed: ${[...changed].join(' | ')}`,
        );
      for (const name of changed)
        assert.ok(
          c.changed.some((n) => name.toLowerCase().startsWith(n.toLowerCase())),
          `${name} changed although the paste does not name it as failing`,
        );
      const o365 = d.steps.filter(
        (s) => /Outbound to Office 365/.test(s.command ?? '') && /Set-/.test(s.command ?? ''),
      );
      const hybridShown = c.changed.some((n) => /^Outbound to Office 365/i.test(n));
      if (!hybridShown)
        for (const s of o365) assert.ok(branched(s), `Outbound to Office 365 changed without a branch: ${s.title}`);
      if (c.hybridBranchedOnly) {
        assert.ok(o365.length > 0, 'the hybrid outcome is given under its branch');
        const shown = d.steps.findIndex((s) => s.id === 'show-failing-send-queue');
        assert.ok(shown >= 0 && shown < d.steps.indexOf(o365[0] as Step), 'the failing queue is shown first');
      }
      if (c.never) for (const s of changing) assert.ok(!s.command?.includes(c.never), `${s.title}: ${s.command}`);
      if (c.thumbprint)
        for (const s of changing) assert.ok(s.command?.includes(c.thumbprint), `${s.title}: ${s.command}`);
      // One route: no "alternatively, re-run the wizard" after the connectors were set by hand.
      assert.ok(!d.steps.some((s) => s.id === 'rerun-hcw'), 'no alternative route after the manual steps');
    });
  }
});

// A renewal already in the store: every connector the paste shows naming the old certificate is
// pointed at the renewal by name (a partner's too: the wizard would leave it behind), and only they.
const renewalPaste = (prose: string, partnerPin: string) => `${prose}

[PS] C:\\>Get-ExchangeCertificate | fl Thumbprint,Subject,Issuer,NotAfter,Services,CertificateDomains

Thumbprint         : E0D5C5382B9A00759BEB9489656AA555ECCAF5FD
Subject            : CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US
Issuer             : CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US
NotAfter           : 11/29/2026 3:59:59 PM
Services           : IIS, SMTP
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}

Thumbprint         : 97539535F644A6FCCC817BB473AA5A6DC0119308
Subject            : CN=mail.contoso.com
Issuer             : CN=Sectigo RSA Domain Validation Secure Server CA, O=Sectigo Limited, L=Salford, S=Greater Manchester, C=GB
NotAfter           : 12/1/2027 3:59:59 PM
Services           : IIS, SMTP
CertificateDomains : {mail.contoso.com, autodiscover.contoso.com}

[PS] C:\\>Get-SendConnector | ft Name,TlsCertificateName -AutoSize

Name                                                          TlsCertificateName
----                                                          ------------------
Outbound to Office 365 - 1b7e3c44-9a0f-4e25-8d61-5c2f0a9b3e17 <I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US
Partner - Fabrikam TLS                                        ${partnerPin}
Internet
`;
const OLD_PIN =
  '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, L=Seattle, S=Washington, C=US';
const OTHER_PIN = '<I>CN=Contoso Issuing CA 01, DC=corp, DC=contoso, DC=com<S>CN=relay.contoso.com';

describe('connector choice after a renewal already in the store', () => {
  const variants = [
    {
      name: 'English: a partner connector names the old certificate too',
      paste: renewalPaste(
        'Hybrid, EX01 is our only server (2019 CU14). The new Sectigo cert is imported and enabled for IIS and SMTP; the DigiCert one expires tomorrow.',
        OLD_PIN,
      ),
      changed: ['Outbound to Office 365 - 1b7e3c44-9a0f-4e25-8d61-5c2f0a9b3e17', 'Partner - Fabrikam TLS'],
    },
    {
      name: 'Japanese: a partner connector names the old certificate too',
      paste: renewalPaste(
        'ハイブリッド構成です。EX01 (Exchange 2019 CU14) 1 台だけです。新しい Sectigo の証明書をインポートして IIS と SMTP に割り当てました。DigiCert の証明書は明日期限切れです。',
        OLD_PIN,
      ),
      changed: ['Outbound to Office 365 - 1b7e3c44-9a0f-4e25-8d61-5c2f0a9b3e17', 'Partner - Fabrikam TLS'],
    },
    {
      name: 'English: the partner connector names another certificate and stays',
      paste: renewalPaste(
        'Hybrid, EX01 is our only server (2019 CU14). The new Sectigo cert is imported and enabled for IIS and SMTP; the DigiCert one expires tomorrow.',
        OTHER_PIN,
      ),
      // The Office 365 connector shown naming the old certificate is set by name before the removal
      // (the wizard would make the same change); the partner's, naming another certificate, stays.
      changed: ['Outbound to Office 365 - 1b7e3c44-9a0f-4e25-8d61-5c2f0a9b3e17'],
    },
  ];
  for (const v of variants) {
    it(v.name, () => {
      const d = diagnose(v.paste, { now: REFERENCE_NOW });
      const changed = new Set(d.steps.filter((s) => !branched(s)).flatMap(changedConnectors));
      assert.deepEqual([...changed].sort(), [...v.changed].sort());
      for (const s of d.steps.filter((step) => changedConnectors(step).length > 0))
        assert.ok(s.command?.includes('97539535F644A6FCCC817BB473AA5A6DC0119308'), s.command);
      assert.ok(
        !d.steps.some(
          (s) => /Partner - Fabrikam/.test(s.command ?? '') && !v.changed.includes('Partner - Fabrikam TLS'),
        ),
      );
    });
  }
});

// The admin names the connector that pins the expiring certificate in prose: that connector, and no
// other, is pointed at the renewal.
const event12018 = (computer: string, subject: string) => `Log Name:      Application
Source:        MSExchangeTransport
Event ID:      12018
Level:         Warning
Computer:      ${computer}
Description:
The STARTTLS certificate will expire soon: subject: ${subject}, thumbprint: CF115D4F58852BA7C7E2CD43497ABDE787F04FCC, hours remaining: 330. Run the New-ExchangeCertificate cmdlet to create a new certificate.
`;

describe('connector choice when the admin names the pinning connector in prose', () => {
  const variants = [
    {
      name: 'English, 2019: a partner send connector pins the expiring SMTP certificate',
      paste: `Exchange 2019 CU14 on EX19-01. smtp.wingtiptoys.com is a GlobalSign cert we use only for SMTP: the send connector "To Partners TLS" pins it with TlsCertificateName. What's the plan?

${event12018('EX19-01.wingtiptoys.com', 'smtp.wingtiptoys.com')}`,
      changed: ['To Partners TLS'],
    },
    {
      name: 'Japanese, 2016: 送信コネクタ「…」が TlsCertificateName で指定',
      paste: `Exchange 2016 CU23 の EX16-01 です。smtp.wingtiptoys.com の証明書 (GlobalSign) は SMTP 専用で、送信コネクタ「取引先 TLS 送信」が TlsCertificateName で指定しています。対応手順を教えてください。

${event12018('EX16-01.wingtiptoys.com', 'smtp.wingtiptoys.com')}`,
      changed: ['取引先 TLS 送信'],
    },
    {
      name: 'English: a connector said to pin another certificate is left alone',
      paste: `Exchange 2019 CU14 on EX19-01. The send connector "To Partners TLS" pins relay.wingtiptoys.com with TlsCertificateName; this warning is about another certificate.

${event12018('EX19-01.wingtiptoys.com', 'smtp.wingtiptoys.com')}`,
      changed: [],
    },
  ];
  for (const v of variants) {
    it(v.name, () => {
      const d = diagnose(v.paste, { now: REFERENCE_NOW });
      const changed = new Set(d.steps.flatMap(changedConnectors));
      assert.deepEqual([...changed], v.changed);
      assert.ok(!d.steps.some((s) => /Outbound to Office 365/.test(s.command ?? '') && /Set-/.test(s.command ?? '')));
    });
  }
});
