import type { Release } from './cmdlet-data.js';
import type { Cell, Role } from './matrix.js';
import { isModern } from './matrix.js';
import {
  certificatesOf,
  hostNames,
  type KnownCertificate,
  type KnownConnector,
  type KnownEvent,
  TP,
  type Truth,
} from './truth.js';

/** Renders a cell as the text an admin pastes: Event Viewer copies, EMS output, netsh, in their real shapes. */

const BUILD: Record<Release, string> = {
  '2007': 'Version 8.3 (Build 83.6)',
  '2010': 'Version 14.3 (Build 123.4)',
  '2013': 'Version 15.0 (Build 1497.2)',
  '2016': 'Version 15.1 (Build 2507.6)',
  '2019': 'Version 15.2 (Build 1544.4)',
  SE: 'Version 15.2 (Build 2562.17)',
};

const DATES = {
  expired: { notBefore: '10/14/2021 3:22:51 AM', notAfter: '10/14/2026 3:22:51 AM', status: 'DateInvalid' },
  expiring: { notBefore: '12/18/2021 9:10:00 AM', notAfter: '12/18/2026 9:10:00 AM', status: 'Valid' },
  valid: { notBefore: '3/27/2024 12:00:00 AM', notAfter: '3/27/2028 11:59:59 PM', status: 'Valid' },
} as const;

const PROMPT = '[PS] C:\\Windows\\system32>';
const OUTBOUND = 'Outbound to Office 365 - 4c7d2e19-0b6a-4f83-a5d1-9e2c7b30f846';
const PARTNER_PIN = '<I>CN=Contoso Issuing CA 01, O=Contoso, C=US<S>CN=smtp-partner.contoso.com';

function roleLine(version: Release, role: Role): string | undefined {
  if (role === 'unknown') return undefined;
  if (role === 'edge') return 'Edge';
  const old = version === '2007' || version === '2010';
  if (role === 'hub-mailbox') return old ? 'Mailbox, HubTransport' : 'Mailbox';
  if (version === '2007') return 'ClientAccess, HubTransport';
  if (version === '2010') return 'Mailbox, ClientAccess, HubTransport';
  return version === '2013' ? 'Mailbox, ClientAccess' : 'Mailbox';
}

function listing(certs: KnownCertificate[], withIssuer: boolean): string {
  const command = withIssuer
    ? 'Get-ExchangeCertificate | fl'
    : 'Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter,Services';
  const blocks = certs.map((c) => {
    const d = DATES[c.state];
    const selfSigned = c.kind === 'setup' || c.kind === 'auth';
    if (!withIssuer)
      return [
        `Thumbprint : ${c.thumbprint}`,
        `Subject    : ${c.subject}`,
        `NotAfter   : ${d.notAfter}`,
        `Services   : ${c.services.join(', ')}`,
      ].join('\n');
    return [
      'AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule, System.Security.AccessControl.CryptoKeyAccessRule}',
      `CertificateDomains : {${c.domains.join(', ')}}`,
      'HasPrivateKey      : True',
      `IsSelfSigned       : ${selfSigned ? 'True' : 'False'}`,
      `Issuer             : ${c.issuer}`,
      `NotAfter           : ${d.notAfter}`,
      `NotBefore          : ${d.notBefore}`,
      'PublicKeySize      : 2048',
      `RootCAType         : ${c.kind === 'setup' ? 'Registry' : c.kind === 'auth' ? 'None' : 'ThirdParty'}`,
      `SerialNumber       : ${c.thumbprint.slice(0, 32)}`,
      `Services           : ${c.services.join(', ')}`,
      `Status             : ${d.status}`,
      `Subject            : ${c.subject}`,
      `Thumbprint         : ${c.thumbprint}`,
    ].join('\n');
  });
  return `${PROMPT}${command}\n\n${blocks.join('\n\n')}\n\n`;
}

function netsh(port: number, thumbprint: string, ja: boolean): string {
  const hash = thumbprint.toLowerCase();
  if (ja)
    return `C:\\Windows\\system32>netsh http show sslcert ipport=0.0.0.0:${port}\n\nSSL 証明書のバインド:\n-------------------------\n\n    IP:ポート                    : 0.0.0.0:${port}\n    証明書ハッシュ               : ${hash}\n    アプリケーション ID          : {4dc3e181-e14b-4a21-b022-59fc669b0914}\n    証明書ストア名               : My\n\n`;
  return `C:\\Windows\\system32>netsh http show sslcert ipport=0.0.0.0:${port}\n\nSSL Certificate bindings:\n-------------------------\n\n    IP:port                      : 0.0.0.0:${port}\n    Certificate Hash             : ${hash}\n    Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}\n    Certificate Store Name       : My\n\n`;
}

