import type { ServerList, Wording } from '../knowledge/library-model.js';
import { cleanIdentity } from '../recognize/table-columns.js';
import { authNeedsReplacing, stagedNextAuth } from './auth-facts.js';
import { oldOnBackEnd444 } from './backend-facts.js';
import { oldOnFrontEnd443 } from './frontend-facts.js';
import {
  failingConnectorIsHybrid,
  frontendPinsSameCertificate,
  hybridPinsThisCertificate,
  pinsShownBeyondHybrid,
  shownPins,
} from './hybrid-pins.js';
import { iisCaCandidate } from './iis-ca-candidate.js';
import { caCertForImapPop, internalRenewedAlready } from './internal-renewal.js';
import { OVERWRITE_CONDITIONS } from './overwrite-conditions.js';
import { commonName, isExpired, isValid, type PlanScope } from './plan-scope.js';
import { isInternalName, requestForPublicCa } from './public-names.js';
import {
  oldStillOn443,
  renewedListsIis,
  renewedMissing,
  renewedServicesShown,
  rolloutEnablesSmtp,
} from './renewed-rollout.js';
import { commandVersionOf } from './server-facts.js';

/**
 * Named conditions over a server's facts. Each answers true, false, or undefined when the paste does
 * not show the deciding fact. An undecided condition either branches (the plan first shows the fact
 * with `shownBy`, then gives both outcomes, each with its own command). The release is such a fact:
 * the plan engine gives a step whose command differs by release once per release group.
 */
export interface Condition {
  test: (scope: PlanScope) => boolean | undefined;
  unknown: 'branch' | 'then' | 'else';
  /** The step that shows the deciding fact, put before the branches when undecided. */
  shownBy?: string[];
  /** Said before a step of each outcome when undecided ("If …", "… 場合"). */
  ifTrue: Wording;
  ifFalse: Wording;
  /** Version conditions choose commands; they are not recorded as a step's `when`. */
  version?: boolean;
}

const family = (s: PlanScope) => commandVersionOf(s.facts);
const strongRole = (s: PlanScope, predicate: (role: string) => boolean) =>
  s.facts.roles.some((r) => r.strength === 'strong' && predicate(r.value));
const clientServices = (s: PlanScope) =>
  (s.cert?.servicesHistory ?? s.cert?.servicesAtLeast ?? []).some((x) => x === 'IIS' || x === 'POP' || x === 'IMAP');

/**
 * The admin names the CA or says the certificate was bought, and the certificate in question carries a
 * name a public CA issues: it is the CA-issued one they speak of. A certificate only for the server's
 * own or internal names (the internal transport certificate) is never taken for it.
 */
function caSaidOfThis(s: PlanScope): true | undefined {
  if (s.values.caSaid !== 'yes' || !s.cert) return undefined;
  const cn = commonName(s.cert.subject);
  if (!cn || isInternalName(cn) || isOwnName(cn, s.facts.name)) return undefined;
  // "mail.contoso.com is a GlobalSign cert" says nothing of the certificate for smtp.contoso.com.
  const hosts = s.values.caSaidHosts?.split(',') ?? [];
  const names = [cn, ...(s.values.domains?.split(',') ?? [])].map((n) => n.trim().toLowerCase());
  return hosts.length === 0 || hosts.some((h) => names.includes(h)) ? true : undefined;
}

/** A valid CA-issued certificate on this server that serves IIS, or is enabled for it with nothing saying otherwise. */
function caCertServesIis(s: PlanScope): boolean | undefined {
  const certs = s.facts.certificates;
  const bound = certs.find((c) => c.iisFrontEnd === true);
  if (bound) return bound.issuerKind === 'ca' && isValid(bound);
  // A valid CA certificate listing IIS almost always is the one bound to 443. One whose issuer the
  // paste does not show counts too when it carries a name other than the server's own (mail.…):
  // leaving IIS where it is is the safe side. Without either, a CA certificate may still exist.
  const own = s.facts.name?.toLowerCase();
  const candidate = certs.some(
    (c) =>
      c.issuerKind !== 'self-signed' &&
      (c.issuerKind === 'ca' || (c.role !== 'exchange-self-signed' && commonName(c.subject) !== own)) &&
      isValid(c) &&
      c.iisFrontEnd !== false &&
      c.servicesHistory?.includes('IIS'),
  );
  return candidate ? true : undefined;
}

/** The certificate carries the server's own name (Setup's CN=EX01), not a name clients use (mail.…). */
function certForServerName(s: PlanScope): boolean {
  const cn = s.cert ? commonName(s.cert.subject) : undefined;
  if (!cn) return true;
  if (!cn.includes('.')) return true;
  return cn.split('.')[0] === s.facts.name?.toLowerCase();
}

function iisServedByThisCert(s: PlanScope): boolean | undefined {
  // KB 953354 moves IIS to the new certificate only for Setup's own certificate: a new self-signed
  // one for the server's names never takes over a name clients use.
  if (!certForServerName(s)) return false;
  if (s.cert?.iisFrontEnd !== undefined) return s.cert.iisFrontEnd;
  // The admin says IIS uses a purchased or CA-issued certificate: not the Setup certificate.
  if (s.values.iisOnCaSaid === 'yes') return false;
  // A server Get-ExchangeServer shows as Hub Transport (or Edge) only serves no clients over IIS.
  const strong = s.facts.roles.filter((r) => r.strength === 'strong').map((r) => r.value);
  if (strong.length > 0 && strong.every((r) => r === 'hub' || r === 'edge')) return false;
  if (s.facts.certificates.some((c) => c.iisFrontEnd === true)) return false;
  if (caCertServesIis(s) === true) return false;
  if (s.cert && !s.cert.servicesHistory?.includes('IIS') && s.cert.servicesHistory !== undefined) return false;
  return undefined;
}

function isEdge(s: PlanScope): boolean | undefined {
  if (strongRole(s, (r) => r === 'edge')) return true;
  if (strongRole(s, (r) => r !== 'edge')) return false;
  // An Edge Transport server has no IIS, POP or IMAP: a certificate enabled for them is not an Edge's.
  if (clientServices(s)) return false;
  // Weak words alone: the admin's "our Edge" or a server named EDGE01 decides only when nothing else is said.
  const weak = s.facts.roles.map((r) => r.value);
  if (weak.length === 0) return undefined;
  if (!weak.includes('edge')) return false;
  return weak.length === 1 ? true : undefined;
}

function hybrid(s: PlanScope): boolean | undefined {
  if (s.hybridSymptom) return true;
  // The admin's own word about the organisation ("NOT hybrid", 「ハイブリッド構成です」) settles it.
  if (s.values.hybridSaid) return s.values.hybridSaid === 'yes';
  if (s.facts.connectors.some((c) => /^Outbound to Office 365/i.test(c.name))) return true;
  if (s.facts.connectors.some((c) => c.namedBy === 'listing' && c.kind === 'send')) return false;
  return undefined;
}

const w = (en: string, ja: string): Wording => ({ en, ja });

/** The certificate the plan is about was presented on an SMTP port (openssl s_client -starttls smtp). */
const smtpPresented = (s: PlanScope) => (s.cert?.presentedOn ?? []).some((port) => port === 25 || port === 587);

/** The releases a step's command is for, when the paste does not show the server's. */
export type ReleaseGroup = 'release2013plus' | 'release2010' | 'release2007' | 'release2007or2010' | 'release2010plus';

export const RELEASE_GROUPS: Readonly<Record<ReleaseGroup, readonly ('2007' | '2010' | '2013+')[]>> = {
  release2013plus: ['2013+'],
  release2010: ['2010'],
  release2007: ['2007'],
  release2007or2010: ['2007', '2010'],
  release2010plus: ['2010', '2013+'],
};

