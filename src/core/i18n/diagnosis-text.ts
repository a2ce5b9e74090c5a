import type { CertificateRole, FindingCode, Language } from '../model.js';

export interface HeadlineParams {
  name: string;
  when: string;
  server: string;
  fqdn: string;
  id: number;
}

/** Why a self-signed certificate nobody is shown it is normal, said for what the certificate is. */
const SELF_SIGNED_NORMAL_EN: Partial<Record<CertificateRole, string>> = {
  auth: 'That is normal for the Auth certificate: Exchange makes it itself to sign OAuth tokens, and no client is shown it.',
  'exchange-self-signed':
    "That is normal for the certificate Exchange Setup makes for the server's own names: Exchange uses it only between its own servers (internal transport, and on 2013 and later the Exchange Back End site on port 444).",
  wmsvc:
    "That is normal for the WMSvc certificate: IIS's Management Service (remote IIS Manager, port 8172) makes it for itself, and Exchange does not use it.",
  federation:
    'That is normal for the federation certificate: Exchange makes it itself for federated sharing (free/busy with other organisations).',
  'self-signed': "That is normal for Exchange's internal transport and Auth certificates.",
};
const SELF_SIGNED_NORMAL_JA: Partial<Record<CertificateRole, string>> = {
  auth: 'Auth 証明書では通常の状態です。Exchange が OAuth トークンの署名用に自分で作成し、クライアントに提示されることはありません。',
  'exchange-self-signed':
    'Exchange セットアップがサーバー自身の名前で作成する証明書では通常の状態です。Exchange はこれをサーバー間 (内部トランスポート、2013 以降ではポート 444 の Exchange Back End サイト) でだけ使います。',
  wmsvc:
    'WMSvc 証明書では通常の状態です。IIS の管理サービス (リモートの IIS マネージャー、ポート 8172) が自分用に作成するもので、Exchange は使いません。',
  federation:
    'フェデレーション証明書では通常の状態です。Exchange がフェデレーション共有 (他組織との空き時間情報) 用に自分で作成します。',
  'self-signed': 'Exchange の内部トランスポート証明書や Auth 証明書では通常の状態です。',
};

/**
 * What the diagnosis says, in English and Japanese. The interface keeps both catalogues on the
 * same keys; parametrised messages are functions so the compiler checks every value.
 */
export interface DiagnosisText {
  finding: {
    certExpired(p: { name: string; when: string; renewal?: Renewal }): string;
    /** Expired, and its renewal already serves everything it served: a leftover, not a live cause. */
    certExpiredReplaced(p: { name: string; when: string; renewal: Renewal; services: string }): string;
    certExpiring(p: { name: string; when: string; renewal?: Renewal }): string;
    certNotYetValid(p: { name: string; when: string }): string;
    /** `shown`: what shows clients are presented it (a port, or names no CA certificate covers). */
    /** `role`: what the certificate is for Exchange, so the note says why self-signed is normal for it. */
    selfSigned(p: { name: string; shown?: { port: number } | { names: string }; role?: CertificateRole }): string;
    selfSignedSmtp(p: { name: string; port: number }): string;
    /** The same, when the admin says no CA-issued certificate exists: one is to be obtained, not enabled. */
    selfSignedSmtpNoCa(p: { name: string; port: number; fqdn: string }): string;
    chainIncomplete(p: { name: string; issuer: string }): string;
    /** An endpoint presenting its certificate without its issuing CA's (openssl verify error 20/21). */
    chainNotSent(p: { endpoint?: string; issuer: string }): string;
    transportCertExpired12015(p: { thumbprint?: string; server: string }): string;
    starttlsCertExpired(p: { fqdn?: string; server: string }): string;
    /** `directTrust`: the paste shows it is the internal transport certificate Edge and Hub authenticate with. */
    transportCertExpiredSmtp(p: { name: string; directTrust: boolean }): string;
    starttlsMissing(p: { fqdn?: string; connector?: string; server: string; send: boolean }): string;
    tlsCertificateNamePinned(p: { connector?: string; pinned: string }): string;
    domainMismatch(p: { fqdn: string; names: string }): string;
    weakKey(p: { name: string; bits: number }): string;
    sha1(p: { name: string; exchangeDefault: boolean }): string;
    privateKey(p: { count: number }): string;
    invisible(p: { chars: string }): string;
    unknownEvent(p: { id: number }): string;
    thumbprintOnly(p: { thumbprint: string }): string;
    removalAsked(p: { old: string; renewed: string; servers: string }): string;
    removalAskedListed(p: { old: string; renewed: string }): string;
    unrecognized(): string;
    notCertificateEvent(p: { id: number; meaning: string }): string;
    internalMissingLocal(p: { thumbprint: string; server: string }): string;
    internalMissingAd(p: { server: string }): string;
    ephemeralInUse(p: { ephemeral: string }): string;
    remoteExpired(p: { peer: string }): string;
    authCert(p: { symptom: string }): string;
    /** `expired`: when the current Auth certificate has already expired, worded as a countdown. */
    authNextMissing(p: { expired?: string }): string;
    /** An expired Auth certificate in a listing, with no Get-AuthConfig to say whether it is the current one. */
    authExpiredListed(p: { name: string; when: string }): string;
    federationExpiring(p: { thumbprint: string }): string;
    federationExpired(p: { thumbprint: string }): string;
    sendConnectorPinMissing(): string;
    starttlsRequired451(): string;
    edgeAuth451(p: { queue: string }): string;
    tlsNoCredentials(): string;
    /** `name`: the listed certificate whose expiry and issuer the setup log gives, when the paste shows it. */
    setupCertExpired(p: { issuer?: string; site: string; until?: string; name?: string }): string;
    revocation(p: { name: string }): string;
    pendingRequest(p: { name: string }): string;
    /** `servers`: where the paste lists the certificate; the check runs against each. */
    dateAmbiguous(p: { detail: string; thumbprint?: string; servers: readonly string[] }): string;
    tooLarge(p: { limit: string }): string;
    unreadable(): string;
    noDates(p: { count: number }): string;
    /** `answer` when the paste shows who issued the new certificate (`kind`); without it, how to tell. */
    smtpOverwritePrompt(p: {
      answer?: 'Y' | 'N';
      kind?: 'ca' | 'auth' | 'self-signed' | 'ca-copy';
      /** The answer the paste shows already typed at the prompt. */
      typed?: 'Y' | 'N';
      newCert?: string;
      current?: string;
      /** 'ca-copy': the CA certificate it copies, and that certificate's name. */
      copyOf?: string;
      copyName?: string;
    }): string;
    imapPopName(p: { protocols: string; subject: string; current?: string; fqdn?: string }): string;
    /** The admin reports the name error in their own words; the paste shows no POP/IMAP settings. */
    imapPopNameReported(p: { protocols: string; fqdn?: string }): string;
    /** `certutil`: read from certutil's "No key provider information"; `oldShown`: the paste lists the certificate it replaces. */
    privateKeyMissing(p: {
      name?: string;
      server?: string;
      requestServer?: string;
      certutil?: boolean;
      oldShown: boolean;
    }): string;
    /** Enable-ExchangeCertificate refused the certificate: PkixKpServerAuthNotFoundInEnhancedKeyUsage. */
    serverAuthEkuMissing(p: { name?: string; server?: string }): string;
    /** Outlook's name alert; `cert` and `names`: the certificate serving IIS in the paste, without the name. */
    nameMismatch(p: {
      host?: string;
      cert?: string;
      names?: string;
      outlookAnywhere: boolean;
      internal?: boolean;
    }): string;
    sslBindingBroken(p: { server: string }): string;
    emptyExchangeFields(): string;
    restSkipped(p: { what: 'certificates' | 'thumbprints' | 'events' | 'records'; read: number }): string;
    damagedThumbprint(p: { id: number }): string;
    /** A Get-ExchangeCertificate record cut off mid-value (a short thumbprint, an unclosed list). */
    damagedListing(p: { name: string }): string;
    cutTableThumbprint(p: { name: string }): string;
    internalExpiringNoThumbprint(p: { server: string; hours?: number }): string;
    eventCertExpired(p: { id: number; name: string }): string;
    eventCertExpiring(p: { id: number; name: string }): string;
    sendNoCredentials(p: { connector: string; error?: string }): string;
    expiryNotice(p: { name: string; when: string }): string;
    /** `readKiB`: how much of the paste was understood instead, or undefined when nothing was. */
    timedOut(p: { seconds: number; readKiB?: number }): string;
    /** Not read at all: too many long pastes were waiting. */
    busy(): string;
  };
  /** The verdict line (Slack's header, the CLI's first line), by the most severe finding. */
  headline: Record<FindingCode, (p: HeadlineParams) => string>;
  summary: {
    ok(p: { name: string; when: string }): string;
    okMany(p: { count: number }): string;
    nothing(): string;
    /** Events were read, and none of them is a certificate problem to act on: never "nothing recognised". */
    eventsOnly(p: { count: number; symptoms?: number }): string;
    notCertificate(p: { id: number }): string;
    /** 12015 with 12014: the expired certificate is the cause, STARTTLS the symptom (KB 953354). */
    transportAndStarttls(p: { server: string }): string;
  };
  eventMeaning: { 12025: string };
  /** Placeholders shown in prose (commands keep English placeholders). */
  unknownServer: string;
  /** Stands for a thumbprint or connector the paste did not give. */
  notInPaste: string;
  /** 'Event 1003 was logged.' */
  eventLogged(id: number): string;
  /** How a certificate known only from an event's thumbprint (12017) is named. */
  internalTransportCertificate(short: string): string;
  theServer(server: string): string;
  notes: {
    understood(p: { what: string }): string;
    kinds: Record<'event' | 'certificate' | 'list' | 'thumbprint' | 'symptom' | 'binding', (n: number) => string>;
    pasteInstead: string;
    /** Joins the parts of `understood`. */
    separator: string;
    estimated(p: { hours: number; base: string }): string;
    /** HealthChecker's "Lifetime: N day(s)" without the time its report ran: counted from now. */
    lifetime: string;
    version(p: { version: string }): string;
  };
}