function pinOf(c: KnownCertificate): string {
  return `<I>${c.issuer}<S>${c.subject}`;
}

function connectorsOf(cell: Cell, certs: KnownCertificate[]): KnownConnector[] {
  const { server, serverFqdn, publicName } = hostNames(cell);
  const ca = certs.find((c) => c.kind === 'ca' || c.kind === 'unknown-issuer');
  if (isModern(cell.version) && cell.role !== 'edge' && ca) {
    return [
      { name: OUTBOUND, direction: 'send', tlsCertificateName: pinOf(ca), hybrid: true },
      { name: 'Partner TLS to Fabrikam', direction: 'send', tlsCertificateName: PARTNER_PIN, hybrid: false },
      { name: 'Internet', direction: 'send', hybrid: false },
      {
        name: `Default Frontend ${server}`,
        direction: 'receive',
        fqdn: publicName,
        tlsCertificateName: pinOf(ca),
        hybrid: true,
      },
    ];
  }
  if (cell.role === 'edge')
    return [
      { name: `Default internal receive connector ${server}`, direction: 'receive', fqdn: serverFqdn, hybrid: false },
    ];
  return [
    { name: `Default ${server}`, direction: 'receive', fqdn: serverFqdn, hybrid: false },
    { name: `Client ${server}`, direction: 'receive', fqdn: serverFqdn, hybrid: false },
    { name: `Internet ${server}`, direction: 'receive', fqdn: publicName, hybrid: false },
  ];
}

function connectorListing(cell: Cell, connectors: KnownConnector[]): string {
  const { server } = hostNames(cell);
  const send = connectors.filter((c) => c.direction === 'send');
  if (send.length > 0) {
    const width = Math.max(...send.map((c) => c.name.length)) + 1;
    const rows = send.map((c) => `${c.name.padEnd(width)}${c.tlsCertificateName ?? ''}`);
    const frontend = connectors.find((c) => c.direction === 'receive') as KnownConnector;
    return `${PROMPT}Get-SendConnector | ft Name,TlsCertificateName -AutoSize\n\n${'Name'.padEnd(width)}TlsCertificateName\n${'----'.padEnd(width)}------------------\n${rows.join('\n')}\n\n${PROMPT}Get-ReceiveConnector "${server}\\${frontend.name}" | fl Name,Fqdn,TlsCertificateName\n\nName               : ${frontend.name}\nFqdn               : ${frontend.fqdn}\nTlsCertificateName : ${frontend.tlsCertificateName}\n\n`;
  }
  const width = Math.max(...connectors.map((c) => c.name.length)) + 1;
  const rows = connectors.map((c) => `${c.name.padEnd(width)}${c.fqdn ?? ''}`);
  return `${PROMPT}Get-ReceiveConnector | ft Name,Fqdn -AutoSize\n\n${'Name'.padEnd(width)}Fqdn\n${'----'.padEnd(width)}----\n${rows.join('\n')}\n\n`;
}

function eventOf(cell: Cell, certs: KnownCertificate[]): KnownEvent | undefined {
  if (cell.event === 'none') return undefined;
  const { server, serverFqdn, publicName } = hostNames(cell);
  const source: KnownEvent['source'] =
    cell.source === 'unknown'
      ? undefined
      : cell.source === 'frontend'
        ? 'MSExchangeFrontEndTransport'
        : 'MSExchangeTransport';
  const ca = certs.find((c) => c.kind === 'ca' || c.kind === 'unknown-issuer');
  const caScenario = cell.certificates === 'expired-ca' || cell.certificates === 'unknown-issuer';
  const base: Pick<KnownEvent, 'source'> = source ? { source } : {};
  if (cell.event.startsWith('12014')) {
    const connector =
      cell.event === '12014-ja'
        ? '組織内の SMTP 送信コネクタ'
        : cell.source === 'frontend'
          ? `Default Frontend ${server}`
          : cell.source === 'unknown'
            ? `Anonymous Relay ${server}`
            : cell.role === 'edge'
              ? `Default internal receive connector ${server}`
              : isModern(cell.version)
                ? `Default ${server}`
                : 'Intra-Organization SMTP Send Connector';
    const fqdn = cell.source === 'frontend' ? publicName : cell.source === 'unknown' ? 'relay.contoso.com' : serverFqdn;
    if (cell.event === '12014-empty') return { id: 12014, ...base, connector };
    // KB 2989382: a Default Frontend connector pinning a renewed certificate names it by <I>issuer<S>subject.
    if (cell.source === 'frontend' && cell.event === '12014-could' && ca && caScenario)
      return { id: 12014, ...base, connector, fqdn, domain: pinOf(ca) };
    return { id: 12014, ...base, connector, fqdn };
  }
  if (cell.event === '12015' || cell.event === '12017')
    return { id: Number(cell.event), ...base, thumbprint: TP.setup };
  if (cell.event === '12016' || cell.event === '12018') {
    const cert = caScenario && ca ? ca : (certs[0] as KnownCertificate);
    return { id: Number(cell.event), ...base, fqdn: caScenario ? publicName : serverFqdn, thumbprint: cert.thumbprint };
  }
  return { id: 12023, ...base, thumbprint: TP.missingInternal };
}