function releaseConditions(): Record<ReleaseGroup, Condition> {
  const words: Record<ReleaseGroup, Wording> = {
    release2013plus: w(
      'If AdminDisplayVersion shows Version 15.x (Exchange 2013 or later)',
      'AdminDisplayVersion が Version 15.x (Exchange 2013 以降) の場合',
    ),
    release2010: w(
      'If AdminDisplayVersion shows Version 14.x (Exchange 2010)',
      'AdminDisplayVersion が Version 14.x (Exchange 2010) の場合',
    ),
    release2007: w(
      'If AdminDisplayVersion shows Version 8.x (Exchange 2007)',
      'AdminDisplayVersion が Version 8.x (Exchange 2007) の場合',
    ),
    release2007or2010: w(
      'If AdminDisplayVersion shows Version 8.x or 14.x (Exchange 2007 or 2010)',
      'AdminDisplayVersion が Version 8.x または 14.x (Exchange 2007 または 2010) の場合',
    ),
    release2010plus: w(
      'If AdminDisplayVersion shows Version 14.x or 15.x (Exchange 2010 or later)',
      'AdminDisplayVersion が Version 14.x または 15.x (Exchange 2010 以降) の場合',
    ),
  };
  const out = {} as Record<ReleaseGroup, Condition>;
  for (const [name, families] of Object.entries(RELEASE_GROUPS) as [ReleaseGroup, readonly string[]][]) {
    out[name] = {
      test: (s) => {
        const family = commandVersionOf(s.facts);
        return family === 'unknown' ? undefined : families.includes(family);
      },
      unknown: 'branch',
      shownBy: ['show-exchange-version'],
      ifTrue: words[name],
      ifFalse: w('If AdminDisplayVersion shows another release', 'AdminDisplayVersion が別のリリースの場合'),
    };
  }
  return out;
}

/**
 * A renewal request is made from the old certificate itself (it keeps every name) when the paste
 * gives its thumbprint but shows no name beyond its subject's CN: a listing without
 * CertificateDomains, certutil -store, a table. Names the paste does show go into -DomainName.
 */
