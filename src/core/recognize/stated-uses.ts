import type { ExchangeService } from '../model.js';
import type { CertificateUseEvidence, Evidence, Recognizer } from './evidence.js';
import { LIMITS } from './limits.js';
import { matchesOf } from './matches.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * The admin's own sentence about a certificate it names by thumbprint: "this certificate (thumbprint
 * DA15…) is also used for OWA", 「この証明書 (拇印 DA15…) は OWA にも使っています」. OWA, ActiveSync and
 * Outlook on the web are served by IIS on 443: the certificate is one clients see there. Only a
 * sentence that names one thumbprint and says it is used (not "no longer used") counts.
 */
const CLIENT_WORDS = /\bOWA\b|\bIIS\b|Outlook on the web|\bActiveSync\b|Outlook Anywhere/i;
const USED = /使っ|使用|割り当て|\bused\b|\buses\b|\bserves?\b|\bserving\b|\bassigned\b|\benabled\b/i;
const NOT = /ません|ない|いなかった|\bnot\b|n't\b|\bno longer\b|\bnever\b/i;
const THUMBPRINT = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{40}(?![0-9A-Fa-f])/g;

export const recognizeStatedUses: Recognizer = (text) => {
  const uses: CertificateUseEvidence[] = [];
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (uses.length >= LIMITS.thumbprints) break;
    if (sentence.length > 600 || !CLIENT_WORDS.test(sentence) || !USED.test(sentence) || NOT.test(sentence)) continue;
    const named = [...matchesOf(THUMBPRINT, sentence)].map((m) => normalizeThumbprint(m[0])?.value);
    const thumbprint = named.length === 1 ? named[0] : undefined;
    if (thumbprint) uses.push({ thumbprint, use: 'presented', port: 443, source: 'prose' });
  }
  const refused = refusedRemoval(text);
  if (refused) uses.push(refused);
  const out: Partial<Evidence> = {};
  if (uses.length > 0) out.certificateUses = uses;
  return out;
};

/**
 * "It's the one bound to IIS and SMTP", 「IIS と SMTP に割り当てています」: a sentence that names no
 * thumbprint speaks of the certificate when the paste shows only one besides its CAs (openssl -text,
 * certutil, a PEM file), which lists no services of its own. Its renewal is then enabled for what
 * the paste shows instead of a placeholder.
 *
 * Not every source weighs the same. The port the certificate was read from (openssl s_client
 * -connect host:443 is what IIS presents; :25 or -starttls smtp what SMTP presents), a binding of
 * 443 to it, and the admin calling it "our OWA cert" / 「OWA の証明書」 are facts. A hedged sentence
 * ("SMTP I think", 「たぶん SMTP にも」) is a guess: it may add a service, never take away one the
 * facts show, or the renewal leaves OWA on the old certificate until it expires.
 */
const STATED: readonly [RegExp, ExchangeService][] = [
  [/\bIIS\b|\bOWA\b|Outlook on the web|\bActiveSync\b|Outlook Anywhere/i, 'IIS'],
  [/\bSMTP\b/, 'SMTP'],
  [/\bIMAP4?\b/, 'IMAP'],
  [/\bPOP3?\b/, 'POP'],
];
const BOUND = /割り当て|バインド|\bbound\b|\benabled\b|\bassigned\b|\bused\b|\buses\b|\bserves?\b|使っ|使用/i;
const HEDGE =
  /\bI\s+think\b|\bI\s+believe\b|\bI\s+guess\b|\bmaybe\b|\bprobably\b|\bperhaps\b|\bpossibly\b|\bmight\b|\bnot\s+sure\b|\bI'm\s+not\s+certain\b|\bIIRC\b|\?|たぶん|多分|おそらく|恐らく|と思い|と思う|かも|はず|気がします|？/i;
/** "our OWA cert", "the SMTP certificate", 「OWA の証明書」, 「SMTP 用証明書」: what the admin calls it. */
const DESCRIBED: readonly [RegExp, ExchangeService][] = [
  [
    /\b(?:OWA|IIS|HTTPS|web|Outlook\s+on\s+the\s+web|ActiveSync|Outlook\s+Anywhere)\s+(?:SSL\s+|TLS\s+|SAN\s+)?cert(?:ificate)?s?\b|(?:OWA|IIS|HTTPS|Web)\s*(?:用|の)\s*(?:SSL\s*)?(?:サーバー)?証明書/i,
    'IIS',
  ],
  [/\bSMTP\s+(?:TLS\s+)?cert(?:ificate)?s?\b|SMTP\s*(?:用|の)\s*証明書/i, 'SMTP'],
  [/\bIMAP4?\s+cert(?:ificate)?s?\b|IMAP4?\s*(?:用|の)\s*証明書/i, 'IMAP'],
  [/\bPOP3?\s+cert(?:ificate)?s?\b|POP3?\s*(?:用|の)\s*証明書/i, 'POP'],
];
/** 「かもしれません」 "might" ends like a negation (ません) but is a hedge: it denies nothing. */
const denies = (sentence: string): boolean =>
  NOT.test(sentence.replace(/かもしれ(?:ません|ない)|(?:じゃ|では)ないか(?:な|と)?/g, ''));