function description(cell: Cell, event: KnownEvent): string {
  const could = cell.event === '12014-couldnt' || cell.event === '12014-empty' ? "couldn't" : 'could not';
  switch (event.id) {
    case 12014:
      if (cell.event === '12014-ja')
        return `ローカル コンピュータの個人用ストアにドメイン名 ${event.fqdn} を含む証明書が見つかりませんでした。このため、FQDN パラメータが ${event.fqdn} のコネクタ ${event.connector} に対する STARTTLS SMTP コマンドをサポートできません。コネクタの FQDN が指定されていない場合、コンピュータの FQDN が使用されます。コネクタの構成およびインストールされている証明書を確認して、その FQDN のドメイン名を含む証明書があることを確認してください。`;
      return `Microsoft Exchange ${could} find a certificate that contains the domain name ${event.domain ?? event.fqdn ?? ''} in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector ${event.connector} with a FQDN parameter of ${event.fqdn ?? ''}. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.`;
    case 12015:
      return `An internal transport certificate expired. Thumbprint:${event.thumbprint}`;
    case 12016:
      return `There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of ${event.fqdn}. The existing certificate for that FQDN has expired. The continued use of that FQDN will cause mail flow problems. A new certificate that contains the FQDN of ${event.fqdn} should be installed on this server as soon as possible. You can create a new certificate by using the New-ExchangeCertificate task.`;
    case 12017:
      return `An internal transport certificate will expire soon. Thumbprint:${event.thumbprint}, hours remaining: 480`;
    case 12018:
      return `The STARTTLS certificate will expire soon: subject: ${event.fqdn}, thumbprint: ${event.thumbprint}, hours remaining: 480. Run the New-ExchangeCertificate cmdlet to create a new certificate.`;
    default:
      return `Microsoft Exchange could not load the certificate with thumbprint of ${event.thumbprint} from the personal store on the local computer. This certificate was configured for authentication with other Exchange servers. Mail flow to other Exchange servers could be affected by this error. Meanwhile, the certificate with thumbprint ${TP.setup} that matches the FQDN of the server is being used.`;
  }
}

function eventText(cell: Cell, event: KnownEvent): string {
  const { server, serverFqdn } = hostNames(cell);
  const text = description(cell, event);
  if (!event.source) return `${text}\n\n`;
  const ja = cell.event === '12014-ja';
  const warning = event.id === 12023 || (event.id === 12015 && cell.version === '2007') || event.id === 12017;
  if (cell.version === '2007') {
    if (ja)
      return `イベントの種類:\t${warning ? '警告' : 'エラー'}\nイベント ソース:\t${event.source}\nイベント カテゴリ:\tTransportService\nイベント ID:\t${event.id}\n日付:\t\t2026/11/28\n時刻:\t\t5:47:03\nユーザー:\t\tN/A\nコンピュータ:\t${server}\n説明:\n${text}\n\n`;
    return `Event Type:\t${warning ? 'Warning' : 'Error'}\nEvent Source:\t${event.source}\nEvent Category:\tTransportService\nEvent ID:\t${event.id}\nDate:\t\t11/28/2026\nTime:\t\t5:47:03 AM\nUser:\t\tN/A\nComputer:\t${server}\nDescription:\n${text}\n\nFor more information, see Help and Support Center at http://go.microsoft.com/fwlink/events.asp.\n\n`;
  }
  if (ja)
    return `ログの名前:         Application\nソース:           ${event.source}\n日付:            2026/11/28 6:41:12\nイベント ID:       ${event.id}\nタスクのカテゴリ:      TransportService\nレベル:           ${warning ? '警告' : 'エラー'}\nキーワード:         クラシック\nユーザー:          N/A\nコンピューター:       ${serverFqdn}\n説明:\n${text}\n\n`;
  return `Log Name:      Application\nSource:        ${event.source}\nDate:          11/28/2026 6:41:12 AM\nEvent ID:      ${event.id}\nTask Category: TransportService\nLevel:         ${warning ? 'Warning' : 'Error'}\nKeywords:      Classic\nUser:          N/A\nComputer:      ${serverFqdn}\nDescription:\n${text}\n\n`;
}