/** A renewal of the certificate the paste already shows: its short thumbprint and where it is. */
interface Renewal {
  thumbprint: string;
  servers?: string;
}

const renewalEn = (r: Renewal | undefined) =>
  r ? ` Its renewal ${r.thumbprint} is already in the paste${r.servers ? ` (on ${r.servers})` : ''}.` : '';
const renewalJa = (r: Renewal | undefined) =>
  r ? `更新後の証明書 ${r.thumbprint} がすでに貼り付けにあります${r.servers ? ` (${r.servers})` : ''}。` : '';

const en: DiagnosisText = {
  finding: {
    certExpired: ({ name, when, renewal }) => `${name} ${when}.${renewalEn(renewal)}`,
    certExpiredReplaced: ({ name, when, renewal, services }) =>
      `${name} ${when}, but its renewal ${renewal.thumbprint} is already enabled for what it served (${services})${renewal.servers ? ` on ${renewal.servers}` : ''}: Exchange uses the renewal, so this expired copy is a leftover, not the cause of a current failure. Remove it once the problem at hand is fixed.`,
    certExpiring: ({ name, when, renewal }) => `${name} ${when}.${renewalEn(renewal)}`,
    certNotYetValid: ({ name, when }) => `${name} is not valid yet: ${when}. Clients reject it until then.`,
    selfSigned: ({ name, shown, role }) =>
      shown === undefined
        ? `${name} is self-signed. ${SELF_SIGNED_NORMAL_EN[role ?? 'self-signed'] ?? SELF_SIGNED_NORMAL_EN['self-signed']}`
        : 'port' in shown
          ? `${name} is self-signed and port ${shown.port} presents it to clients: Outlook, browsers and mail apps warn. Use a certificate from a CA for the names clients use.`
          : `${name} is self-signed and carries names clients use (${shown.names}) that no CA-issued certificate in the paste covers: Outlook, browsers and mail apps warn if they are presented it. Use a certificate from a CA for those names.`,
    chainNotSent: ({ endpoint, issuer }) =>
      `${endpoint ?? 'The server'} presents its certificate without the certificate of its issuing CA (${issuer}): clients and partners that do not already have that CA certificate cannot verify it (openssl: unable to verify the first certificate), and those that require TLS refuse it. The certificate itself is fine: the server needs that CA certificate in its Intermediate Certification Authorities store.`,
    chainIncomplete: ({ name, issuer }) =>
      `${name} shows Status Invalid with RootCAType Unknown: the server does not have the certificate of its issuing CA (${issuer}), so Windows cannot build its chain. Install that CA certificate; a new request from the same CA would stay Invalid too.`,
    selfSignedSmtpNoCa: ({ name, port, fqdn }) =>
      `${name} is self-signed and port ${port} presents it, and there is no CA-issued certificate to enable instead. Renewing the self-signed certificate brings back opportunistic TLS, but partners that require TLS with a trusted certificate keep refusing it: they need a certificate from a public CA for ${fqdn}, enabled for SMTP on this server.`,
    selfSignedSmtp: ({ name, port }) =>
      `${name} is self-signed and port ${port} presents it. Partners and clients that check certificates see a self-signed certificate on SMTP and may refuse TLS or the mail. Enable the CA-issued certificate for SMTP and have the connector present it.`,
    transportCertExpired12015: ({ thumbprint, server }) =>
      `The internal transport certificate${thumbprint ? ` (${thumbprint})` : ''} on ${server} has expired. Exchange-to-Exchange mail still flows over X-ANONYMOUSTLS, but STARTTLS can fail.`,
    starttlsCertExpired: ({ fqdn, server }) =>
      `The STARTTLS certificate for ${fqdn ?? "the FQDN in the event's description"} on ${server} has expired: TLS mail to and from that name will fail until a new certificate is installed.`,
    transportCertExpiredSmtp: ({ name, directTrust }) =>
      directTrust
        ? `${name} is enabled for SMTP and has expired: it is the internal transport certificate, which Edge and Hub mutual TLS (direct trust) and STARTTLS on its names use.`
        : `${name} is enabled for SMTP and has expired: Exchange can still present it for STARTTLS on the names it covers, and servers that check certificates refuse it.`,
    starttlsMissing: ({ fqdn, connector, server, send }) =>
      send
        ? `${server} has no usable certificate for ${fqdn ?? "the connector's FQDN (the event left it empty; the steps show where to read it)"}, so send connector${connector ? ` "${connector}"` : ''} cannot use STARTTLS: mail to servers that require TLS queues or fails.`
        : `${server} has no usable certificate for ${fqdn ?? "the connector's FQDN (the event left it empty; the steps show where to read it)"}, so ${connector ? `connector "${connector}"` : 'the connector'} no longer offers STARTTLS: senders that require TLS cannot deliver.`,
    tlsCertificateNamePinned: ({ connector, pinned }) =>
      `${connector ? `Connector "${connector}"` : 'A connector'} pins its certificate by TlsCertificateName ${pinned}, and no installed certificate matches: typical right after a renewal (the new certificate has a new thumbprint and often a new issuer).`,
    domainMismatch: ({ fqdn, names }) => `No pasted certificate covers ${fqdn} (they cover: ${names}).`,
    weakKey: ({ name, bits }) => `${name} has a ${bits}-bit RSA key; 2048 bits is the minimum today.`,
    sha1: ({ name, exchangeDefault }) =>
      exchangeDefault
        ? `${name} is signed with SHA-1. Exchange Setup creates its own certificates that way; replace them with SHA-256 ones when you renew.`
        : `${name} is signed with SHA-1, which browsers and many mail servers no longer trust.`,
    privateKey: ({ count }) =>
      `The paste contains ${count === 1 ? 'a private key' : `${count} private keys`}. certcheck did not store, log or show it. Treat it as exposed: issue a new certificate with a new key and revoke the old one. If you pasted it into a channel, delete that message.`,
    invisible: ({ chars }) =>
      `The thumbprint carried invisible characters (${chars}), typically copied from the Windows certificate dialog. Cmdlets fail with "certificate not found" until they are removed: use the clean value below.`,
    unknownEvent: ({ id }) =>
      `Event ${id} is not in certcheck's catalogue of Exchange certificate events. Paste the full event text (with Source and Description) or the certificate itself.`,
    thumbprintOnly: ({ thumbprint }) =>
      `Only a thumbprint (${thumbprint}). Paste the output of the command below to see what the certificate is, what it serves and when it expires.`,
    removalAskedListed: ({ old, renewed }) =>
      `Yes, the old certificate ${old} can be removed, but only as the last step below: first ${renewed} takes over everything the old one served, a connector that names the old one in TlsCertificateName is pointed at ${renewed} (or listed, when the paste does not show the connectors), and each server is shown serving ${renewed}.`,
    removalAsked: ({ old, renewed, servers }) =>
      `Yes, the old certificate ${old} can be removed${servers ? ` (on ${servers}, each separately)` : ''}, once the checks below show, on each server, that ${renewed} serves 443 and SMTP, that the Exchange Back End site (444) is not bound to the old one, that no send or receive connector names the old one in TlsCertificateName (a connector that does is pointed at ${renewed} first) and that it is neither the internal transport nor the Auth certificate.`,
    unrecognized: () =>
      'Nothing certcheck knows was found in this paste. You can paste: an event (ID or full text, e.g. 12014 or 12015), a thumbprint, a PEM or base64 certificate or chain, Get-ExchangeCertificate output (table or | fl), certutil -dump or openssl x509 -text output.',
    notCertificateEvent: ({ id, meaning }) =>
      `Event ${id} is not a certificate problem: ${meaning} Some blogs say otherwise; no certificate change is needed for it.`,
    internalMissingLocal: ({ thumbprint, server }) =>
      `${server} cannot load its internal transport certificate (${thumbprint}) from the local computer's personal store: it was deleted, or its private key cannot be read. Mail flow to other Exchange servers can be affected.`,
    internalMissingAd: ({ server }) =>
      `The internal transport certificate of ${server} is missing or corrupt in Active Directory (the copy Exchange servers use to trust each other).`,
    ephemeralInUse: ({ ephemeral }) =>
      `Meanwhile Exchange uses an ephemeral (temporary) self-signed certificate (${ephemeral}). Do not enable or keep that one: it is only a stand-in until the real internal transport certificate is back.`,
    remoteExpired: ({ peer }) =>
      `The peer server ${peer} presented an expired internal transport certificate. The fix is on ${peer}, not on this server.`,
    authCert: ({ symptom }) =>
      `${symptom} This points at the Exchange OAuth (Auth) certificate: expired, missing or not present on every server. OWA/ECP sign-in, hybrid free/busy and server-to-server OAuth depend on it.`,
    authNextMissing: ({ expired }) =>
      expired
        ? `The current Auth certificate ${expired}, and no next Auth certificate is staged (NextCertificateThumbprint is empty): nothing has taken over, so OAuth (OWA/ECP sign-in, hybrid free/busy, server-to-server) fails until a new Auth certificate is published.`
        : 'No next Auth certificate is staged (NextCertificateThumbprint is empty): nothing will take over when the current one expires.',
    authExpiredListed: ({ name, when }) =>
      `The Auth certificate ${name} ${when}: while Get-AuthConfig still shows it as CurrentCertificateThumbprint, OAuth (OWA/ECP sign-in, hybrid free/busy, server-to-server) fails until a new Auth certificate is published.`,
    federationExpiring: ({ thumbprint }) =>
      `The federation certificate ${thumbprint} expires in less than 15 days. Free/busy and sharing with other organisations stop when it expires (on Exchange 2013 and later this event also covers the Auth certificate).`,
    federationExpired: ({ thumbprint }) =>
      `The federation certificate ${thumbprint} has expired: federated sharing has stopped.`,
    sendConnectorPinMissing: () =>
      'A Send connector pins a certificate (TlsCertificateName) that is no longer installed, so mail to that destination queues with 454 4.7.5.',
    starttlsRequired451: () =>
      'Exchange Online could not start TLS with the on-premises server (451 5.7.3 STARTTLS is required): the receive connector has no usable certificate.',
    edgeAuth451: ({ queue }) =>
      `The queue ${queue} to the Edge Transport server fails with 451 5.7.3 Cannot achieve Exchange Server authentication: the Edge presents a certificate its subscription does not carry (a new certificate on the Edge reaches the organisation only through a new subscription), so mail to the Internet waits.`,
    tlsNoCredentials: () =>
      'TLS negotiation failed with NoCredentials: the server has no certificate (with a readable private key) for the connector.',
    setupCertExpired: ({ issuer, site, until, name }) =>
      `Exchange Setup stopped because the certificate ${name ? `${name}${issuer ? `, issued by ${issuer},` : ''}` : issuer ? `issued by ${issuer} and` : ''} bound to ${site} expired${until ? ` (${until})` : ''}. Renew it before re-running Setup.`,
    revocation: ({ name }) =>
      `${name} shows Status RevocationCheckFailure: the server cannot reach the CRL/OCSP address of its CA (proxy or firewall). The certificate itself is fine, but TLS to Exchange Online or partners can fail.`,
    pendingRequest: ({ name }) =>
      `${name} is a pending certificate request (CSR), not a usable certificate: complete it with the certificate your CA issued, on the same server that made the request.`,
    dateAmbiguous: ({ detail, thumbprint, servers }) => {
      const check = (server?: string) =>
        `(Get-ExchangeCertificate -Thumbprint ${thumbprint}${server ? ` -Server ${server}` : ''}).NotAfter.ToString('o')`;
      const how = !thumbprint
        ? "Run (Get-ExchangeCertificate -Thumbprint <thumbprint>).NotAfter.ToString('o') with the certificate's thumbprint to settle it."
        : servers.length > 0
          ? `To settle it, run ${servers.map((server) => check(server)).join(' and ')}: each server's copy is asked on its own.`
          : `Run ${check()} to settle it.`;
      return `The dates could be read day-first or month-first (${detail}). ${how}`;
    },
    tooLarge: ({ limit }) => `The paste is larger than ${limit}; only the first ${limit} was read.`,
    unreadable: () =>
      'A certificate block could not be decoded (truncated or damaged). Paste it again in full, or export it as Base-64 (.cer).',
    noDates: ({ count }) =>
      `${count === 1 ? 'This listing has' : `These ${count} certificates have`} no dates in the default table view. Paste the output of the command below to get a countdown.`,
    sslBindingBroken: ({ server }) =>
      `HTTP.sys on ${server} cannot use the certificate bound to an HTTPS endpoint. On 0.0.0.0:444 that is the Exchange Back End site: OWA and ECP go blank, Outlook Anywhere, EWS and the Exchange Management Shell fail until it is bound to a valid certificate.`,
    nameMismatch: ({ host, cert, names, outlookAnywhere, internal }) =>
      `${outlookAnywhere ? 'Outlook Anywhere (error 10) says' : 'Outlook says'} the certificate presented for ${host ?? 'the name it connects to'} does not carry that name. ${internal && cert ? `${host} is an internal name, which public CAs no longer issue certificates for: give Outlook a name ${cert} already carries (${names}) instead.` : cert ? `The certificate enabled for IIS, ${cert}, carries only ${names}: clients that connect by ${host ?? 'that name'} warn until a certificate with that name as well serves IIS.` : `The paste shows no certificate: the steps show what ${host ?? 'the name'} presents and the certificates with their names${outlookAnywhere ? ', and the names Outlook Anywhere publishes' : ''}; paste that output to get the fix.`}`,
    serverAuthEkuMissing: ({ name, server }) =>
      `Exchange refuses ${name ?? 'the certificate'}${server ? ` on ${server}` : ''} because its Enhanced Key Usage lacks Server Authentication (PkixKpServerAuthNotFoundInEnhancedKeyUsage): the CA issued it from a template for another purpose (such as Workstation Authentication). No setting and no -Force makes Exchange use it. Make a new request and have the CA issue it from a template with the Server Authentication EKU (1.3.6.1.5.5.7.3.1), such as Web Server; do not enable this certificate or replace it with a self-signed one.`,
    privateKeyMissing: ({ name, server, requestServer, certutil, oldShown }) =>
      `${certutil ? `certutil shows no key provider for ${name ?? 'the certificate'}${server ? ` on ${server}` : ''}: Windows holds it without its private key, so Exchange cannot use it (PrivateKeyMissing)` : `Exchange refuses ${name ?? 'the certificate'}${server ? ` on ${server}` : ''} because it has no private key there (PrivateKeyMissing)`}: the certificate file the CA issued was installed on a server that did not make the request. The key exists only on the server that made the request${requestServer ? ` (${requestServer})` : ''}: complete the request there, then export the certificate with its key and import it here. No new request is needed${oldShown ? '; keep the old certificate until the new one is enabled' : ''}.`,
    imapPopNameReported: ({ protocols, fqdn }) =>
      `${protocols} clients get a certificate name error, as you report: IMAP and POP present the certificate whose name matches X509CertificateName, which is often the server's own FQDN. Set X509CertificateName to the name clients connect to (${fqdn ?? 'Get-ImapSettings and Get-PopSettings show it in ExternalConnectionSettings'}) and restart the IMAP and POP services; the certificate itself needs no change if it covers that name.`,
    imapPopName: ({ protocols, subject, current, fqdn }) =>
      `Enable-ExchangeCertificate warned that ${subject} cannot be used for ${protocols} SSL/TLS connections: IMAP and POP choose their certificate by the name in X509CertificateName${current ? ` (now ${current})` : ''}, and a wildcard subject never matches it. The certificate itself is fine: set X509CertificateName to the name clients connect to (${fqdn ?? 'ExternalConnectionSettings shows it'}).`,
    smtpOverwritePrompt: ({ kind, typed, answer, newCert, current, copyOf, copyName }) => {
      const mine = newCert ? `the new certificate ${newCert}` : 'the new certificate';
      const kept = current ? `the internal transport certificate ${current}` : 'the internal transport certificate';
      const already =
        typed === undefined
          ? ''
          : typed === answer
            ? ` You typed ${typed} already: that was right.`
            : ` You typed ${typed} already: the steps undo it.`;
      if (kind === 'ca-copy')
        return `${mine[0]?.toUpperCase()}${mine.slice(1)} is not a renewal: it is a self-signed copy of the CA certificate ${copyOf ?? ''}${copyName ? ` (${copyName})` : ''}, made by piping it into New-ExchangeCertificate without -GenerateRequest. Answer N at the prompt, never enable the copy for IIS or SMTP (clients and partners do not trust it), remove it once it is shown to serve nothing, and renew the CA certificate by a request (-GenerateRequest, then the CA, Import-ExchangeCertificate and Enable-ExchangeCertificate).${already}`;
      if (kind === 'ca')
        return `Answer N to "Overwrite the existing default SMTP certificate?": ${mine} is issued by a CA. N keeps ${kept} as it is and still enables the new certificate for the services the command names.${already}`;
      if (kind === 'auth')
        return `Answer N to "Overwrite the existing default SMTP certificate?": ${mine} is the Auth certificate, which signs OAuth tokens. N keeps ${kept} as it is.${already}`;
      if (kind === 'self-signed')
        return `Answer Y to "Overwrite the existing default SMTP certificate?": ${mine} is a self-signed certificate made for the server, and replacing ${kept} with it is what it is for.${already}`;
      return `Overwrite the default SMTP certificate: Y or N depends on who issued ${mine}, which the paste does not show. Y is right only for a self-signed certificate for the server's own name; a CA certificate or the Auth certificate gets N. The steps show how to tell.`;
    },
    emptyExchangeFields: () =>
      'Get-ExchangeCertificate returned objects without Thumbprint/Subject: PowerShell serialization signing fails, usually because the Auth certificate is expired or missing.',
    restSkipped: ({ what, read }) =>
      `This paste is very long: only the first ${read} ${{ certificates: 'certificates', thumbprints: 'thumbprints', events: 'events', records: 'listing records' }[what]} were examined, the rest was skipped. Paste the part about the server in trouble.`,
    damagedThumbprint: ({ id }) =>
      `The thumbprint in event ${id} is damaged in this paste (a character is missing or not hexadecimal), so it cannot be used in a command. Copy it again from the event, or run Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter on the server.`,
    cutTableThumbprint: ({ name }) =>
      `The table cut thumbprints short ("...", the one of ${name} among them), so they cannot be used in a command. On the server, run Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize (or | fl Thumbprint,Subject,Services,NotAfter) and copy the output again.`,
    damagedListing: ({ name }) =>
      `The copy was cut off inside the record of ${name}: its thumbprint has fewer than 40 digits, so it cannot be used in a command, and a name cut mid-way is left out. On the server, run Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,Services,NotAfter and copy the whole record again (in an RDP window, widen it, or add | Out-File C:\\temp\\certs.txt and open the file).`,
    internalExpiringNoThumbprint: ({ server, hours }) =>
      `The internal transport certificate on ${server} expires soon${hours !== undefined ? ` (in about ${Math.floor(hours / 24)} days, ${hours} hours when the event was logged)` : ''}: renew it before it expires.`,

    eventCertExpired: ({ id, name }) =>
      `Event ${id}: the certificate ${name} on this server has expired. Exchange logs this for every expired certificate in the personal store, in use or not: renew it if a service uses it, otherwise remove it.`,
    eventCertExpiring: ({ id, name }) =>
      `Event ${id}: the certificate ${name} on this server expires soon. Renew it if a service uses it, otherwise remove it.`,
    sendNoCredentials: ({ connector, error }) =>
      `Send connector "${connector}" could not start TLS (${error ?? 'NoCredentials'}): the certificate it is set to use (TlsCertificateName) is missing, expired, not enabled for SMTP, or its private key cannot be read.`,
    expiryNotice: ({ name, when }) =>
      `${name} ${when}. Not urgent yet (Exchange 2013 and later log transport warnings 12017/12018 from 90 days ahead): plan the renewal.`,
    timedOut: ({ seconds, readKiB }) =>
      `This paste took too long to read (over ${seconds} s); ${readKiB ? `here is what was understood from its first ${readKiB} KiB` : 'nothing could be read in time'}. For a full diagnosis, paste only the part that matters: the event, the certificate, or the Get-ExchangeCertificate | fl output.`,
    busy: () =>
      'certcheck is reading many long pastes right now and did not read this one. Send it again in a minute, or paste only the part that matters: the event, the certificate, or the Get-ExchangeCertificate | fl output.',
  },
  headline: {
    CERT_EXPIRED: ({ name, when }) => (name && when ? `${name} ${when}` : 'A certificate has expired'),
    CERT_EXPIRING: ({ name, when }) => (name && when ? `${name} ${when}` : `${name || 'A certificate'} expires soon`),
    CERT_NOT_YET_VALID: ({ name }) => `${name} is not valid yet`,
    SELF_SIGNED: ({ name }) => `${name} is self-signed`,
    // 12016 (and a certificate named by its FQDN) is the STARTTLS certificate, not the internal one.
    TRANSPORT_CERT_EXPIRED: ({ server, name, when, fqdn, id }) =>
      id === 12016 || (fqdn && id !== 12015)
        ? when
          ? `STARTTLS certificate ${name} ${when}`
          : `STARTTLS certificate${fqdn ? ` for ${fqdn}` : ''} expired on ${server || 'the server'}`
        : when
          ? `Transport certificate ${name} ${when}`
          : `Transport certificate expired on ${server || 'the server'}`,
    STARTTLS_CERT_MISSING: ({ fqdn, server }) =>
      fqdn ? `No STARTTLS certificate for ${fqdn}${server ? ` on ${server}` : ''}` : 'STARTTLS is not available',
    DOMAIN_MISMATCH: ({ fqdn }) => `No pasted certificate covers ${fqdn}`,
    WEAK_KEY: ({ name }) => `${name} has a weak RSA key`,
    SHA1_SIGNATURE: ({ name }) => `${name} is signed with SHA-1`,
    PRIVATE_KEY_IN_INPUT: () => 'Your paste contains a private key',
    INVISIBLE_CHARACTERS: () => 'The thumbprint carries invisible characters',
    UNKNOWN_EVENT: ({ id }) => `Event ${id} is not a known Exchange certificate event`,
    THUMBPRINT_ONLY: ({ name }) => `Thumbprint ${name}: paste more to diagnose it`,
    REMOVAL_ASKED: ({ name }) => `The old certificate ${name} can be removed after the checks below`,
    UNRECOGNIZED_INPUT: () => 'Nothing certcheck recognises in this paste',
    NOT_A_CERTIFICATE_EVENT: ({ id }) => `Event ${id} is not a certificate problem`,
    INTERNAL_TRANSPORT_CERT_MISSING: ({ server }) =>
      `Internal transport certificate missing on ${server || 'the server'}`,
    REMOTE_CERT_EXPIRED: () => 'A peer server presented an expired certificate: fix it on the peer',
    AUTH_CERT_PROBLEM: () => 'The Exchange Auth (OAuth) certificate needs attention',
    FEDERATION_CERT_EXPIRING: () => 'The federation certificate expires soon',
    TLS_CERTIFICATE_NAME_MISSING: () => 'A connector pins a certificate that is gone (TlsCertificateName)',
    EDGE_SUBSCRIPTION_STALE: () => 'Mail to the Edge fails Exchange Server authentication: its subscription is stale',
    REVOCATION_CHECK_FAILED: ({ name }) => `${name}: revocation check fails (CRL/OCSP unreachable)`,
    PENDING_REQUEST: ({ name }) => `${name} is a pending request, not a certificate yet`,
    DATE_AMBIGUOUS: () => 'The dates can be read two ways',
    INPUT_TOO_LARGE: () => 'The paste is too large to read in full',
    UNREADABLE_CERTIFICATE: () => 'A certificate in the paste could not be read',
    EXPIRY_NOTICE: ({ name, when }) => `${name} ${when}`,
    EXPIRY_UNKNOWN: () => 'Certificates listed without dates',
    SMTP_OVERWRITE_PROMPT: () => 'Overwrite the default SMTP certificate: Y or N?',
    INPUT_TIMED_OUT: () => 'This paste took too long to read',
    INPUT_TRUNCATED: () => 'Only the first part of this long paste was read',
    THUMBPRINT_DAMAGED: () => 'A thumbprint in the paste is damaged',
    STARTTLS_NOT_OFFERED: ({ fqdn }) => `${fqdn || 'The server'} does not offer STARTTLS`,
    ENDPOINT_UNREACHABLE: () => 'The endpoint could not be probed',
    OLD_TLS_VERSION: () => 'The server speaks only TLS 1.0 or 1.1',
    SSL_BINDING_BROKEN: ({ server }) => `${server}: an HTTPS binding points at a missing certificate`,
    CHAIN_INCOMPLETE: ({ name }) =>
      name ? `${name} is Invalid: its issuing CA certificate is missing` : 'The issuing CA certificate is missing',
    ENDPOINT_PRESENTS_OLD_CERT: () =>
      '443 still presents the old certificate, although Exchange has its renewal enabled',
    RENEWAL_LACKS_NAME: () => 'The new certificate lacks a name the current one has: do not enable it for IIS',
    IMAP_POP_CERTIFICATE_NAME: () => 'IMAP/POP: X509CertificateName must be the FQDN clients connect to',
    SERVER_AUTH_EKU_MISSING: ({ name }) =>
      `${name || 'The certificate'} lacks the Server Authentication EKU (PkixKpServerAuthNotFoundInEnhancedKeyUsage)`,
    PRIVATE_KEY_MISSING: ({ name }) =>
      `${name || 'The certificate'} has no private key where it was installed (PrivateKeyMissing)`,
    REMOTE_CERT_VALIDATION_FAILED: () => "The next hop's certificate failed validation: not your certificate",
    SMTP_CONNECTION_FAILED: () => 'The connection dropped (SocketError): not a certificate problem',
    CERT_NOT_ENABLED_FOR_SMTP: ({ name }) => `${name || 'The certificate'} is not enabled for SMTP`,
    ERROR_NOT_UNDERSTOOD: () => 'An error in the paste is not understood',
    CERT_NOT_CAPI: () => 'The internal transport certificate is not a CAPI certificate',
    EDGE_CERT_DUPLICATE: () => 'The Edge shares its certificate with a Hub Transport server',
    QUEUES_WITHOUT_ERROR: () => 'No queue in the paste reports an error',
    CERT_ALREADY_IMPORTED: () => 'The certificate is already on the server: enable it rather than import it again',
    CERT_NOT_FOUND: () => 'The thumbprint was not found on the server the cmdlet ran on',
    TLS_CERTIFICATE_ALERT: () => 'The remote side refused a certificate chain in TLS (Schannel 36887): not a renewal',
    TLS_NO_COMMON_CIPHER: () =>
      'A client offered no TLS version or cipher this server accepts: not a certificate problem',
    EMS_UNAVAILABLE: () => 'The Exchange Management Shell does not connect: get it back first',
    INTERNAL_CERT_REMOVE_REFUSED: () =>
      'The internal transport certificate cannot be removed before a new one takes its place',
  },
  summary: {
    ok: ({ name, when }) => `${name} is fine: ${when}`,
    okMany: ({ count }) => `${count} certificates, none needs attention now`,
    nothing: () => 'Nothing certcheck recognises in this paste',
    eventsOnly: ({ count, symptoms = 0 }) =>
      `${[count > 0 && (count === 1 ? '1 event' : `${count} events`), symptoms > 0 && (symptoms === 1 ? '1 known error message' : `${symptoms} known error messages`)].filter(Boolean).join(' and ')} read; none of them shows a certificate problem to fix`,
    notCertificate: ({ id }) => `Event ${id} is not a certificate problem`,
    transportAndStarttls: ({ server }) =>
      `Transport certificate expired on ${server || 'the server'}: STARTTLS is down`,
  },
  eventMeaning: {
    12025:
      'MSExchangeTransport 12025 means the transport service is reconnecting its performance counters after a restart.',
  },
  unknownServer: 'the server',
  notInPaste: '(not in the paste)',
  eventLogged: (id) => `Event ${id} was logged.`,
  internalTransportCertificate: (short) => `The internal transport certificate ${short}`,
  theServer: (server) => server,
  notes: {
    understood: ({ what }) => `Understood: ${what}.`,
    kinds: {
      event: (n) => (n === 1 ? '1 event' : `${n} events`),
      certificate: (n) => (n === 1 ? '1 certificate' : `${n} certificates`),
      list: (n) => (n === 1 ? '1 Exchange certificate entry' : `${n} Exchange certificate entries`),
      thumbprint: (n) => (n === 1 ? '1 thumbprint' : `${n} thumbprints`),
      symptom: (n) => (n === 1 ? '1 known error message' : `${n} known error messages`),
      binding: (n) => (n === 1 ? '1 HTTPS binding (netsh or Get-WebBinding)' : `${n} HTTPS bindings (netsh or Get-WebBinding)`),
    },
    separator: ', ',
    pasteInstead:
      'You can also paste: the event text, Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize from each server, or the certificate (PEM).',
    estimated: ({ hours, base }) => `Expiry estimated from "${hours} hours remaining" counted from ${base}.`,
    lifetime:
      'Expiry dates from HealthChecker\'s "Lifetime: N day(s)" are counted from now: the paste does not show when the report ran, so re-run it or paste Get-ExchangeCertificate | fl for the exact dates.',
    version: ({ version }) => `Exchange ${version.replace('+', ' or later')}, judging by the paste.`,
  },
};

