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
  const out: Partial<Evidence> = {};
  if (uses.length > 0) out.certificateUses = uses;
  return out;
};
