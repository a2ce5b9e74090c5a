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
 * the admin says instead of a placeholder.
 */
const STATED: readonly [RegExp, ExchangeService][] = [
  [/\bIIS\b|\bOWA\b|Outlook on the web|\bActiveSync\b|Outlook Anywhere/i, 'IIS'],
  [/\bSMTP\b/, 'SMTP'],
  [/\bIMAP4?\b/, 'IMAP'],
  [/\bPOP3?\b/, 'POP'],
];
const BOUND = /割り当て|バインド|\bbound\b|\benabled\b|\bassigned\b|\bused\b|\buses\b|\bserves?\b|使っ|使用/i;

export function withStatedServices(evidence: Evidence, text: string): Evidence {
  const leaves = evidence.certificates.filter((c) => c.isCA !== true);
  const [only] = leaves;
  if (leaves.length !== 1 || !only || only.services?.length) return evidence;
  const services = new Set<ExchangeService>();
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (sentence.length > 600 || !BOUND.test(sentence) || NOT.test(sentence)) continue;
    if (/(?<![0-9A-Fa-f])[0-9A-Fa-f]{40}(?![0-9A-Fa-f])/.test(sentence)) continue;
    for (const [word, service] of STATED) if (word.test(sentence)) services.add(service);
  }
  if (services.size === 0) return evidence;
  const certificates = evidence.certificates.map((c) => (c === only ? { ...c, services: [...services] } : c));
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
