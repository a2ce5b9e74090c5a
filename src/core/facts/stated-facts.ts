import { caSaid, caSaidHosts } from './ca-said.js';
import { type ConnectorSaid, connectorsSaidToPin } from './connector-said.js';
import { type HybridServersSaid, hybridServersSaid } from './hybrid-said.js';

import { internalRenewalSaid } from './internal-renewal-said.js';
import { type OffloadSaid, offloadSaid } from './offload-said.js';

/**
 * Facts the admin states in their own words that decide the plan: the new certificate's thumbprint
 * ("the new thumbprint is “A1E6…”", 「新しい証明書の拇印は …」) and the one server the renewed
 * certificate was imported on ("we imported the new cert on EX13-01 only", 「EX13-01 にだけインポート」).
 * A stated fact only fills what the paste's own output leaves open.
 */
export interface StatedFacts {
  /** The thumbprint the admin gives as the new (renewed) certificate's. */
  newThumbprint?: string;
  /** The servers the admin says are (only) in the hybrid, or outside it. */
  hybrid?: HybridServersSaid;
  /** The connectors the admin says pin a certificate (TlsCertificateName), with the sentence saying it. */
  pinsSaid?: ConnectorSaid[];
  /** The one server the admin says holds the renewed certificate (imported there only). */
  importedOn?: string;
  /** The one server the admin says the problem is on ("expired on EX13-01", 「EX01 で」), when prose names only it. */
  server?: string;
  /** The thumbprint the admin gives as the old or expired certificate's: never the one to enable. */
  oldThumbprint?: string;
  /** The admin says IIS (OWA, 443) uses a purchased or CA-issued certificate. */
  iisOnCa?: boolean;
  /** The admin says the certificate was bought from or issued by a CA ("our DigiCert cert", 「GlobalSign の証明書」). */
  caSaid?: boolean;
  /** The host names the admin's sentences about a CA name, when they name any. */
  caSaidHosts?: string[];
  /**
   * The admin says the organisation is hybrid with Exchange Online ("we are hybrid", 「ハイブリッド構成です」)
   * or is not ("NOT hybrid", "no hybrid", 「ハイブリッドではありません」).
   */
  hybridOrg?: boolean;
  /** The mailbox a pasted Test-OAuthConnectivity (or another Test- cmdlet) ran with (-Mailbox taro@contoso.com). */
  testMailbox?: string;
  /** The admin says a load balancer in front of Exchange terminates TLS (SSL offload or bridging). */
  offload?: OffloadSaid;
  /** The issued certificate file the admin says they have ('C:\\certs\\mail.cer', or its name and folder). */
  issuedFile?: string;
  /** The admin says the self-signed certificate was already replaced with Y, or 12015 stopped since. */
  internalRenewed?: boolean;
}

/**
 * The mailbox a command the admin already ran names: `Test-OAuthConnectivity … -Mailbox
 * taro.yamada@contoso.co.jp`. The same test is asked for again after the fix, with the same mailbox.
 */
const TEST_MAILBOX =
  /\bTest-[A-Za-z]+\b[^\n]{0,300}?\s-Mailbox\s+['"]?([^\s'"<>|]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})['"]?/i;

/** A certificate bought from or issued by a CA, as admins call it. */
const CA_WORDS =
  /(?:purchased|bought|paid|commercial|public|third[- ]party|CA[- ]issued|CA|DigiCert|Sectigo|GlobalSign|GoDaddy|Entrust|GeoTrust|Let'?s\s?Encrypt|our\s+(?:enterprise\s+|internal\s+)?CA)/
    .source;
const CA_WORDS_JA =
  /(?:購入した|購入済みの?|有償の|市販の|公的な|パブリック|CA\s*(?:から|で)?\s*発行(?:された|した)?|DigiCert|GlobalSign|Sectigo|GoDaddy)/
    .source;

/** "IIS uses a purchased certificate", "OWA is on our DigiCert cert", 「IIS は別途購入した証明書を使っています」. */
const IIS_ON_CA: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:IIS|OWA|Outlook on the web|port 443|443|the web ?site|HTTPS)\b[^.\n]{0,40}?\b(?:uses?|using|is on|runs on|serves?|bound to|has)\b[^.\n]{0,40}?\b${CA_WORDS}\b[^.\n]{0,30}?\bcert(?:ificate)?\b`,
    'i',
  ),
  new RegExp(String.raw`(?:IIS|OWA|443)\s*(?:は|では|には|に)[^。\n]{0,30}?${CA_WORDS_JA}[^。\n]{0,20}?証明書`),
];

/** A thumbprint as admins write it: 40 hex digits, perhaps in pairs, perhaps quoted. */
const HEX = '((?:[0-9A-Fa-f]{2}[ :]?){19}[0-9A-Fa-f]{2})(?![0-9A-Fa-f])';
const OPEN = '\\s*[“"\'‘`「『(（]?\\s*';