function renewFromOldCertificate(s: PlanScope): boolean {
  // A record cut mid-way shows only some names: the old certificate itself has them all.
  if (s.values.cut === 'yes') return true;
  if (s.values.thumbprint === undefined) return false;
  // A subject the console cut ('…, S=W...') is no value for -SubjectName: the certificate has it whole.
  if (/(?:\.\.\.|…)\s*$/.test(s.values.subject ?? '')) return true;
  // Read from the certificate itself (PEM, DER, openssl, a probe): its SANs are every name it has.
  if (s.values.namesComplete === 'yes') return false;
  // Names read from an event (its FQDN) are not the certificate's own.
  if (s.values.subject === undefined) return true;
  const cn = s.values.subject ? commonName(s.values.subject) : undefined;
  const names = (s.values.domains ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  return !names.some((name) => name !== cn);
}

export const CONDITIONS: Readonly<Record<string, Condition>> = {
  'version>=2013': {
    test: (s) => (family(s) === 'unknown' ? undefined : family(s) === '2013+'),
    unknown: 'then',
    version: true,
    ifTrue: w('On Exchange 2013 and later', 'Exchange 2013 以降の場合'),
    ifFalse: w('On Exchange 2007/2010', 'Exchange 2007/2010 の場合'),
  },
  'version>=2010': {
    test: (s) => (family(s) === 'unknown' ? undefined : family(s) !== '2007'),
    unknown: 'then',
    version: true,
    ifTrue: w('On Exchange 2010 and later', 'Exchange 2010 以降の場合'),
    ifFalse: w('On Exchange 2007', 'Exchange 2007 の場合'),
  },
  isEdge: {
    test: isEdge,
    unknown: 'branch',
    shownBy: ['show-server-role'],
    ifTrue: w('If ServerRole shows Edge', 'ServerRole が Edge の場合'),
    ifFalse: w(
      'If ServerRole shows a Hub Transport or Mailbox server',
      'ServerRole がハブ トランスポートまたはメールボックスの場合',
    ),
  },
  // The paste shows an Edge (ServerRole, its own connectors): a step that cannot run there is left out
  // without asking, since an Edge has no AuthConfig, IIS or Client Access.
  shownEdge: {
    test: (s) => isEdge(s) === true,
    unknown: 'else',
    ifTrue: w('The paste shows an Edge Transport server', '貼り付けからエッジ トランスポート サーバーとわかります'),
    ifFalse: w(
      'The paste does not show an Edge Transport server',
      '貼り付けからはエッジ トランスポート サーバーとわかりません',
    ),
  },
  isInternalTransport: {
    test: (s) => {
      if ([12015, 12017, 12019].includes(s.eventId ?? 0)) return true;
      if ([12016, 12018, 12020].includes(s.eventId ?? 0)) return false;
      // An event that names the internal transport certificate missing (12013, 12023, 12024) says it is.
      if (s.values.internal === 'yes') return true;
      return s.cert?.internalTransport;
    },
    unknown: 'branch',
    shownBy: ['show-internal-transport'],
    ifTrue: w(
      'If InternalTransportCertificateThumbprint shows {thumbprintWords}',
      'InternalTransportCertificateThumbprint が {thumbprintWords} の場合',
    ),
    ifFalse: w(
      'If InternalTransportCertificateThumbprint shows another thumbprint',
      'InternalTransportCertificateThumbprint が別の拇印の場合',
    ),
  },
  caIssued: {
    test: (s) =>
      s.cert?.issuerKind === 'ca' ? true : s.cert?.issuerKind === 'self-signed' ? false : caSaidOfThis(s),
    unknown: 'branch',
    shownBy: ['show-issuer'],
    ifTrue: w('If IsSelfSigned is False (issued by a CA)', 'IsSelfSigned が False (CA 発行) の場合'),
    ifFalse: w('If IsSelfSigned is True', 'IsSelfSigned が True の場合'),
  },
  caCertServesIis: {
    test: caCertServesIis,
    unknown: 'branch',
    shownBy: ['show-iis-binding', 'show-iis-binding-2007'],
    ifTrue: w('If the 443 binding shows a valid CA-issued certificate', '443 のバインドが有効な CA 発行の証明書の場合'),
    ifFalse: w(
      'If the 443 binding shows no valid CA-issued certificate',
      '443 のバインドが有効な CA 発行の証明書でない場合',
    ),
  },
  // A self-signed certificate's removal moves 443 to a CA-issued certificate rather than to its
  // self-signed replacement, where the paste lists one or the admin says IIS uses one.
  iisCaPreferred: {
    test: (s) => s.cert?.issuerKind !== 'ca' && (iisCaCandidate(s) !== undefined || s.values.iisOnCaSaid === 'yes'),
    unknown: 'else',
    ifTrue: w(
      'A CA-issued certificate for IIS is listed or named by the admin',
      'IIS 用の CA 発行の証明書が一覧にあるか、書かれています',
    ),
    ifFalse: w('No CA-issued certificate for IIS is known', 'IIS 用の CA 発行の証明書はわかりません'),
  },
  iisCaCandidate: {
    // Decided by the paste alone: a valid CA-issued certificate listed on this server, or none.
    test: (s) => iisCaCandidate(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'If a valid CA-issued certificate is listed on this server',
      'このサーバーに有効な CA 発行の証明書が一覧にある場合',
    ),
    ifFalse: w('If no valid CA-issued certificate is listed', '有効な CA 発行の証明書が一覧にない場合'),
  },
  iisServedByExpiredSetupCert: {
    test: iisServedByThisCert,
    unknown: 'branch',
    shownBy: ['show-iis-binding', 'show-iis-binding-2007'],
    ifTrue: w('If the 443 binding shows the expired certificate', '443 のバインドが期限切れの証明書の場合'),
    ifFalse: w('If the 443 binding shows another certificate', '443 のバインドが別の証明書の場合'),
  },
  authCurrent: {
    // A symptom (no certificate in scope) is about the Auth certificate in use: the current one.
    test: (s) => (s.cert ? s.cert.authCurrent : true),
    unknown: 'branch',
    shownBy: ['show-authconfig'],
    ifTrue: w('If CurrentCertificateThumbprint is this certificate', 'CurrentCertificateThumbprint がこの証明書の場合'),
    ifFalse: w(
      'If CurrentCertificateThumbprint is another certificate',
      'CurrentCertificateThumbprint が別の証明書の場合',
    ),
  },
  oldOnBackEnd444: {
    test: oldOnBackEnd444,
    unknown: 'branch',
    shownBy: ['show-backend-444'],
    ifTrue: w(
      'If 0.0.0.0:444 shows the old certificate ({thumbprintWords})',
      '0.0.0.0:444 に古い証明書 ({thumbprintWords}) が表示された場合',
    ),
    ifFalse: w('If 0.0.0.0:444 shows another certificate', '0.0.0.0:444 に別の証明書が表示された場合'),
  },
  oldOnFrontEnd443: {
    test: oldOnFrontEnd443,
    unknown: 'branch',
    shownBy: ['show-iis-binding', 'show-iis-binding-2007'],
    ifTrue: w(
      'If the 443 binding shows the old certificate ({thumbprintWords})',
      '443 のバインドに古い証明書 ({thumbprintWords}) が表示された場合',
    ),
    ifFalse: w('If the 443 binding shows another certificate', '443 のバインドに別の証明書が表示された場合'),
  },
  oldInStore: {
    test: (s) => s.values.inStore === 'yes',
    unknown: 'else',
    ifTrue: w(
      "The paste shows the certificate in the server's store",
      '貼り付けから証明書がサーバーのストアにあるとわかります',
    ),
    ifFalse: w(
      "The paste does not show the certificate in the server's store",
      '貼り付けからは証明書がサーバーのストアにあるとわかりません',
    ),
  },
  authNeedsReplacing: {
    test: authNeedsReplacing,
    unknown: 'branch',
    shownBy: ['check-auth'],
    ifTrue: w(
      'If it shows a NotAfter in the past or HasPrivateKey False, or finds no certificate (the Auth certificate is expired, without its key, or missing)',
      'NotAfter が過去の日付か HasPrivateKey が False の場合、または証明書が見つからない場合 (Auth 証明書の期限切れ、秘密キーの欠落、または証明書の欠落)',
    ),
    ifFalse: w(
      'If it shows a certificate that is still valid (NotAfter in the future, HasPrivateKey True)',
      'まだ有効な証明書 (NotAfter が将来の日付、HasPrivateKey が True) が表示された場合',
    ),
  },
  authNextStaged: {
    test: (s) => stagedNextAuth(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'A valid next Auth certificate is already staged (NextCertificateThumbprint)',
      '有効な次の Auth 証明書がすでに登録されています (NextCertificateThumbprint)',
    ),
    ifFalse: w(
      'The paste shows no valid next Auth certificate staged',
      '貼り付けからは、有効な次の Auth 証明書の登録がわかりません',
    ),
  },
  hybrid: {
    test: hybrid,
    unknown: 'branch',
    shownBy: ['show-hybrid-connectors'],
    ifTrue: w(
      'If an Outbound to Office 365 connector is listed (hybrid)',
      'Outbound to Office 365 コネクタが表示された場合 (ハイブリッド)',
    ),
    ifFalse: w('If no Outbound to Office 365 connector is listed', 'Outbound to Office 365 コネクタが表示されない場合'),
  },
  // A queue's 454 4.7.5 changes the connector that queue names and no other: the hybrid connectors
  // only when it is theirs (Outbound to Office 365, the tenant's mail.onmicrosoft.com domain).
  // The plan shows the failing queue first, before anything is enabled, when it asks this.
  failingConnectorHybrid: {
    test: failingConnectorIsHybrid,
    unknown: 'branch',
    shownBy: ['show-failing-send-queue'],
    ifTrue: w(
      "If the failing queue's NextHopDomain is an Outbound to Office 365 connector or your tenant's mail.onmicrosoft.com domain (hybrid)",
      'エラーになっているキューの NextHopDomain が Outbound to Office 365 コネクタまたはテナントの mail.onmicrosoft.com ドメインの場合 (ハイブリッド)',
    ),
    ifFalse: w(
      "If the failing queue's NextHopDomain names another connector or domain (a partner, a relay or a smart host)",
      'エラーになっているキューの NextHopDomain がそれ以外のコネクタまたはドメイン (取引先、リレー、スマート ホスト) の場合',
    ),
  },
  failingConnectorKnown: {
    test: (s) => failingConnectorIsHybrid(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'The paste shows which connector or domain the failing queue is for',
      'エラーになっているキューがどのコネクタまたはドメイン宛てかが貼り付けからわかります',
    ),
    ifFalse: w(
      'The paste does not show which connector or domain the failing queue is for',
      'エラーになっているキューがどのコネクタまたはドメイン宛てかが貼り付けからわかりません',
    ),
  },
  pinsShown: {
    test: (s) => shownPins(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'The paste shows which connectors name the old certificate in TlsCertificateName',
      '古い証明書を TlsCertificateName で指定しているコネクタが貼り付けからわかります',
    ),
    ifFalse: w(
      'The paste does not show which connectors name the old certificate',
      '古い証明書を指定しているコネクタは貼り付けからわかりません',
    ),
  },
  pinsShownBeyondHybrid: {
    test: pinsShownBeyondHybrid,
    unknown: 'else',
    ifTrue: w(
      'A connector other than the hybrid ones is shown naming the old certificate',
      'ハイブリッド以外のコネクタが古い証明書を指定していると表示されています',
    ),
    ifFalse: w(
      'No connector other than the hybrid ones is shown naming the old certificate',
      'ハイブリッド以外のコネクタが古い証明書を指定しているとは表示されていません',
    ),
  },
  frontendPinsSame: {
    test: frontendPinsSameCertificate,
    unknown: 'else',
    ifTrue: w(
      'The Default Frontend receive connector is not shown naming another certificate',
      'Default Frontend 受信コネクタが別の証明書を指定しているとは表示されていません',
    ),
    ifFalse: w(
      'The Default Frontend receive connector is shown naming another certificate: it stays as it is',
      'Default Frontend 受信コネクタは別の証明書を指定していると表示されています。そのままにします',
    ),
  },
  // Only the hybrid connectors that pin the certificate in question change: a 12014 on a partner TLS
  // connector leaves a healthy Outbound to Office 365 connector alone.
  hybridPinsThis: {
    // An organisation the admin says is not hybrid has no hybrid connector to repoint.
    test: (s) => (s.values.hybridSaid === 'no' && !s.hybridSymptom ? false : hybridPinsThisCertificate(s)),
    unknown: 'branch',
    shownBy: ['show-hybrid-connectors'],
    ifTrue: w(
      'If an Outbound to Office 365 or Default Frontend connector shows this certificate in TlsCertificateName (hybrid)',
      'Outbound to Office 365 または Default Frontend コネクタの TlsCertificateName にこの証明書が表示された場合 (ハイブリッド)',
    ),
    ifFalse: w(
      'If no Outbound to Office 365 or Default Frontend connector shows this certificate (none is listed, or each names another certificate)',
      'Outbound to Office 365 または Default Frontend コネクタにこの証明書が表示されない場合 (コネクタがないか、別の証明書が指定されています)',
    ),
  },
  sourceFrontEnd: {
    test: (s) => /FrontEnd/i.test(s.source ?? ''),
    unknown: 'else',
    ifTrue: w(
      'The event came from the Front End Transport service',
      'イベントはフロントエンド トランスポート サービスから記録されています',
    ),
    ifFalse: w(
      'The event did not come from the Front End Transport service',
      'イベントはフロントエンド トランスポート サービスからではありません',
    ),
  },
  // A plan that came from an event (its ID in the scope), not from a listing, a report or an error.
  eventShown: {
    test: (s) => s.eventId !== undefined,
    unknown: 'else',
    ifTrue: w('An event asked for this', 'イベントから判断しています'),
    ifFalse: w('No event asked for this', 'イベント以外から判断しています'),
  },
  // The expired certificate for the event's name is renewed by its own plan in the same reply.
  coverRenewed: {
    test: (s) => s.values.coverRenewed === 'yes',
    unknown: 'else',
    ifTrue: w(
      'The expired certificate for this name is renewed above',
      'この名前の期限切れの証明書は上の手順で更新します',
    ),
    ifFalse: w('Nothing above renews a certificate for this name', '上の手順にはこの名前の証明書の更新がありません'),
  },
  // Another event of the same paste, logged by the Transport service, asked for the same fix.
  transportLoggedToo: {
    test: (s) => s.values.transportToo === 'yes' && /FrontEnd/i.test(s.source ?? ''),
    unknown: 'else',
    ifTrue: w(
      'The Transport service logged an event for the same name too',
      'トランスポート サービスも同じ名前のイベントを記録しています',
    ),
    ifFalse: w(
      'Only the service that logged this event is involved',
      'このイベントを記録したサービスだけが関係しています',
    ),
  },
  sourceUnknown: {
    test: (s) => !s.source,
    unknown: 'then',
    ifTrue: w('The event source is not in the paste', 'イベントのソースが貼り付けにありません'),
    ifFalse: w('The event source is in the paste', 'イベントのソースが貼り付けにあります'),
  },
  // Setup's log named a certificate the paste lists (its issuer and expiry): that certificate's own plan renews it.
  setupCertListed: {
    test: (s) => s.values.thumbprint !== undefined,
    unknown: 'else',
    ifTrue: w('The paste lists the certificate Setup means', '貼り付けにセットアップが示す証明書があります'),
    ifFalse: w('The paste does not list the certificate Setup means', '貼り付けにセットアップが示す証明書がありません'),
  },
  thumbprintKnown: {
    test: (s) => s.values.thumbprint !== undefined,
    unknown: 'else',
    ifTrue: w('The thumbprint is in the paste', '拇印が貼り付けにあります'),
    ifFalse: w('The thumbprint is not in the paste', '拇印が貼り付けにありません'),
  },
  urlfetchShown: {
    test: (s) => s.values.urlfetchShown === 'yes',
    unknown: 'else',
    ifTrue: w(
      'The paste shows certutil -verify -urlfetch failing to reach the CRL or OCSP',
      '貼り付けに、CRL または OCSP に到達できない certutil -verify -urlfetch の結果があります',
    ),
    ifFalse: w(
      'The paste shows no certutil -verify -urlfetch result',
      '貼り付けに certutil -verify -urlfetch の結果はありません',
    ),
  },
  winhttpDirect: {
    test: (s) => s.values.winhttpDirect === 'yes',
    unknown: 'else',
    ifTrue: w('netsh winhttp show proxy shows direct access', 'netsh winhttp show proxy は直接アクセスを示しています'),
    ifFalse: w('The paste does not show the WinHTTP proxy', '貼り付けに WinHTTP のプロキシ設定はありません'),
  },
  proxyKnown: {
    test: (s) => s.values.proxy !== undefined,
    unknown: 'else',
    ifTrue: w('The paste names the proxy the servers go out through', 'サーバーが使うプロキシが貼り付けにあります'),
    ifFalse: w('The paste names no proxy', '貼り付けにプロキシはありません'),
  },
  queueKnown: {
    test: (s) => s.values.queue !== undefined,
    unknown: 'else',
    ifTrue: w('The queue is in the paste', 'キューが貼り付けにあります'),
    ifFalse: w('The queue is not in the paste', 'キューが貼り付けにありません'),
  },
  fqdnKnown: {
    test: (s) => s.values.fqdn !== undefined,
    unknown: 'else',
    ifTrue: w('The FQDN is in the paste', 'FQDN が貼り付けにあります'),
    ifFalse: w('The FQDN is not in the paste', 'FQDN が貼り付けにありません'),
  },
  connectorKnown: {
    test: (s) => s.values.connector !== undefined,
    unknown: 'else',
    ifTrue: w('The connector is named', 'コネクタ名がわかっています'),
    ifFalse: w('The connector is not named', 'コネクタ名がわかりません'),
  },
  certExpired: {
    test: (s) => (s.cert ? isExpired(s.cert) : undefined),
    unknown: 'else',
    ifTrue: w('The certificate has expired', '証明書は期限切れです'),
    ifFalse: w('The certificate has not expired', '証明書は期限内です'),
  },
  renewingInternal: {
    test: (s) => s.values.renewing === 'yes',
    unknown: 'else',
    ifTrue: w(
      'The internal transport certificate is renewed for this name',
      'この名前で内部トランスポート証明書を作り直します',
    ),
    ifFalse: w('Another certificate is needed for this name', 'この名前には別の証明書が必要です'),
  },
  // Only an expired certificate that nothing is known to use: never the current Auth certificate, a
  // pinned one, or one still valid (it may serve IIS or be someone's pin).
  removable: {
    test: (s) =>
      s.values.thumbprint !== undefined &&
      // Expired, or the internal transport certificate this plan replaces (12017: it stops being the internal
      // one) — but a 12017 may name a CA certificate that IIS and the other DAG members still use: only a
      // certificate the paste shows to be self-signed is removed before it expires.
      ((s.eventId === 12017 && s.cert?.issuerKind === 'self-signed') ||
        (s.cert?.daysLeft !== undefined ? isExpired(s.cert) : s.eventId === 12015 || s.eventId === 12016)) &&
      s.cert?.authCurrent !== true &&
      s.cert?.authNext !== true &&
      s.cert?.iisFrontEnd !== true &&
      !s.cert?.presentedOn.includes(443) &&
      (s.cert?.pinnedBy.length ?? 0) === 0,
    unknown: 'else',
    ifTrue: w('The old certificate is not in use any more', '古い証明書はもう使われていません'),
    ifFalse: w('The old certificate is still in use', '古い証明書はまだ使われています'),
  },
  knownSelfSigned: {
    test: (s) => s.cert?.issuerKind === 'self-signed',
    unknown: 'else',
    ifTrue: w('The certificate is self-signed', '証明書は自己署名です'),
    ifFalse: w('The certificate is not known to be self-signed', '自己署名とはわかっていません'),
  },
  certCoversFqdn: {
    // A certificate for the name that has expired (or is not valid yet) is no answer to 12014: the
    // paste showing only such ones decides it as none.
    test: (s) => (s.values.candidate ? true : s.values.coverOutOfDate ? false : undefined),
    unknown: 'branch',
    shownBy: ['find-cert-for-fqdn'],
    ifTrue: w(
      'If a certificate is listed whose NotAfter is still ahead',
      '有効期限 (NotAfter) が切れていない証明書が表示された場合',
    ),
    ifFalse: w('If none is listed, or only expired ones', '表示されない、または期限切れの証明書だけが表示された場合'),
  },
  fqdnIsOwnName: {
    test: (s) => isOwnName(s.values.fqdn, s.facts.name),
    unknown: 'else',
    ifTrue: w("The FQDN is the server's own name", 'FQDN はサーバー自身の名前です'),
    ifFalse: w("The FQDN is a name other than the server's own", 'FQDN はサーバー自身の名前ではありません'),
  },
  edgeSubscribed: {
    test: (s) => s.facts.edgeSync === true || s.facts.roles.some((r) => r.value === 'edge'),
    unknown: 'else',
    ifTrue: w('An Edge Transport server is involved', 'エッジ トランスポート サーバーが関係しています'),
    ifFalse: w('No Edge Transport server is involved', 'エッジ トランスポート サーバーは関係していません'),
  },
  o365ConnectorNamed: {
    // Named fit to stand in a command: a name with another column's text glued on is not a name.
    test: (s) => s.facts.connectors.some((c) => /^Outbound to Office 365/i.test(cleanIdentity(c.name) ?? '')),
    unknown: 'else',
    ifTrue: w('The paste names the Office 365 send connector', '貼り付けに Office 365 の送信コネクタ名があります'),
    ifFalse: w(
      'The paste does not name the Office 365 send connector',
      '貼り付けに Office 365 の送信コネクタ名がありません',
    ),
  },
  renewedKnown: {
    test: (s) => s.values.newThumbprint !== undefined,
    unknown: 'else',
    ifTrue: w('The renewed certificate is in the paste', '更新後の証明書が貼り付けにあります'),
    ifFalse: w('The renewed certificate is not in the paste', '更新後の証明書が貼り付けにありません'),
  },
  connectorIsSend: {
    test: (s) => {
      const named = s.facts.connectors.find((c) => c.name === s.values.connector);
      return named?.kind === 'send' || /send|送信|outbound/i.test(s.values.connector ?? '');
    },
    unknown: 'else',
    ifTrue: w('The connector is a send connector', 'コネクタは送信コネクタです'),
    ifFalse: w('The connector is a receive connector', 'コネクタは受信コネクタです'),
  },
  // A connector can pin only a certificate that served SMTP; a Services list cut at the console width
  // ("IMAP, POP, IIS...") or not shown at all may still hold SMTP, so only a full list without it says no.
  certMayPinSmtp: {
    test: (s) =>
      Boolean(s.cert?.servicesHistory?.includes('SMTP')) ||
      s.cert?.servicesHistory === undefined ||
      s.cert.presentedOn.includes(25) ||
      s.cert.internalTransport === true ||
      s.cert.pinnedBy.length > 0 ||
      [12014, 12015, 12017].includes(s.eventId ?? 0),
    unknown: 'else',
    ifTrue: w(
      'The certificate serves SMTP, or the paste does not show all its services',
      '証明書は SMTP に使われているか、貼り付けにすべてのサービスが表示されていません',
    ),
    ifFalse: w('The certificate does not serve SMTP', '証明書は SMTP に使われていません'),
  },
  certHasSmtp: {
    // The internal transport certificate (an event or Get-TransportService says so) is an SMTP one.
    test: (s) =>
      Boolean(
        s.cert?.servicesHistory?.includes('SMTP') ||
          s.cert?.presentedOn.includes(25) ||
          s.cert?.internalTransport === true ||
          [12015, 12017].includes(s.eventId ?? 0),
      ),
    unknown: 'else',
    ifTrue: w('The certificate serves SMTP', '証明書は SMTP に使われています'),
    ifFalse: w('The certificate does not serve SMTP', '証明書は SMTP に使われていません'),
  },
  // The Services column is history, but a certificate that lists IMAP or POP may still serve them:
  // its replacement takes them over before it is removed. A paste that does not show them all (a
  // table cell cut to `IMAP,...`, certutil) leaves the admin to read them off the old certificate.
  // IMAP and POP go to a new self-signed certificate only when no valid CA certificate serves them:
  // one that lists them already gives their clients a certificate they trust.
  caServesImapPop: {
    test: (s) => caCertForImapPop(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'A valid CA-issued certificate already lists IMAP or POP',
      '有効な CA 発行の証明書の Services にすでに IMAP または POP があります',
    ),
    ifFalse: w(
      'No valid CA-issued certificate lists IMAP or POP',
      'IMAP または POP が Services にある有効な CA 発行の証明書はありません',
    ),
  },
  // InternalTransportCertificateThumbprint already names a newer valid certificate of the same name:
  // the renewal is done, and another certificate would only change what the organisation trusts again.
  internalRenewedAlready: {
    test: (s) => internalRenewedAlready(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'The internal transport certificate is already a newer certificate of the same name',
      '内部トランスポート証明書はすでに同じ名前の新しい証明書です',
    ),
    ifFalse: w(
      'The paste does not show the internal transport certificate already renewed',
      '貼り付けからは、内部トランスポート証明書が更新済みとはわかりません',
    ),
  },
  // The renewal is shown by InternalTransportCertificateThumbprint, not only said: nothing to confirm.
  internalRenewedShown: {
    test: (s) => s.cert?.internalTransport === false,
    unknown: 'else',
    ifTrue: w(
      'InternalTransportCertificateThumbprint in the paste names the newer certificate',
      '貼り付けの InternalTransportCertificateThumbprint が新しい証明書を示しています',
    ),
    ifFalse: w(
      'Only the admin says the certificate was renewed',
      '更新済みであることは管理者の説明だけでわかります',
    ),
  },
  oldServesImapPop: {
    test: (s) => {
      const imapPop = (x: string) => x === 'IMAP' || x === 'POP';
      if (s.cert?.servicesAtLeast?.some(imapPop)) return true;
      return s.cert?.servicesHistory === undefined ? undefined : s.cert.servicesHistory.some(imapPop);
    },
    unknown: 'branch',
    shownBy: ['show-issuer'],
    ifTrue: w(
      'If the old certificate’s Services include IMAP or POP',
      '古い証明書の Services に IMAP または POP が含まれる場合',
    ),
    ifFalse: w(
      'If the old certificate’s Services include neither IMAP nor POP',
      '古い証明書の Services に IMAP も POP も含まれない場合',
    ),
  },
  certHasIis: {
    // A CA certificate for a name clients use, whose services the paste does not list (certutil),
    // is taken to serve IIS: restarting IIS and probing 443 are the checks, not a change.
    test: (s) =>
      Boolean(
        s.cert?.servicesHistory?.includes('IIS') ||
          s.cert?.presentedOn.includes(443) ||
          (s.cert?.servicesHistory === undefined && s.cert?.issuerKind === 'ca' && !certForServerName(s)) ||
          // Another server given the copy: the copy is enabled for what the certificate serves here.
          (s.cert === undefined && s.values.sourceServer !== undefined && /\bIIS\b/.test(s.values.services ?? '')) ||
          // Its services not listed, but read off its renewal where that was completed (Services : IIS, SMTP).
          (s.cert?.servicesHistory === undefined &&
            s.values.servicesFromRenewal === 'yes' &&
            /\bIIS\b/.test(s.values.services ?? '')),
      ),
    unknown: 'else',
    ifTrue: w('The certificate serves IIS', '証明書は IIS に使われています'),
    ifFalse: w('The certificate does not serve IIS', '証明書は IIS に使われていません'),
  },
  setupCertGone: {
    test: (s) => s.values.setupGone === 'yes',
    unknown: 'else',
    ifTrue: w(
      "The listing shows no certificate for the server's own names: Setup's self-signed certificate is gone",
      '一覧にサーバー自身の名前の証明書がありません: セットアップが作成した自己署名証明書は削除されています',
    ),
    ifFalse: w(
      "Setup's self-signed certificate is not shown gone",
      'セットアップが作成した自己署名証明書が削除されたとは示されていません',
    ),
  },
  backendCandidateKnown: {
    test: (s) => s.values.backendCandidate !== undefined,
    unknown: 'else',
    ifTrue: w(
      'A valid certificate for port 444 is in the paste',
      'ポート 444 に使える有効な証明書が貼り付けにあります',
    ),
    ifFalse: w(
      'No valid certificate for port 444 is in the paste',
      'ポート 444 に使える有効な証明書が貼り付けにありません',
    ),
  },
  peerIsEdge: {
    // An Edge's peers over direct trust are the Hub/Mailbox servers of its site.
    test: (s) => (/edge/i.test(s.values.peer ?? '') ? true : CONDITIONS.isEdge?.test(s) === true ? false : undefined),
    unknown: 'branch',
    shownBy: ['show-peer-role'],
    ifTrue: w('If the peer is an Edge Transport server', '相手がエッジ トランスポート サーバーの場合'),
    ifFalse: w('If the peer is not an Edge Transport server', '相手がエッジ トランスポート サーバーでない場合'),
  },
  ownNamesKnown: {
    test: (s) =>
      Boolean(
        (s.facts.name ?? s.values.server) && (s.facts.fqdn ?? s.values.serverFqdn ?? s.values.domains?.includes('.')),
      ),
    unknown: 'else',
    ifTrue: w("The server's name and FQDN are in the paste", 'サーバー名と FQDN が貼り付けにあります'),
    ifFalse: w("The server's FQDN is not in the paste", 'サーバーの FQDN が貼り付けにありません'),
  },
  certForServerName: {
    test: certForServerName,
    unknown: 'else',
    ifTrue: w("The certificate carries the server's own name", '証明書はサーバー自身の名前です'),
    ifFalse: w('The certificate carries a name clients use', '証明書はクライアントが使う名前です'),
  },
  servicesKnown: {
    test: (s) => s.values.services !== undefined,
    unknown: 'else',
    ifTrue: w('The paste shows the services it served', '貼り付けに割り当て済みのサービスがあります'),
    ifFalse: w('The paste does not show the services it served', '貼り付けに割り当て済みのサービスがありません'),
  },
  renewFromOldCert: {
    test: renewFromOldCertificate,
    unknown: 'else',
    ifTrue: w(
      'The paste gives the thumbprint but not every name on the certificate',
      '貼り付けに拇印はありますが、証明書のすべての名前はありません',
    ),
    ifFalse: w('The paste shows every name on the certificate', '貼り付けに証明書のすべての名前があります'),
  },
  // With the release unknown, a step whose command differs by release stands under the release it is
  // for, shown first by Get-ExchangeServer (AdminDisplayVersion). One condition per group of releases.
  ...releaseConditions(),
  // The admin says the renewed certificate was imported on another server only: copied from there.
  importedElsewhere: {
    test: (s) => s.values.importedOn !== undefined,
    unknown: 'else',
    ifTrue: w(
      'The admin says the renewed certificate is on {sourceServer} only',
      '更新した証明書は {sourceServer} にだけあると書かれています',
    ),
    ifFalse: w(
      'No other server is said to hold the renewed certificate',
      '更新した証明書がある他のサーバーは書かれていません',
    ),
  },
  // A renewal for a public CA leaves out the internal and bare host names it would refuse.
  internalNamesDropped: {
    test: (s) => requestForPublicCa(s) !== undefined,
    unknown: 'else',
    ifTrue: w(
      'The old certificate carries names a public CA no longer issues',
      '古い証明書に公的な CA が発行しなくなった名前があります',
    ),
    ifFalse: w(
      'Every name on the old certificate can be requested again',
      '古い証明書のすべての名前を再び要求できます',
    ),
  },
  // A 12015/12017 or Get-TransportService names this certificate as the internal transport one.
  knownInternalTransport: {
    test: (s) => [12015, 12017].includes(s.eventId ?? 0) || s.cert?.internalTransport === true,
    unknown: 'else',
    ifTrue: w(
      'The paste shows it is the internal transport certificate',
      '貼り付けから内部トランスポート証明書とわかります',
    ),
    ifFalse: w(
      'The paste does not show it is the internal transport certificate',
      '貼り付けからは内部トランスポート証明書とわかりません',
    ),
  },
  // On another server holding the same certificate: what its own Get-TransportService shows (the
  // event that named the certificate was logged elsewhere).
  internalHere: {
    test: (s) => s.cert?.internalTransport,
    unknown: 'branch',
    shownBy: ['show-internal-transport'],
    ifTrue: w(
      'If InternalTransportCertificateThumbprint on {server} shows {thumbprintWords}',
      '{server} の InternalTransportCertificateThumbprint が {thumbprintWords} の場合',
    ),
    ifFalse: w(
      'If InternalTransportCertificateThumbprint on {server} shows another thumbprint',
      '{server} の InternalTransportCertificateThumbprint が別の拇印の場合',
    ),
  },
  // The admin says a load balancer terminates TLS in front of Exchange: it presents its own copy.
  offloadSaid: {
    test: (s) => s.values.offloadSaid === 'yes',
    unknown: 'else',
    ifTrue: w(
      'The admin says a load balancer terminates TLS (SSL offload or bridging)',
      'ロード バランサーが TLS を終端している (SSL オフロードまたはブリッジ) とのことです',
    ),
    ifFalse: w('No load balancer is said to terminate TLS', 'TLS を終端するロード バランサーの話はありません'),
  },
  sharedWithOthers: {
    test: (s) => Boolean(s.values.sharedWith),
    unknown: 'else',
    ifTrue: w(
      'The paste shows the same certificate on other servers',
      '貼り付けから同じ証明書が他のサーバーにもあるとわかります',
    ),
    ifFalse: w('The paste shows the certificate on no other server', '貼り付けからは他のサーバーにあるとわかりません'),
  },
  renewedOnServer: {
    test: (s) =>
      s.values.newThumbprint && s.facts.certificates.some((c) => c.thumbprint === s.values.newThumbprint)
        ? true
        : undefined,
    unknown: 'branch',
    shownBy: ['show-renewed-on-server'],
    ifTrue: w('If {server} lists the renewed certificate', '{server} で更新後の証明書が表示された場合'),
    ifFalse: w(
      'If {server} lists nothing (the certificate is not there yet)',
      '{server} で何も表示されない場合 (まだその証明書がありません)',
    ),
  },
  certInStore: {
    // An expired certificate is no internal transport certificate to enable again: a new one is made.
    test: (s) =>
      // A whole store listing without it: it was removed, not to be looked for again.
      s.values.goneFromStore === 'yes' || (s.cert && isExpired(s.cert))
        ? false
        : s.cert && (s.cert.subject !== '' || s.cert.daysLeft !== undefined)
          ? true
          : undefined,
    unknown: 'branch',
    shownBy: ['check-present'],
    ifTrue: w('If the certificate is listed', '証明書が表示された場合'),
    ifFalse: w('If nothing is listed (the certificate is gone)', '何も表示されない場合 (証明書が削除されています)'),
  },
  // The issued certificate imported where its request was made joins the request's key, unless the
  // request was deleted there: only what that server shows afterwards settles it.
  requestKeyThere: {
    test: () => undefined,
    unknown: 'branch',
    shownBy: ['pkm-check-key'],
    ifTrue: w('If it shows HasPrivateKey True', 'HasPrivateKey が True の場合'),
    ifFalse: w(
      'If it shows HasPrivateKey False (the request is gone from {requestServer})',
      'HasPrivateKey が False の場合 ({requestServer} に要求がもうありません)',
    ),
  },
  // The endpoint that presented the chain is HTTPS (IIS presents it) rather than SMTP (transport does).
  presentedOnHttps: {
    test: (s) => (s.values.presentedPort === undefined ? undefined : s.values.presentedPort === '443'),
    unknown: 'else',
    ifTrue: w('Port 443 presented it', 'ポート 443 で提示されています'),
    ifFalse: w('An SMTP port presented it', 'SMTP のポートで提示されています'),
  },
  // Outlook's name alert: the certificate serving IIS is in the paste (and lacks the name).
  mismatchCertShown: {
    test: (s) => s.values.thumbprint !== undefined && s.values.domains !== undefined,
    unknown: 'else',
    ifTrue: w('The paste shows the certificate that serves IIS', '貼り付けに IIS に使われている証明書があります'),
    ifFalse: w(
      'The paste does not show the certificate that serves IIS',
      '貼り付けに IIS に使われている証明書がありません',
    ),
  },
  internalHostName: {
    test: (s) => s.values.internalHost === 'yes',
    unknown: 'else',
    ifTrue: w('The name is an internal one no public CA issues', '公的な CA が発行しない内部の名前です'),
    ifFalse: w('The name is one a CA can issue', 'CA が発行できる名前です'),
  },
  outlookAnywhereSaid: {
    test: (s) => s.values.outlookAnywhere === 'yes',
    unknown: 'else',
    ifTrue: w('Outlook Anywhere reported it (error 10)', 'Outlook Anywhere が報告しています (エラー 10)'),
    ifFalse: w('Outlook Anywhere did not report it', 'Outlook Anywhere の報告ではありません'),
  },
  autodiscoverName: {
    test: (s) => /^autodiscover\./i.test(s.values.fqdn ?? '') && s.values.coveredName !== undefined,
    unknown: 'else',
    ifTrue: w('The name is the Autodiscover name', '名前は自動検出の名前です'),
    ifFalse: w('The name is not the Autodiscover name', '名前は自動検出の名前ではありません'),
  },
  // This server's own listing (several certificates) does not hold the Auth certificate AuthConfig names.
  authMissingHere: {
    test: (s) => {
      const listed = s.facts.certificates.filter((c) => c.subject !== '');
      if (s.values.thumbprint === undefined || listed.length < 2) return undefined;
      return !listed.some((c) => c.thumbprint === s.values.thumbprint);
    },
    unknown: 'else',
    ifTrue: w(
      "This server's listing does not hold the Auth certificate",
      'このサーバーの一覧に Auth 証明書がありません',
    ),
    ifFalse: w("This server's listing holds the Auth certificate", 'このサーバーの一覧に Auth 証明書があります'),
  },
  authListedThere: {
    test: () => undefined,
    unknown: 'branch',
    shownBy: ['auth-show-on-server'],
    ifTrue: w('If {server} lists it', '{server} に表示された場合'),
    ifFalse: w('If {server} lists nothing', '{server} で何も表示されない場合'),
  },
  // The services the admin enabled or tried to enable (Enable-ExchangeCertificate -Services, the old
  // certificate's list): the checks at the end probe the ports of those services only.
  servicesIncludeIis: {
    test: (s) => (s.values.services === undefined ? undefined : /\bIIS\b/i.test(s.values.services)),
    unknown: 'then',
    ifTrue: w('It is enabled for IIS', 'IIS に割り当てます'),
    ifFalse: w('It is not enabled for IIS', 'IIS には割り当てません'),
  },
  servicesIncludeSmtp: {
    test: (s) => (s.values.services === undefined ? undefined : /\bSMTP\b/i.test(s.values.services)),
    unknown: 'then',
    ifTrue: w('It is enabled for SMTP', 'SMTP に割り当てます'),
    ifFalse: w('It is not enabled for SMTP', 'SMTP には割り当てません'),
  },
  // Enable-ExchangeCertificate warns once per protocol whose X509CertificateName a wildcard cannot match.
  imapWarned: {
    test: (s) => (s.values.mailProtocols === undefined ? undefined : s.values.mailProtocols.includes('IMAP')),
    unknown: 'then',
    ifTrue: w('IMAP warned', 'IMAP の警告があります'),
    ifFalse: w('IMAP did not warn', 'IMAP の警告はありません'),
  },
  popWarned: {
    test: (s) => (s.values.mailProtocols === undefined ? undefined : s.values.mailProtocols.includes('POP')),
    unknown: 'then',
    ifTrue: w('POP warned', 'POP の警告があります'),
    ifFalse: w('POP did not warn', 'POP の警告はありません'),
  },
  // The renewed certificate already on the server is enabled for less than the old one (IIS only, where
  // the old one also had SMTP): the listing of both shows it.
  renewedLacksServices: {
    test: (s) => renewedMissing(s).length > 0,
    unknown: 'else',
    ifTrue: w(
      'The renewed certificate lacks services the old one had',
      '更新後の証明書に、古い証明書にあったサービスが割り当てられていません',
    ),
    ifFalse: w(
      'The renewed certificate has the services the old one had',
      '更新後の証明書に古い証明書と同じサービスが割り当てられています',
    ),
  },
  // The renewed certificate this server shows is already enabled for SMTP (Services lists it): enabling
  // it again only brings up the overwrite prompt. A copy not shown here is enabled.
  renewedHasSmtp: {
    test: (s) => {
      const renewed = s.facts.certificates.find((c) => c.thumbprint && c.thumbprint === s.values.newThumbprint);
      return renewed?.servicesHistory?.includes('SMTP') === true;
    },
    unknown: 'else',
    ifTrue: w(
      'The renewed certificate is already enabled for SMTP',
      '更新後の証明書はすでに SMTP に割り当てられています',
    ),
    ifFalse: w(
      'The renewed certificate is not enabled for SMTP yet',
      '更新後の証明書はまだ SMTP に割り当てられていません',
    ),
  },
  // The renewed certificate is CA-issued, as the old one it replaces: a self-signed copy with the same
  // names is no renewal. Decided by what the paste shows of its issuer.
  renewedCaIssued: {
    test: (s) => {
      const renewed = s.facts.certificates.find((c) => c.thumbprint && c.thumbprint === s.values.newThumbprint);
      if (renewed?.issuerKind === 'ca') return true;
      if (renewed?.issuerKind === 'self-signed') return false;
      return undefined;
    },
    unknown: 'branch',
    shownBy: ['show-renewed-cert'],
    ifTrue: w(
      'If the renewed certificate shows IsSelfSigned False (issued by a CA)',
      '更新後の証明書の IsSelfSigned が False (CA 発行) の場合',
    ),
    ifFalse: w('If the renewed certificate shows IsSelfSigned True', '更新後の証明書の IsSelfSigned が True の場合'),
  },
  // The overwrite prompt's answer: N keeps the internal transport certificate (the new one is a CA's
  // or the Auth certificate), Y hands it to a new self-signed one. Decided by what the paste shows.
  overwriteKeepsInternal: {
    test: (s) => {
      if (s.values.overwriteNew) return s.values.overwriteNew !== 'self-signed';
      const shown = s.facts.certificates.find((c) => c.thumbprint && c.thumbprint === s.values.newThumbprint);
      if (shown?.issuerKind === 'ca') return true;
      if (shown?.issuerKind === 'self-signed') return /Microsoft Exchange Server Auth Certificate/i.test(shown.subject);
      return undefined;
    },
    unknown: 'branch',
    shownBy: ['show-prompt-new-cert'],
    ifTrue: w('If IsSelfSigned is False (issued by a CA)', 'IsSelfSigned が False (CA 発行) の場合'),
    ifFalse: w(
      "If IsSelfSigned is True and the subject is the server's own name",
      'IsSelfSigned が True で、サブジェクトがサーバー自身の名前の場合',
    ),
  },
  renewalSaid: {
    test: (s) => s.values.renewalSaid === 'yes',
    unknown: 'else',
    ifTrue: w('The certificate was renewed', '証明書は更新済みです'),
    ifFalse: w('Nothing says the certificate was renewed', '証明書を更新したという情報はありません'),
  },
  // The receive connector the event names (or Default Frontend) still names the old certificate in
  // TlsCertificateName. Its listing without a TlsCertificateName says it pins none.
  receivePinsOld: {
    test: (s) => {
      const name = s.values.connector?.toLowerCase();
      const listed = s.facts.connectors.find(
        (c) => c.kind === 'receive' && c.namedBy === 'listing' && name !== undefined && c.name.toLowerCase() === name,
      );
      return listed && !listed.tlsCertificateName ? false : undefined;
    },
    unknown: 'branch',
    shownBy: ['show-receive-pin'],
    ifTrue: w('If TlsCertificateName names the old certificate', 'TlsCertificateName が古い証明書を指定している場合'),
    ifFalse: w(
      'If TlsCertificateName is empty or names the renewed certificate',
      'TlsCertificateName が空か、更新後の証明書を指定している場合',
    ),
  },
  othersSaid: {
    test: (s) => s.values.othersSaid === 'yes',
    unknown: 'else',
    ifTrue: w(
      'The paste speaks of other servers serving the same names',
      '貼り付けに同じ名前を使う他のサーバーのことがあります',
    ),
    ifFalse: w('The paste speaks of no other server', '貼り付けに他のサーバーのことはありません'),
  },
  othersBeyondNamed: {
    test: (s) => s.values.othersBeyondNamed === 'yes',
    unknown: 'else',
    ifTrue: w(
      'The admin counts more servers than the paste names',
      '管理者が挙げた台数が、貼り付けにあるサーバー名より多い',
    ),
    ifFalse: w('Every server the admin counts is named', '管理者が挙げたサーバーはすべて名前があります'),
  },
  serverAuthEkuMissing: {
    test: (s) => s.values.ekuMissing === 'yes',
    unknown: 'else',
    ifTrue: w(
      'Exchange refused the certificate for lacking the Server Authentication EKU',
      'サーバー認証の EKU がないため Exchange が証明書を拒否しました',
    ),
    ifFalse: w('No certificate was refused for its EKU', 'EKU による証明書の拒否はありません'),
  },
  overwriteNewIsAuth: {
    test: (s) =>
      s.values.overwriteNew === 'auth' ||
      s.facts.certificates.some(
        (c) => c.thumbprint === s.values.newThumbprint && /Microsoft Exchange Server Auth Certificate/i.test(c.subject),
      ),
    unknown: 'else',
    ifTrue: w('The new certificate is the Auth certificate', '新しい証明書は Auth 証明書です'),
    ifFalse: w('The new certificate is not the Auth certificate', '新しい証明書は Auth 証明書ではありません'),
  },
  // A receive connector the event names, and a certificate enabled for SMTP carrying another name of
  // the same domain: the connector can announce that name instead.
  connectorFqdnCovered: {
    test: (s) => s.values.connector !== undefined && s.values.coveredName !== undefined,
    unknown: 'else',
    ifTrue: w(
      'A certificate enabled for SMTP carries another name of the domain',
      'SMTP に割り当て済みの証明書に同じドメインの別の名前があります',
    ),
    ifFalse: w(
      'No certificate enabled for SMTP carries another name of the domain',
      'SMTP に割り当て済みの証明書に同じドメインの別の名前はありません',
    ),
  },
  missingIncludesIis: {
    test: (s) => renewedMissing(s).includes('IIS'),
    unknown: 'else',
    ifTrue: w('IIS is among them', 'その中に IIS があります'),
    ifFalse: w('IIS is not among them', 'その中に IIS はありません'),
  },
  // certutil, PEM, a store listing or openssl carry no Services: what the renewal lacks is not known.
  renewedServicesShown: {
    test: renewedServicesShown,
    unknown: 'else',
    ifTrue: w(
      'The paste lists the services of the old and the renewed certificate',
      '貼り付けに古い証明書と更新後の証明書のサービスの一覧があります',
    ),
    ifFalse: w(
      'The paste does not list the services of both certificates',
      '貼り付けに両方の証明書のサービスの一覧がありません',
    ),
  },
  renewedListsIis: {
    test: renewedListsIis,
    unknown: 'else',
    ifTrue: w(
      'The old and the renewed certificate both list IIS',
      '古い証明書と更新後の証明書の両方の Services に IIS があります',
    ),
    ifFalse: w('Only one of them lists IIS, or neither', 'IIS があるのは片方だけか、どちらにもありません'),
  },
  // Both list IIS: the Services column is history, so only the binding says which one 443 serves.
  oldStillOn443: {
    test: oldStillOn443,
    unknown: 'branch',
    shownBy: ['show-iis-binding', 'show-iis-binding-2007'],
    ifTrue: w(
      'If the 443 binding shows the old certificate ({thumbprintWords})',
      '443 のバインドに古い証明書 ({thumbprintWords}) が表示された場合',
    ),
    ifFalse: w('If the 443 binding shows the renewed certificate', '443 のバインドに更新後の証明書が表示された場合'),
  },
  // A transport event or a port that presents the old certificate for STARTTLS showed the failure, and
  // the renewal is enabled for SMTP above: the transport services read it again.
  smtpFailureRolledOut: {
    test: (s) => (s.eventId !== undefined || smtpPresented(s)) && rolloutEnablesSmtp(s),
    unknown: 'else',
    ifTrue: w(
      'An event or port 25 showed the failure, and the renewed certificate is enabled for SMTP above',
      'イベントまたはポート 25 で障害がわかり、上の手順で更新後の証明書を SMTP に割り当てます',
    ),
    ifFalse: w(
      'Neither an event nor port 25 showed it, or the renewed certificate is not enabled for SMTP above',
      'イベントにもポート 25 にも障害が表示されていないか、上の手順で更新後の証明書を SMTP に割り当てません',
    ),
  },
  // The overwrite prompt's copy, typed answer and previous internal transport certificate.
  ...OVERWRITE_CONDITIONS,
};

/** What the steps repeated on each other server are repeated for (the playbook's heading). */
export const SERVER_LISTS: Readonly<Record<ServerList, Wording>> = {
  otherMailbox: w(
    'On each other Mailbox server the paste names',
    '貼り付けに名前のある他の各メールボックス サーバーで',
  ),
  sharedWith: w(
    'On each other server the paste shows with the same certificate',
    '同じ証明書があると貼り付けからわかる他の各サーバーで',
  ),
  hybridPeers: w(
    'On each other server of the hybrid the paste names (each has its own Default Frontend connector)',
    '貼り付けに名前のあるハイブリッドの他の各サーバーで (それぞれに Default Frontend コネクタがあります)',
  ),
  renewedElsewhere: w(
    'On each other server the paste shows already holding the renewed certificate',
    '更新後の証明書がすでにあると貼り付けからわかる他の各サーバーで',
  ),
};

/** The FQDN names the server itself (KB 953354's case), not a public name on its connector. */
export function isOwnName(fqdn: string | undefined, server: string | undefined): boolean {
  if (!fqdn || !server) return false;
  return fqdn.split('.')[0]?.toLowerCase() === server.split('.')[0]?.toLowerCase();
}

export function conditionNames(): string[] {
  return Object.keys(CONDITIONS);
}