const ja: DiagnosisText = {
  finding: {
    certExpired: ({ name, when, renewal }) => `${name}: ${when}。${renewalJa(renewal)}`,
    certExpiredReplaced: ({ name, when, renewal, services }) =>
      `${name}: ${when}。ただし、更新後の証明書 ${renewal.thumbprint} が${renewal.servers ? ` ${renewal.servers} で` : ''}同じサービス (${services}) にすでに割り当てられています。Exchange は更新後の証明書を使うため、この期限切れの証明書は残っているだけで、現在の障害の原因ではありません。目の前の問題を解決してから削除してください。`,
    certExpiring: ({ name, when, renewal }) => `${name} は ${when}。${renewalJa(renewal)}`,
    certNotYetValid: ({ name, when }) =>
      `${name} はまだ有効ではありません: ${when}。それまでクライアントは拒否します。`,
    selfSigned: ({ name, shown, role }) =>
      shown === undefined
        ? `${name} は自己署名証明書です。${SELF_SIGNED_NORMAL_JA[role ?? 'self-signed'] ?? SELF_SIGNED_NORMAL_JA['self-signed']}`
        : 'port' in shown
          ? `${name} は自己署名証明書で、ポート ${shown.port} でクライアントに提示されています。Outlook、ブラウザー、メール アプリが警告を出します。クライアントが使う名前には CA の証明書を使ってください。`
          : `${name} は自己署名証明書で、クライアントが使う名前 (${shown.names}) を含み、貼り付けにはその名前の CA 発行の証明書がありません。これが提示されると Outlook、ブラウザー、メール アプリが警告を出します。それらの名前には CA の証明書を使ってください。`,
    chainNotSent: ({ endpoint, issuer }) =>
      `${endpoint ?? 'サーバー'} は、発行元 CA (${issuer}) の証明書を付けずに自分の証明書だけを提示しています。その CA 証明書を持たないクライアントや相手先は検証できず (openssl: unable to verify the first certificate)、TLS を必須とする相手には拒否されます。証明書自体に問題はありません。サーバーの中間証明機関ストアにその CA 証明書が必要です。`,
    chainIncomplete: ({ name, issuer }) =>
      `${name} の Status が Invalid、RootCAType が Unknown です。サーバーに発行元 CA (${issuer}) の証明書がないため、Windows が証明書チェーンを構築できません。その CA 証明書をインストールしてください。同じ CA への新しい証明書要求では、やはり Invalid のままです。`,
    selfSignedSmtpNoCa: ({ name, port, fqdn }) =>
      `${name} は自己署名証明書で、ポート ${port} で提示されています。代わりに割り当てられる CA 発行の証明書はありません。自己署名証明書を更新すれば日和見 TLS は戻りますが、信頼された証明書での TLS を必須にしている相手先は引き続き拒否します。そうした相手先には、${fqdn} 用の証明書を公的な CA から取得し、このサーバーで SMTP に割り当てる必要があります。`,
    selfSignedSmtp: ({ name, port }) =>
      `${name} は自己署名証明書で、ポート ${port} で提示されています。証明書を検証する相手先やクライアントには SMTP で自己署名証明書が見えるため、TLS やメールを拒否されることがあります。CA 発行の証明書を SMTP に割り当て、コネクタがそれを提示するように設定してください。`,
    transportCertExpired12015: ({ thumbprint, server }) =>
      `${server} の内部トランスポート証明書${thumbprint ? ` (${thumbprint})` : ''}の有効期限が切れています。Exchange 間のメールは X-ANONYMOUSTLS で流れ続けますが、STARTTLS は失敗することがあります。`,
    starttlsCertExpired: ({ fqdn, server }) =>
      `${server} の ${fqdn ?? 'イベントの説明にある FQDN'} 用 STARTTLS 証明書の有効期限が切れています。新しい証明書を入れるまで、その名前での TLS メールは失敗します。`,
    transportCertExpiredSmtp: ({ name, directTrust }) =>
      directTrust
        ? `${name} は SMTP に割り当てられていて、有効期限が切れています。これは内部トランスポート証明書で、エッジとハブの相互 TLS (直接信頼) と、その名前での STARTTLS に使われます。`
        : `${name} は SMTP に割り当てられていて、有効期限が切れています。Exchange はその名前の STARTTLS にまだこの証明書を提示することがあり、証明書を検証するサーバーには拒否されます。`,
    starttlsMissing: ({ fqdn, connector, server, send }) =>
      send
        ? `${server} に ${fqdn ?? 'コネクタの FQDN (イベントでは空欄です。確認方法は手順を参照)'} の使える証明書がないため、送信コネクタ${connector ? `「${connector}」` : ''}で STARTTLS を使えません。TLS を必須とする相手へのメールがキューに溜まるか失敗します。`
        : `${server} に ${fqdn ?? 'コネクタの FQDN (イベントでは空欄です。確認方法は手順を参照)'} の使える証明書がないため、コネクタ${connector ? `「${connector}」` : ''}は STARTTLS を提供できません。TLS を必須とする送信元からメールが届きません。`,
    tlsCertificateNamePinned: ({ connector, pinned }) =>
      `コネクタ${connector ? `「${connector}」` : ''}は TlsCertificateName ${pinned} で証明書を指定していますが、一致する証明書がインストールされていません。証明書の更新直後によく起きます (新しい証明書は拇印が変わり、発行者も変わることがあります)。`,
    domainMismatch: ({ fqdn, names }) => `貼り付けられた証明書はどれも ${fqdn} を含みません (含む名前: ${names})。`,
    weakKey: ({ name, bits }) => `${name} の RSA キーは ${bits} ビットです。現在は 2048 ビット以上が必要です。`,
    sha1: ({ name, exchangeDefault }) =>
      exchangeDefault
        ? `${name} は SHA-1 で署名されています。Exchange セットアップが作る証明書はこの形式です。更新時に SHA-256 の証明書に置き換えてください。`
        : `${name} は SHA-1 で署名されています。ブラウザーや多くのメール サーバーはもう信頼しません。`,
    privateKey: ({ count }) =>
      `貼り付けに秘密キーが ${count} 個含まれています。certcheck は保存も記録も再表示もしていません。漏えいしたものとして扱い、新しいキーで証明書を発行し直し、古い証明書を失効させてください。チャンネルに貼った場合はそのメッセージを削除してください。`,
    invisible: ({ chars }) =>
      `拇印に見えない文字 (${chars}) が含まれています。Windows の証明書ダイアログからコピーするとよく入ります。このままではコマンドレットが「証明書が見つからない」で失敗します。不可視文字を除いた下の値を使ってください。`,
    unknownEvent: ({ id }) =>
      `イベント ${id} は certcheck の Exchange 証明書イベント一覧にありません。イベントの全文 (ソースと説明を含む) か、証明書そのものを貼り付けてください。`,
    thumbprintOnly: ({ thumbprint }) =>
      `拇印 (${thumbprint}) だけです。どの証明書か、何に使われ、いつ期限が切れるかを知るには、下のコマンドの出力を貼り付けてください。`,
    removalAskedListed: ({ old, renewed }) =>
      `はい、古い証明書 ${old} は削除できます。ただし下の手順の最後に行ってください: 先に ${renewed} が古い証明書の使われていたすべてのサービスを引き継ぎ、TlsCertificateName で古い証明書を指定しているコネクタを ${renewed} に向け (貼り付けにコネクタがない場合は一覧して確認し)、各サーバーが ${renewed} を提示していることを確かめます。`,
    removalAsked: ({ old, renewed, servers }) =>
      `はい、古い証明書 ${old} は削除できます${servers ? ` (${servers} のそれぞれで個別に)` : ''}。ただし先に、各サーバーで下の確認を行ってください: ${renewed} が 443 と SMTP で使われていること、Exchange Back End サイト (444) が古い証明書にバインドされていないこと、TlsCertificateName で古い証明書を指定している送信コネクタ・受信コネクタがないこと (あれば先に ${renewed} に向けます)、内部トランスポート証明書でも Auth 証明書でもないこと。`,
    unrecognized: () =>
      'この貼り付けには certcheck が認識できるものがありませんでした。貼り付けられるもの: イベント (ID または全文、例: 12014、12015)、拇印、PEM または Base64 の証明書やチェーン、Get-ExchangeCertificate の出力 (表形式または | fl)、certutil -dump や openssl x509 -text の出力。',
    notCertificateEvent: ({ id, meaning }) =>
      `イベント ${id} は証明書の問題ではありません: ${meaning} 証明書の期限切れと書いているブログもありますが誤りで、証明書の変更は不要です。`,
    internalMissingLocal: ({ thumbprint, server }) =>
      `${server} がローカル コンピューターの個人用ストアから内部トランスポート証明書 (${thumbprint}) を読み込めません。削除されたか、秘密キーを読めません。他の Exchange サーバーへのメール フローに影響することがあります。`,
    internalMissingAd: ({ server }) =>
      `${server} の内部トランスポート証明書が Active Directory にないか壊れています (Exchange サーバー同士の信頼に使われるコピーです)。`,
    ephemeralInUse: ({ ephemeral }) =>
      `その間、Exchange は一時的 (ephemeral) な自己署名証明書 (${ephemeral}) を使っています。本来の内部トランスポート証明書が戻るまでの代わりにすぎないので、有効化したり残したりしないでください。`,
    remoteExpired: ({ peer }) =>
      `相手のサーバー ${peer} が期限切れの内部トランスポート証明書を提示しました。対処するのはこのサーバーではなく ${peer} です。`,
    authCert: ({ symptom }) =>
      `${symptom} Exchange の OAuth (Auth) 証明書の問題を示しています: 期限切れ、存在しない、またはすべてのサーバーにありません。OWA/ECP のサインイン、ハイブリッドの空き時間情報、サーバー間 OAuth がこの証明書に依存します。`,
    authNextMissing: ({ expired }) =>
      expired
        ? `現在の Auth 証明書は ${expired}。次の Auth 証明書も準備されていない (NextCertificateThumbprint が空) ため、引き継いだ証明書はありません。新しい Auth 証明書を公開するまで、OAuth (OWA/ECP のサインイン、ハイブリッドの空き時間情報、サーバー間 OAuth) は失敗します。`
        : '次の Auth 証明書が準備されていません (NextCertificateThumbprint が空です)。現在の証明書の期限が切れても引き継ぐものがありません。',
    authExpiredListed: ({ name, when }) =>
      `Auth 証明書 ${name} は ${when}。Get-AuthConfig の CurrentCertificateThumbprint がまだこの証明書なら、新しい Auth 証明書を公開するまで OAuth (OWA/ECP のサインイン、ハイブリッドの空き時間情報、サーバー間 OAuth) は失敗します。`,
    federationExpiring: ({ thumbprint }) =>
      `フェデレーション証明書 ${thumbprint} の有効期限まで 15 日を切りました。期限が切れると他組織との空き時間情報や共有が止まります (Exchange 2013 以降ではこのイベントは Auth 証明書も対象です)。`,
    federationExpired: ({ thumbprint }) =>
      `フェデレーション証明書 ${thumbprint} の有効期限が切れ、フェデレーション共有が止まっています。`,
    sendConnectorPinMissing: () =>
      '送信コネクタが TlsCertificateName で指定している証明書がもうインストールされていないため、その宛先へのメールが 454 4.7.5 でキューに溜まっています。',
    starttlsRequired451: () =>
      'Exchange Online がオンプレミスのサーバーと TLS を開始できません (451 5.7.3 STARTTLS is required)。受信コネクタに使える証明書がありません。',
    edgeAuth451: ({ queue }) =>
      `エッジ トランスポート サーバーへのキュー ${queue} が 451 5.7.3 Cannot achieve Exchange Server authentication で失敗しています。エッジが提示する証明書がエッジ サブスクリプションに含まれていないためです (エッジで作り直した証明書は、サブスクリプションを作り直すまで組織に伝わりません)。インターネット宛てのメールが滞留しています。`,
    tlsNoCredentials: () =>
      'TLS ネゴシエーションが NoCredentials で失敗しました。コネクタ用の証明書 (読み取れる秘密キー付き) がありません。',
    setupCertExpired: ({ issuer, site, until, name }) =>
      `${site} に割り当てられた証明書${name ? ` ${name}` : ''}${issuer ? ` (発行者: ${issuer})` : ''} の有効期限が切れている${until ? ` (${until})` : ''}ため、Exchange セットアップが止まりました。更新してからセットアップを再実行してください。`,
    revocation: ({ name }) =>
      `${name} の Status が RevocationCheckFailure です。サーバーが CA の CRL/OCSP に到達できません (プロキシやファイアウォール)。証明書自体は問題ありませんが、Exchange Online や相手先との TLS が失敗することがあります。`,
    pendingRequest: ({ name }) =>
      `${name} は保留中の証明書要求 (CSR) で、まだ使える証明書ではありません。CA が発行した証明書で、要求を作成したのと同じサーバー上で完了してください。`,
    dateAmbiguous: ({ detail, thumbprint, servers }) => {
      const check = (server?: string) =>
        `(Get-ExchangeCertificate -Thumbprint ${thumbprint}${server ? ` -Server ${server}` : ''}).NotAfter.ToString('o')`;
      const how = !thumbprint
        ? "証明書の拇印を指定して (Get-ExchangeCertificate -Thumbprint <拇印>).NotAfter.ToString('o') で確認してください。"
        : servers.length > 0
          ? `${servers.map((server) => check(server)).join(' と ')} で、サーバーごとのコピーを確認してください。`
          : `${check()} で確認してください。`;
      const read = /^(.+?) reads as (\S+) \(month first\) or (\S+) \(day first\); took (day|month) first$/.exec(detail);
      const said = read
        ? `${read[1]} は ${read[2]} (月が先) とも ${read[3]} (日が先) とも読めます。${read[4] === 'day' ? '日' : '月'}が先として読みました`
        : detail;
      return `日付が日/月どちらの順にも読めます (${said})。${how}`;
    },
    tooLarge: ({ limit }) => `貼り付けが ${limit} を超えています。最初の ${limit} だけを読みました。`,
    unreadable: () =>
      '証明書のブロックを解読できませんでした (途中で切れているか壊れています)。全体を貼り直すか、Base-64 (.cer) でエクスポートしてください。',
    noDates: ({ count }) =>
      `既定の表形式には日付がありません (${count} 件)。残り日数を出すには、下のコマンドの出力を貼り付けてください。`,
    sslBindingBroken: ({ server }) =>
      `${server} の HTTP.sys が HTTPS エンドポイントにバインドされた証明書を使えません。0.0.0.0:444 は Exchange Back End サイトです。有効な証明書にバインドし直すまで、OWA と ECP は真っ白になり、Outlook Anywhere、EWS、Exchange 管理シェルが失敗します。`,
    nameMismatch: ({ host, cert, names, outlookAnywhere, internal }) =>
      `${outlookAnywhere ? 'Outlook Anywhere (エラー 10) によると' : 'Outlook によると'}、${host ?? '接続先の名前'} に提示された証明書にその名前がありません。${internal && cert ? `${host} は内部の名前で、公的な CA はこのような名前の証明書を発行しません。代わりに ${cert} にある名前 (${names}) を Outlook に使わせます。` : cert ? `IIS に割り当てられた証明書 ${cert} の名前は ${names} だけです。この名前も含む証明書を IIS に割り当てるまで、${host ?? 'その名前'} で接続するクライアントに警告が出ます。` : `貼り付けに証明書がありません。手順で ${host ?? 'その名前'} が提示する証明書と、各証明書の名前${outlookAnywhere ? '、Outlook Anywhere が公開する名前' : ''}を表示します。その出力を貼り付けると対処がわかります。`}`,
    serverAuthEkuMissing: ({ name, server }) =>
      `${server ? `${server} で、` : ''}${name ?? '証明書'} の拡張キー使用法にサーバー認証がないため、Exchange で使用できません (PkixKpServerAuthNotFoundInEnhancedKeyUsage)。CA が別の用途のテンプレート (ワークステーション認証など) で発行しています。設定や -Force では使用できるようになりません。新しい証明書要求を作成し、サーバー認証の EKU (1.3.6.1.5.5.7.3.1) を含むテンプレート (Web サーバーなど) で CA に発行してもらってください。この証明書は有効にせず、自己署名証明書で置き換えないでください。`,
    privateKeyMissing: ({ name, server, requestServer, certutil, oldShown }) =>
      `${certutil ? `certutil で ${server ? `${server} の` : ''}${name ?? '証明書'} にキー プロバイダー情報がありません。秘密キーなしで保存されているため、Exchange で使用できません (PrivateKeyMissing)` : `${server ? `${server} で` : ''}${name ?? '証明書'} に秘密キーがないため、Exchange で使用できません (PrivateKeyMissing)`}。CA が発行した証明書ファイルを、要求を作成していないサーバーにインストールしています。秘密キーは要求を作成したサーバー${requestServer ? ` (${requestServer})` : ''}にしかありません。そこで要求を完了し、秘密キー付きでエクスポートしてこのサーバーにインポートします。新しい要求は不要です。${oldShown ? '新しい証明書を割り当てるまで古い証明書は残してください。' : ''}`,
    imapPopNameReported: ({ protocols, fqdn }) =>
      `お知らせのとおり ${protocols} クライアントで証明書の名前エラーが出ています。IMAP と POP は X509CertificateName の名前に一致する証明書を提示し、この値はサーバー自身の FQDN になっていることがよくあります。X509CertificateName をクライアントが接続する名前 (${fqdn ?? 'Get-ImapSettings と Get-PopSettings の ExternalConnectionSettings に表示されます'}) に設定し、IMAP と POP のサービスを再起動してください。その名前を証明書が含んでいれば、証明書自体の変更は不要です。`,
    imapPopName: ({ protocols, subject, current, fqdn }) =>
      `Enable-ExchangeCertificate が、${subject} は ${protocols} の SSL/TLS 接続に使用できないと警告しました。IMAP と POP は X509CertificateName の名前${current ? ` (現在は ${current}) ` : ''}で証明書を選びますが、ワイルドカードのサブジェクトはこの名前に一致しません。証明書自体に問題はありません。X509CertificateName を、クライアントが接続する名前 (${fqdn ?? 'ExternalConnectionSettings に表示されます'}) に設定してください。`,
    smtpOverwritePrompt: ({ kind, typed, answer, newCert, current, copyOf, copyName }) => {
      const mine = newCert ? `新しい証明書 ${newCert}` : '新しい証明書';
      const kept = current ? `内部トランスポート証明書 ${current}` : '内部トランスポート証明書';
      const already =
        typed === undefined
          ? ''
          : typed === answer
            ? `すでに ${typed} を入力済みで、それで正しい対応です。`
            : `すでに ${typed} を入力済みです。手順でその結果を元に戻します。`;
      if (kind === 'ca-copy')
        return `${mine} は更新された証明書ではありません。CA の証明書 ${copyOf ?? ''}${copyName ? ` (${copyName})` : ''} を -GenerateRequest なしで New-ExchangeCertificate にパイプしたためにできた、自己署名のコピーです。確認には N と答え、このコピーは IIS にも SMTP にも割り当てないでください (クライアントや取引先は信頼しません)。何にも使われていないことを確認してから削除し、CA の証明書は要求 (-GenerateRequest、CA への申請、Import-ExchangeCertificate、Enable-ExchangeCertificate) で更新します。${already}`;
      if (kind === 'ca')
        return `「既存の既定の SMTP 証明書を上書きしますか?」には N と答えます。${mine} は CA 発行の証明書です。N と答えれば${kept} はそのままで、新しい証明書はコマンドで指定したサービスに割り当てられます。${already}`;
      if (kind === 'auth')
        return `「既存の既定の SMTP 証明書を上書きしますか?」には N と答えます。${mine} は OAuth トークンに署名する Auth 証明書です。N と答えれば${kept} はそのままです。${already}`;
      if (kind === 'self-signed')
        return `「既存の既定の SMTP 証明書を上書きしますか?」には Y と答えます。${mine} はサーバー用に作成した自己署名証明書で、${kept} を置き換えるためのものです。${already}`;
      return `既定の SMTP 証明書を上書きするかどうか (Y か N か) は、${mine} の発行者で決まりますが、貼り付けからはわかりません。Y が正しいのはサーバー自身の名前の自己署名証明書だけで、CA の証明書や Auth 証明書なら N です。見分け方は手順に示します。`;
    },
    emptyExchangeFields: () =>
      'Get-ExchangeCertificate の結果に Thumbprint/Subject がありません。PowerShell のシリアル化署名が失敗しています。多くは Auth 証明書の期限切れか欠落が原因です。',
    restSkipped: ({ what, read }) =>
      `貼り付けが非常に長いため、最初の ${read} 件の${{ certificates: '証明書', thumbprints: '拇印', events: 'イベント', records: '一覧の項目' }[what]}だけを調べ、残りは省略しました。問題のサーバーに関する部分を貼り付けてください。`,
    damagedThumbprint: ({ id }) =>
      `イベント ${id} の拇印がこの貼り付けでは壊れている (文字が欠けているか 16 進数ではない) ため、コマンドに使えません。イベントからもう一度コピーするか、サーバーで Get-ExchangeCertificate | fl Thumbprint,Subject,NotAfter を実行してください。`,
    cutTableThumbprint: ({ name }) =>
      `表の列幅で拇印が途中で省略されている ("..."、${name} の拇印など) ため、コマンドには使えません。サーバーで Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize (または | fl Thumbprint,Subject,Services,NotAfter) を実行し、出力をもう一度コピーしてください。`,
    damagedListing: ({ name }) =>
      `${name} のレコードの途中でコピーが切れています。拇印が 40 桁に足りないためコマンドには使えず、途中で切れた名前は除外しました。サーバーで Get-ExchangeCertificate | fl Thumbprint,Subject,CertificateDomains,Services,NotAfter を実行し、レコード全体をもう一度コピーしてください (RDP のウィンドウでは幅を広げるか、| Out-File C:\\temp\\certs.txt を付けてファイルを開きます)。`,
    internalExpiringNoThumbprint: ({ server, hours }) =>
      `${server} の内部トランスポート証明書の有効期限がまもなく切れます${hours !== undefined ? ` (イベント記録時点で残り ${hours} 時間、約 ${Math.floor(hours / 24)} 日)` : ''}。期限が切れる前に更新してください。`,

    eventCertExpired: ({ id, name }) =>
      `イベント ${id}: このサーバーの証明書 ${name} の有効期限が切れています。Exchange は個人用ストアにある期限切れの証明書すべてについてこれを記録します。使われている証明書なら更新し、使われていなければ削除します。`,
    eventCertExpiring: ({ id, name }) =>
      `イベント ${id}: このサーバーの証明書 ${name} の有効期限が近づいています。使われている証明書なら更新し、使われていなければ削除します。`,
    sendNoCredentials: ({ connector, error }) =>
      `送信コネクタ「${connector}」で TLS を開始できませんでした (${error ?? 'NoCredentials'})。指定されている証明書 (TlsCertificateName) がない、期限切れ、SMTP に割り当てられていない、または秘密キーを読めません。`,
    expiryNotice: ({ name, when }) =>
      `${name} は ${when}。まだ急ぎではありません (Exchange 2013 以降は 90 日前からトランスポートの警告 12017/12018 を記録します)。更新を計画してください。`,
    timedOut: ({ seconds, readKiB }) =>
      `この貼り付けは読み取りに時間がかかりすぎました (${seconds} 秒超)。${readKiB ? `最初の ${readKiB} KiB から読み取れた内容を示します` : '時間内に読み取れた内容はありません'}。完全に診断するには、必要な部分 (イベント、証明書、または Get-ExchangeCertificate | fl の出力) だけを貼り付けてください。`,
    busy: () =>
      'certcheck は現在ほかの長い貼り付けを読み取っているため、この貼り付けは読み取っていません。1 分ほどしてからもう一度送るか、必要な部分 (イベント、証明書、または Get-ExchangeCertificate | fl の出力) だけを貼り付けてください。',
  },
  headline: {
    CERT_EXPIRED: ({ name, when }) => (name && when ? `${name}: ${when}` : '証明書の有効期限が切れています'),
    CERT_EXPIRING: ({ name, when }) =>
      name && when ? `${name}: ${when}` : `${name || '証明書'} の有効期限が近づいています`,
    CERT_NOT_YET_VALID: ({ name }) => `${name} はまだ有効ではありません`,
    SELF_SIGNED: ({ name }) => `${name} は自己署名証明書です`,
    TRANSPORT_CERT_EXPIRED: ({ server, name, when, fqdn, id }) =>
      id === 12016 || (fqdn && id !== 12015)
        ? when
          ? `STARTTLS 証明書 ${name}: ${when}`
          : `${server || 'サーバー'} ${fqdn ? `で ${fqdn} の` : 'の'} STARTTLS 証明書の有効期限が切れています`
        : when
          ? `トランスポート証明書 ${name}: ${when}`
          : `${server || 'サーバー'} のトランスポート証明書の有効期限が切れています`,
    STARTTLS_CERT_MISSING: ({ fqdn, server }) =>
      fqdn ? `${server ? `${server} に ` : ''}${fqdn} の STARTTLS 証明書がありません` : 'STARTTLS が使えません',
    DOMAIN_MISMATCH: ({ fqdn }) => `${fqdn} を含む証明書がありません`,
    WEAK_KEY: ({ name }) => `${name} の RSA キーが弱すぎます`,
    SHA1_SIGNATURE: ({ name }) => `${name} は SHA-1 で署名されています`,
    PRIVATE_KEY_IN_INPUT: () => '貼り付けに秘密キーが含まれています',
    INVISIBLE_CHARACTERS: () => '拇印に見えない文字が含まれています',
    UNKNOWN_EVENT: ({ id }) => `イベント ${id} は既知の Exchange 証明書イベントではありません`,
    THUMBPRINT_ONLY: ({ name }) => `拇印 ${name}: 診断には追加の情報が必要です`,
    REMOVAL_ASKED: ({ name }) => `古い証明書 ${name} は下の確認の後で削除できます`,
    UNRECOGNIZED_INPUT: () => 'この貼り付けに certcheck が認識できるものはありません',
    NOT_A_CERTIFICATE_EVENT: ({ id }) => `イベント ${id} は証明書の問題ではありません`,
    INTERNAL_TRANSPORT_CERT_MISSING: ({ server }) => `${server || 'サーバー'} の内部トランスポート証明書がありません`,
    REMOTE_CERT_EXPIRED: () => '相手のサーバーが期限切れの証明書を提示しました: 相手側で対処します',
    AUTH_CERT_PROBLEM: () => 'Exchange の Auth (OAuth) 証明書に対処が必要です',
    FEDERATION_CERT_EXPIRING: () => 'フェデレーション証明書の有効期限が近づいています',
    TLS_CERTIFICATE_NAME_MISSING: () => 'コネクタが存在しない証明書を指定しています (TlsCertificateName)',
    EDGE_SUBSCRIPTION_STALE: () =>
      'エッジへのメールが Exchange Server 認証に失敗しています。エッジ サブスクリプションが古いままです',
    REVOCATION_CHECK_FAILED: ({ name }) => `${name}: 失効確認に失敗しています (CRL/OCSP に到達できません)`,
    PENDING_REQUEST: ({ name }) => `${name} は保留中の要求で、まだ証明書ではありません`,
    DATE_AMBIGUOUS: () => '日付が 2 通りに読めます',
    INPUT_TOO_LARGE: () => '貼り付けが大きすぎて全体を読めません',
    UNREADABLE_CERTIFICATE: () => '貼り付けの証明書を読み取れませんでした',
    EXPIRY_NOTICE: ({ name, when }) => `${name}: ${when}`,
    EXPIRY_UNKNOWN: () => '日付のない証明書一覧です',
    SMTP_OVERWRITE_PROMPT: () => '既定の SMTP 証明書の上書き: Y と N のどちら?',
    INPUT_TIMED_OUT: () => 'この貼り付けは読み取りに時間がかかりすぎました',
    INPUT_TRUNCATED: () => '長い貼り付けのうち最初の部分だけを読み取りました',
    THUMBPRINT_DAMAGED: () => '貼り付けの拇印が壊れています',
    STARTTLS_NOT_OFFERED: ({ fqdn }) => `${fqdn || 'サーバー'} は STARTTLS を提供していません`,
    ENDPOINT_UNREACHABLE: () => 'エンドポイントを調べられませんでした',
    OLD_TLS_VERSION: () => 'サーバーは TLS 1.0 または 1.1 しか使えません',
    SSL_BINDING_BROKEN: ({ server }) => `${server}: HTTPS のバインドが存在しない証明書を指しています`,
    CHAIN_INCOMPLETE: ({ name }) =>
      name ? `${name} が Invalid です: 発行元 CA の証明書がありません` : '発行元 CA の証明書がありません',
    ENDPOINT_PRESENTS_OLD_CERT: () => 'Exchange では更新後の証明書が有効なのに、443 はまだ古い証明書を提示しています',
    RENEWAL_LACKS_NAME: () => '新しい証明書には現在の証明書にある名前がありません: IIS に割り当てないでください',
    IMAP_POP_CERTIFICATE_NAME: () => 'IMAP/POP: X509CertificateName にはクライアントが接続する FQDN を設定します',
    SERVER_AUTH_EKU_MISSING: ({ name }) =>
      `${name || '証明書'} の拡張キー使用法にサーバー認証がありません (PkixKpServerAuthNotFoundInEnhancedKeyUsage)`,
    PRIVATE_KEY_MISSING: ({ name }) =>
      `${name || '証明書'} はインストールしたサーバーに秘密キーがありません (PrivateKeyMissing)`,
    REMOTE_CERT_VALIDATION_FAILED: () => '次ホップの証明書の検証に失敗しています: こちらの証明書ではありません',
    SMTP_CONNECTION_FAILED: () => '接続が切断されました (SocketError): 証明書の問題ではありません',
    CERT_NOT_ENABLED_FOR_SMTP: ({ name }) => `${name || '証明書'} が SMTP に割り当てられていません`,
    ERROR_NOT_UNDERSTOOD: () => '貼り付けのエラーを認識できません',
    CERT_NOT_CAPI: () => '内部トランスポート証明書が CAPI 証明書ではありません',
    EDGE_CERT_DUPLICATE: () => 'エッジがハブ トランスポート サーバーと同じ証明書を使っています',
    QUEUES_WITHOUT_ERROR: () => '貼り付けのキューにはエラーがありません',
    CERT_ALREADY_IMPORTED: () => '証明書はすでにサーバーにあります: もう一度インポートせずに割り当てます',
    CERT_NOT_FOUND: () => 'コマンドレットを実行したサーバーにその拇印の証明書がありません',
    TLS_CERTIFICATE_ALERT: () => '相手側が TLS で証明書チェーンを拒否しました (Schannel 36887): 証明書の更新は不要です',
    TLS_NO_COMMON_CIPHER: () =>
      'クライアントが、このサーバーの受け付ける TLS バージョンや暗号を提示していません: 証明書の問題ではありません',
    EMS_UNAVAILABLE: () => 'Exchange 管理シェルに接続できません: まず接続を回復します',
    INTERNAL_CERT_REMOVE_REFUSED: () => '内部トランスポート証明書は、新しい証明書に置き換えるまで削除できません',
  },
  summary: {
    ok: ({ name, when }) => `${name} は問題ありません: ${when}`,
    okMany: ({ count }) => `${count} 件の証明書、いま対処が必要なものはありません`,
    nothing: () => 'この貼り付けに certcheck が認識できるものはありません',
    eventsOnly: ({ count, symptoms = 0 }) =>
      `${[count > 0 && `イベントを ${count} 件`, symptoms > 0 && `既知のエラー メッセージを ${symptoms} 件`].filter(Boolean).join('、')}読み取りました。対処が必要な証明書の問題は見つかりません`,
    notCertificate: ({ id }) => `イベント ${id} は証明書の問題ではありません`,
    transportAndStarttls: ({ server }) =>
      `${server ? `${server} の` : ''}トランスポート証明書が期限切れです: STARTTLS が使えません`,
  },
  eventMeaning: {
    12025:
      'MSExchangeTransport 12025 は、トランスポート サービスが再起動後にパフォーマンス カウンターを接続し直したことを示します。',
  },
  unknownServer: 'サーバー',
  notInPaste: '(貼り付けにありません)',
  eventLogged: (id) => `イベント ${id} が記録されています。`,
  internalTransportCertificate: (short) => `内部トランスポート証明書 ${short}`,
  theServer: (server) => server,
  notes: {
    understood: ({ what }) => `認識した内容: ${what}。`,
    kinds: {
      event: (n) => `イベント ${n} 件`,
      certificate: (n) => `証明書 ${n} 件`,
      list: (n) => `Exchange 証明書 ${n} 件`,
      thumbprint: (n) => `拇印 ${n} 件`,
      symptom: (n) => `既知のエラー メッセージ ${n} 件`,
      binding: (n) => `HTTPS バインド ${n} 件 (netsh または Get-WebBinding)`,
    },
    separator: '、',
    pasteInstead:
      'ほかに貼り付けられるもの: イベントの全文、各サーバーの Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize の出力、証明書 (PEM)。',
    estimated: ({ hours, base }) => `有効期限は「残り ${hours} 時間」を ${base} から数えた推定です。`,
    lifetime:
      'HealthChecker の「Lifetime: N day(s)」による有効期限は現在から数えた推定です。レポートを実行した日時が貼り付けにないため、正確な日付は HealthChecker を再実行するか Get-ExchangeCertificate | fl の出力を貼り付けて確認してください。',
    version: ({ version }) => `貼り付けの内容から Exchange ${version.replace('+', ' 以降')} と判断しました。`,
  },
};

export const diagnosisText: Record<Language, DiagnosisText> = { en, ja };