const NEW_THUMBPRINT: readonly RegExp[] = [
  // "the new thumbprint is X", "new cert thumbprint: X", "the new certificate's thumbprint is X"
  new RegExp(
    `\\b(?:new|renewed|replacement)\\s+(?:(?:public\\s+|CA\\s+)?cert(?:ificate)?(?:'s)?\\s+)?thumbprint\\s*(?:is|was|=|:)?${OPEN}${HEX}`,
    'i',
  ),
  // "the thumbprint of the new certificate is X"
  new RegExp(
    `\\bthumbprint\\s+of\\s+(?:the\\s+)?(?:new|renewed|replacement)\\s+(?:cert(?:ificate)?|one)\\s*(?:is|was|=|:)?${OPEN}${HEX}`,
    'i',
  ),
  // "the new cert is X", "new certificate: X", "the renewed one (X)"
  new RegExp(`\\b(?:new|renewed|replacement)\\s+(?:cert(?:ificate)?|one)\\s*(?:is|=|:)${OPEN}${HEX}`, 'i'),
  // 「新しい証明書の拇印は X」「更新後の証明書の拇印: X」「新しい拇印は X」
  new RegExp(
    `(?:新しい|新|更新後の|更新した|新規の?)\\s*(?:証明書\\s*の?\\s*)?(?:拇印|サムプリント|Thumbprint)\\s*(?:は|:|：|=)?${OPEN}${HEX}`,
    'i',
  ),
  // 「新しい証明書は X」「新しい証明書 (拇印 X)」
  new RegExp(
    `(?:新しい|更新後の|更新した)\\s*証明書\\s*(?:は|:|：|[(（]\\s*(?:拇印|Thumbprint)\\s*[:：]?)${OPEN}${HEX}`,
    'i',
  ),
];

const OLD_THUMBPRINT: readonly RegExp[] = [
  // "the old cert thumbprint is X", "expired certificate's thumbprint: X", "old thumbprint X"
  new RegExp(
    `\\b(?:old|expired|previous)\\s+(?:(?:public\\s+|CA\\s+|SSL\\s+)?cert(?:ificate)?(?:'s)?\\s+)?thumbprint\\s*(?:is|was|=|:)?${OPEN}${HEX}`,
    'i',
  ),
  // "the thumbprint of the old certificate is X"
  new RegExp(
    `\\bthumbprint\\s+of\\s+the\\s+(?:old|expired|previous)\\s+(?:cert(?:ificate)?|one)\\s*(?:is|was|=|:)?${OPEN}${HEX}`,
    'i',
  ),
  // "the old cert is X", "expired certificate: X", "the expired one (X)"
  new RegExp(`\\b(?:old|expired|previous)\\s+(?:cert(?:ificate)?|one)\\s*(?:is|=|:|\\()${OPEN}${HEX}`, 'i'),
  // 「古い証明書の拇印は X」「旧証明書の拇印: X」「期限切れの証明書の拇印は X」「期限が切れた証明書 (拇印 X)」
  new RegExp(
    `(?:古い|旧|以前の|期限切れの|期限が切れた|有効期限が切れた|失効した)\\s*(?:証明書\\s*の?\\s*)?(?:拇印|サムプリント|Thumbprint)\\s*(?:は|:|：|=)?${OPEN}${HEX}`,
    'i',
  ),
  new RegExp(
    `(?:古い|旧|以前の|期限切れの|期限が切れた|有効期限が切れた)\\s*証明書\\s*(?:は|:|：|[(（]\\s*(?:拇印|Thumbprint)\\s*[:：]?)${OPEN}${HEX}`,
    'i',
  ),
];

/**
 * A name written as Exchange servers are: capitals and digits, hyphens, at least one digit. A pattern
 * that starts with it begins it where a word begins (`(?<![A-Za-z0-9-])`): tried inside every word it
 * would walk a long paste many times over.
 */
const SERVER = '([A-Za-z][A-Za-z0-9]{0,14}(?:-[A-Za-z0-9]{1,14}){0,3})';
const CERT =
  '(?:the\\s+)?(?:new|renewed|updated)?\\s*(?:public\\s+|CA\\s+|SSL\\s+|wildcard\\s+)?(?:cert(?:ificate)?|one|it)';