/** The paste for a cell, and the truth it shows. */
export function renderPaste(cell: Cell): { text: string; truth: Truth } {
  const { server, serverFqdn, publicName } = hostNames(cell);
  const ja = cell.event === '12014-ja';
  const all = certificatesOf(cell);
  const modern = isModern(cell.version);
  const event = eventOf(cell, all);
  const connectors = connectorsOf(cell, all);
  const facts = cell.facts;
  const parts: string[] = [];
  const truth: Truth = {
    version: cell.version,
    role: cell.role,
    server,
    serverFqdn,
    publicName,
    all,
    shown: [],
    listingShown: facts.certificates,
    issuerShown: facts.certificates && cell.certificates !== 'unknown-issuer',
    connectors: [],
    language: ja ? 'ja' : 'en',
  };
  if (ja) parts.push(`${server} で次のイベントが出ています。どうすればよいでしょうか。\n\n`);
  else if (!modern && cell.role !== 'edge' && (cell.event === '12015' || cell.event === '12014-could'))
    // KB 953354's Hub: the admin's words mention EdgeSync, which does not make this server an Edge.
    parts.push(
      `${server} started logging these this morning. Mail to the internet goes through our Edge and EdgeSync is throwing errors too. What do I run?\n\n`,
    );
  if (facts.server) {
    const role = roleLine(cell.version, cell.role);
    const fields = role ? 'Name,ServerRole,AdminDisplayVersion' : 'Name,AdminDisplayVersion';
    parts.push(
      `${PROMPT}Get-ExchangeServer ${server} | fl ${fields}\n\nName                : ${server}\n${role ? `ServerRole          : ${role}\n` : ''}AdminDisplayVersion : ${BUILD[cell.version]}\n\n`,
    );
    truth.versionShown = cell.version;
    if (role) truth.roleShown = cell.role;
  }
  if (event) {
    parts.push(eventText(cell, event));
    truth.event = event;
    if (cell.version === '2007' && event.source) truth.versionShown = '2007';
  }
  if (facts.transport) {
    const cmdlet = modern ? 'Get-TransportService' : 'Get-TransportServer';
    const internal = cell.event === '12023' ? TP.missingInternal : TP.setup;
    parts.push(
      `${PROMPT}${cmdlet} ${server} | fl Name,InternalTransportCertificateThumbprint\n\nName                                   : ${server}\nInternalTransportCertificateThumbprint : ${internal}\n\n`,
    );
    truth.internalTransport = internal;
  }
  if (facts.authConfig && modern && cell.role !== 'edge') {
    parts.push(
      `${PROMPT}Get-AuthConfig | fl CurrentCertificateThumbprint,PreviousCertificateThumbprint,NextCertificateThumbprint\n\nCurrentCertificateThumbprint  : ${TP.auth}\nPreviousCertificateThumbprint :\nNextCertificateThumbprint     :\n\n`,
    );
    truth.authCurrent = TP.auth;
  }
  if (facts.sslcert && cell.role !== 'edge' && cell.version !== '2007') {
    const clientCert = all.find((c) => (c.kind === 'ca' || c.kind === 'unknown-issuer') && c.services.includes('IIS'));
    const on443 = (clientCert ?? (all[0] as KnownCertificate)).thumbprint;
    parts.push(netsh(443, on443, ja));
    truth.binding443 = on443;
    if (modern) {
      parts.push(netsh(444, TP.setup, ja));
      truth.binding444 = TP.setup;
    }
  }
  if (facts.connectors) {
    parts.push(connectorListing(cell, connectors));
    truth.connectors = connectors;
  }
  if (facts.certificates) parts.push(listing(all, cell.certificates !== 'unknown-issuer'));
  truth.shown = facts.certificates ? all : all.filter((c) => c.thumbprint === event?.thumbprint);
  return { text: parts.join(''), truth };
}