/** The service a port (or openssl's -starttls protocol) belongs to. */
function serviceOfPort(port: number | undefined, starttls: string | undefined): ExchangeService | undefined {
  if (starttls === 'smtp') return 'SMTP';
  if (starttls === 'imap') return 'IMAP';
  if (starttls === 'pop3') return 'POP';
  if (port === 443) return 'IIS';
  if (port === 25 || port === 587 || port === 465) return 'SMTP';
  if (port === 993 || port === 143) return 'IMAP';
  if (port === 995 || port === 110) return 'POP';
  return undefined;
}

/**
 * The services the port the one certificate was read from shows: each is certain, but only one of
 * what the certificate serves (a port-25 probe says nothing of 443).
 */
function portServices(evidence: Evidence, only: Evidence['certificates'][number], text: string): Set<ExchangeService> {
  const shown = new Set<ExchangeService>();
  const starttls = /-starttls[ \t]+(\w+)/.exec(text)?.[1]?.toLowerCase();
  const endpoints = evidence.endpoints ?? [];
  for (const endpoint of endpoints) {
    const leaf = endpoint.chain[0];
    // The chain is empty when s_client was piped into openssl x509: the one certificate is its leaf.
    const same = leaf ? leaf.thumbprint !== undefined && leaf.thumbprint === only.thumbprint : endpoints.length === 1;
    const service = same ? serviceOfPort(endpoint.port, endpoints.length === 1 ? starttls : undefined) : undefined;
    if (service) shown.add(service);
  }
  return shown;
}

/** The services the paste shows as facts for its one certificate: a binding, the admin's name for it. */
function shownServices(evidence: Evidence, only: Evidence['certificates'][number], text: string): Set<ExchangeService> {
  const shown = new Set<ExchangeService>();
  for (const binding of evidence.bindings ?? []) {
    if (binding.port === 443 && binding.thumbprint && binding.thumbprint === only.thumbprint) shown.add('IIS');
  }
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (sentence.length > 600 || denies(sentence) || HEDGE.test(sentence)) continue;
    for (const [word, service] of DESCRIBED) if (word.test(sentence)) shown.add(service);
  }
  return shown;
}

export function withStatedServices(evidence: Evidence, text: string): Evidence {
  const leaves = evidence.certificates.filter((c) => c.isCA !== true);
  const [only] = leaves;
  if (leaves.length !== 1 || !only || only.services?.length) return evidence;
  const services = shownServices(evidence, only, text);
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (sentence.length > 600 || !BOUND.test(sentence) || denies(sentence)) continue;
    if (/(?<![0-9A-Fa-f])[0-9A-Fa-f]{40}(?![0-9A-Fa-f])/.test(sentence)) continue;
    for (const [word, service] of STATED) if (word.test(sentence)) services.add(service);
  }
  const ports = portServices(evidence, only, text);
  const order: readonly ExchangeService[] = ['IIS', 'SMTP', 'IMAP', 'POP'];
  // Only a port: what it shows is served, the rest is unknown (read off the old certificate).
  if (services.size === 0) {
    if (ports.size === 0) return evidence;
    const atLeast = order.filter((s) => ports.has(s));
    return {
      ...evidence,
      certificates: evidence.certificates.map((c) => (c === only ? { ...c, servicesAtLeast: atLeast } : c)),
    };
  }
  for (const service of ports) services.add(service);
  const listed = order.filter((s) => services.has(s));
  const certificates = evidence.certificates.map((c) => (c === only ? { ...c, services: listed } : c));
  return { ...evidence, certificates };
}

/**
 * Remove-ExchangeCertificate refusing the certificate it was given because it is the internal
 * transport certificate ("The internal transport certificate cannot be removed because that would
 * cause the Microsoft Exchange Transport service to stop", 「内部トランスポート証明書を削除すると
 * Microsoft Exchange Transport サービスが停止するため、削除できません」): Exchange itself says which
 * certificate holds that role, the one in the command just before the refusal.
 */
const REFUSAL =
  /internal\s+transport\s+certificate\s+cannot\s+be\s+removed|内部トランスポート証明書を削除すると[^\n]{0,80}削除できません/i;
const REMOVE_COMMAND = /Remove-ExchangeCertificate\b[^\n]{0,200}?-Thumbprint\s+["']?([0-9A-Fa-f]{40})\b/gi;

function refusedRemoval(text: string): CertificateUseEvidence | undefined {
  const refusal = REFUSAL.exec(text);
  if (!refusal) return undefined;
  const before = text.slice(Math.max(0, refusal.index - 2000), refusal.index);
  const command = [...matchesOf(REMOVE_COMMAND, before)].pop();
  const thumbprint = command?.[1] ? normalizeThumbprint(command[1])?.value : undefined;
  const server = /\[Server=([A-Za-z][A-Za-z0-9-]{0,62})[,\]]/.exec(text.slice(refusal.index, refusal.index + 800))?.[1];
  return thumbprint
    ? { thumbprint, use: 'internalTransport', source: 'remove-refused', ...(server && { server }) }
    : undefined;
}