const IMPORTED_ON: readonly RegExp[] = [
  // "imported the new cert on EX13-01 only", "installed it only on EX01", "the new cert is only on EX01"
  new RegExp(
    `\\b(?:imported|installed|put|added|enabled|renewed)\\s+${CERT}\\s+(?:only\\s+)?(?:on|to|onto)\\s+(?:only\\s+)?${SERVER}(?:\\s+only|\\s*\\(only\\)|,?\\s+(?:but\\s+)?not\\s+(?:on\\s+)?(?:the\\s+other|[A-Za-z]))`,
    'i',
  ),
  new RegExp(`\\b(?:imported|installed|put|added)\\s+${CERT}\\s+only\\s+(?:on|to|onto)\\s+${SERVER}`, 'i'),
  new RegExp(`\\b${CERT}\\s+is\\s+only\\s+on\\s+${SERVER}`, 'i'),
  new RegExp(`\\bonly\\s+(?:imported|installed)\\s+${CERT}\\s+on\\s+${SERVER}`, 'i'),
  // "renewed the public cert on the hub (HUB01)": the server named after its role, in brackets.
  new RegExp(
    `\\b(?:renewed|imported|installed)\\s+${CERT}\\s+on\\s+(?:the\\s+)?(?:hub(?:\\s+transport)?|mailbox|CAS|client\\s+access|exchange)(?:\\s+server)?\\s*\\(\\s*${SERVER}\\s*\\)`,
    'i',
  ),
  // "renewed the cert on HUB01, did not touch the Edge": a server named, and another left untouched.
  new RegExp(
    `\\b(?:renewed|imported|installed)\\s+${CERT}\\s+on\\s+${SERVER}\\b[^.\\n]{0,60}?\\b(?:did\\s*n[o']t|never|not)\\s+(?:touch|import|install|copy|do)`,
    'i',
  ),
  // 「HUB01 で証明書を更新しました。エッジには何もしていません」: renewed on one server, another untouched.
  new RegExp(
    `(?<![A-Za-z0-9-])${SERVER}\\s*(?:で|上で)\\s*(?:(?:公開|新しい)?\\s*証明書を\\s*)?(?:更新|インポート)[^。\\n]{0,40}[。、]?[^。\\n]{0,40}(?:何もしていません|触っていません|まだです|していません)`,
  ),
  // 「EX13-01 にだけインポート」「EX13-01 のみにインポート」「EX13-01 にしかインポートしていません」
  new RegExp(
    `(?<![A-Za-z0-9-])${SERVER}\\s*(?:に(?:だけ|のみ|しか)|だけに|のみに|のみ)\\s*(?:(?:新しい|更新した|更新後の)?\\s*証明書を\\s*)?(?:インポート|インストール|入れ)`,
  ),
];

const NOT_A_SERVER = /^(?:SP\d+|CU\d+|RU\d+|TLS\d*|SHA\d+|RSA\d+|HTTPS?\d*|SMTP\d*|IIS\d*|KB\d+|the|this|that|one)$/i;

export function statedFacts(text: string): StatedFacts {
  const stated: StatedFacts = {};
  const hybrid = hybridServersSaid(text);
  if (hybrid.only || hybrid.outside) stated.hybrid = hybrid;
  const pinsSaid = connectorsSaidToPin(text);
  if (pinsSaid.length > 0) stated.pinsSaid = pinsSaid;
  for (const pattern of NEW_THUMBPRINT) {
    const hex = pattern.exec(text)?.[1];
    if (hex) {
      stated.newThumbprint = hex.replace(/[ :]/g, '').toUpperCase();
      break;
    }
  }
  for (const pattern of OLD_THUMBPRINT) {
    const hex = pattern.exec(text)?.[1];
    if (hex) {
      const old = hex.replace(/[ :]/g, '').toUpperCase();
      if (old !== stated.newThumbprint) stated.oldThumbprint = old;
      break;
    }
  }
  for (const pattern of IMPORTED_ON) {
    const name = pattern.exec(text)?.[1];
    if (name && /\d/.test(name) && !NOT_A_SERVER.test(name)) {
      stated.importedOn = name;
      break;
    }
  }
  const on = serverSaid(text);
  if (on) stated.server = on;
  if (IIS_ON_CA.some((pattern) => pattern.test(text))) stated.iisOnCa = true;
  if (caSaid(text)) {
    stated.caSaid = true;
    const hosts = caSaidHosts(text);
    if (hosts.length > 0) stated.caSaidHosts = hosts;
  }
  const hybridOrg = hybridOrgSaid(text);
  if (hybridOrg !== undefined) stated.hybridOrg = hybridOrg;
  const mailbox = TEST_MAILBOX.exec(text)?.[1];
  if (mailbox) stated.testMailbox = mailbox;
  const offload = offloadSaid(text);
  if (offload) stated.offload = offload;
  const file = issuedFileSaid(text);
  if (file) stated.issuedFile = file;
  if (internalRenewalSaid(text)) stated.internalRenewed = true;
  return stated;
}

/** "on EX13-01", "running on EX01", 「EX01 で」「EX01 上の」: a name written as Exchange servers are. */
const ON_SERVER: readonly RegExp[] = [
  new RegExp(`\\bon\\s+(?:server\\s+|the\\s+server\\s+)?${SERVER}(?![\\w-]|\\.\\w)`, 'g'),
  new RegExp(`(?:^|[\\s(（「])${SERVER}\\s*(?:で|上で|上の)`, 'gm'),
];

/** The one server the prose says the problem is on; none when it names several or none. */
function serverSaid(text: string): string | undefined {
  const names = new Map<string, string>();
  for (const pattern of ON_SERVER)
    for (const m of text.matchAll(pattern)) {
      const name = m[1];
      if (!name || !/\d/.test(name) || !/[A-Z]/.test(name) || NOT_A_SERVER.test(name) || /^W\d+$/i.test(name)) continue;
      names.set(name.toLowerCase(), name);
    }
  return names.size === 1 ? [...names.values()][0] : undefined;
}

/**
 * "not hybrid", "NOT hybrid", "no hybrid", "non-hybrid", "we are not a hybrid org", "we don't use
 * hybrid", 「ハイブリッドではありません」「ハイブリッド構成ではない」「ハイブリッドなし」「非ハイブリッド」.
 * A clause naming a server ("EX02 is not part of the hybrid") puts that server outside, not the
 * organisation: it is left to the servers' own words.
 */
const NOT_HYBRID: readonly RegExp[] = [
  /\b(?:not|no|non)[- ]?(?:an?\s+)?hybrid\b(?!\s+(?:mail|connector|send|receive|queue|cert|issue|problem|error|part)s?\b)/i,
  /\b(?:isn't|aren't|is not|are not|we're not|we are not)\s+(?:an?\s+|in\s+(?:an?\s+)?)?hybrid\b/i,
  /\b(?:don't|do not|never)\s+(?:use|run|have|had)\s+(?:an?\s+)?(?:hybrid|Exchange Online|Office 365|O365|M365)\b/i,
  /\bno\s+(?:Exchange Online|Office 365|O365|M365)\b/i,
  /\b(?:on-?prem(?:ises)?[- ]only|purely on-?prem(?:ises)?)\b/i,
  /ハイブリッド\s*(?:構成|環境)?\s*(?:で|じゃ)(?:は|も)?\s*(?:ありません|ない|なく)/,
  /ハイブリッド\s*(?:構成|環境)?\s*(?:は|を)\s*(?:ありません|ない|使って(?:い)?(?:ません|ない)|組んで(?:い)?(?:ません|ない)|していません)/,
  /ハイブリッド\s*(?:なし|無し)|非ハイブリッド|オンプレ(?:ミス)?\s*(?:のみ|だけ)/,
];

/**
 * "we are hybrid", "we're hybrid", "hybrid org/deployment/setup/environment", "hybrid with Exchange
 * Online", "(2019, hybrid)", 「ハイブリッド構成です」「ハイブリッド環境」「Exchange Online とのハイブリッド」.
 */
const HYBRID: readonly RegExp[] = [
  /\b(?:we(?:'re| are)|we run|we have|it's|it is|this is|org is|organi[sz]ation is)\s+(?:an?\s+|in\s+(?:an?\s+)?)?hybrid\b/i,
  /\bhybrid\s+(?:org|organi[sz]ation|deployment|setup|set-up|environment|configuration|tenant|with\s+(?:Exchange Online|Office 365|O365|M365|EXO))\b/i,
  /\b(?:in\s+)?(?:a\s+)?hybrid\s+(?:config|mode)\b/i,
  // Blanks within the line only: `\s*` at each line start would run over every blank line after it.
  /(?:^|[(,][ \t]*)hybrid[ \t]*(?:[,)]|$)|^[ \t]*hybrid\b/im,
  /ハイブリッド\s*(?:構成|環境|展開)\s*(?:です|で|の|を|に|にして)/,
  /ハイブリッド\s*です/,
  /Exchange Online\s*(?:と|との)\s*(?:の\s*)?ハイブリッド/,
];

/** What the admin says of the organisation and Exchange Online; undefined when nothing is said. */
/** Every pattern above names the hybrid, Exchange Online or on-premises-only: without one, nothing is said. */
const HYBRID_WORDS = /hybrid|Exchange Online|Office 365|O365|M365|on-?prem|ハイブリッド|オンプレ/i;

export function hybridOrgSaid(text: string): boolean | undefined {
  if (!HYBRID_WORDS.test(text)) return undefined;
  for (const clause of text.split(/[.;!?\n()（）。]|,\s/)) {
    if (!NOT_HYBRID.some((p) => p.test(clause))) continue;
    // "EX02 is not hybrid": one server outside, not the organisation.
    if (/\b[A-Z][A-Z0-9]{0,14}\d(?:-[A-Z0-9]{1,14})?\b/.test(clause) && !/\bsingle server\b|1\s*台/i.test(clause))
      continue;
    return false;
  }
  // Every pattern names the word itself: a paste without it says nothing of a hybrid.
  if (!/hybrid|ハイブリッド/i.test(text)) return undefined;
  return HYBRID.some((p) => p.test(text)) ? true : undefined;
}

/** A certificate file as Windows names it: a .cer, .crt, .p7b, .p7c or .der (never a .pfx: that carries a key). */
const CERT_FILE = String.raw`[^\\/:*?"'<>|\s、。「」（）()]{1,100}\.(?:cer|crt|p7b|p7c|der)`;
// Bounded runs: a long line without spaces (base64, JSON) never makes these scan it again and again.
// A drive path (C:\certs\…) or a share (\\fs01\share\…), as the admin's own Import-ExchangeCertificate names it.
const FULL_PATH = new RegExp(
  String.raw`(?<![\w\\])((?:[A-Za-z]:|\\\\[A-Za-z0-9][\w.-]{0,62})\\(?:[^\\/:*?"'<>|\s、。「」（）()]{1,100}\\){0,20}${CERT_FILE})(?![\w.])`,
  'gi',
);
/** Where a certificate file's name ends; the name is read back from there, so no run is scanned twice. */
const CERT_EXTENSION = /\.(?:cer|crt|p7b|p7c|der)(?![\w.])/gi;
const NAME_BEFORE = /(?:^|[^\w\\/.-])([^\\/:*?"'<>|\s、。「」（）()]{1,100})$/;

/** Certificate file names standing alone (not in a path or a URL): 'mail_example_co_jp.cer'. */
function fileNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(CERT_EXTENSION)) {
    const before = text.slice(Math.max(0, m.index - 101), m.index);
    const name = NAME_BEFORE.exec(before)?.[1];
    if (name) out.push(name + m[0]);
  }
  return out;
}
/** A folder in the admin's words ('in C:\certs\', 「C:\certs に置いて」), never a prompt (C:\Windows\system32>). */
const FOLDER =
  /(?<![\w\\])([A-Za-z]:\\(?:[^\\/:*?"'<>|\s、。「」（）()]{1,100}\\){0,20}(?:[^\\/:*?"'<>|\s、。「」（）()]{1,100})?)(?![^\s、。「」（）()]*>)/g;

/**
 * The issued certificate file the admin has: a full path ('C:\certs\mail.cer'), or one file name and
 * one folder said apart (「mail.cer が届きました。C:\certs\ に置いてあります」). Several different files,
 * or a name without a folder, leave the path to the admin.
 */
export function issuedFileSaid(text: string): string | undefined {
  const full = new Set([...text.matchAll(FULL_PATH)].map((m) => m[1] ?? '').filter(Boolean));
  if (full.size === 1) return [...full][0];
  if (full.size > 1) return undefined;
  const found = fileNames(text);
  const names = new Set(found.map((n) => n.toLowerCase()));
  const name = found[0];
  if (names.size !== 1 || !name) return undefined;
  const folders = new Set(
    [...text.matchAll(FOLDER)]
      .map((m) => (m[1] ?? '').replace(/\\+$/, ''))
      .filter((f) => f.length > 2 && !/\\(?:Windows|Program Files)\b/i.test(f)),
  );
  if (folders.size !== 1) return undefined;
  return `${[...folders][0]}\\${name}`;
}
