import { responseText } from '../i18n/response-text.js';
import type { EventFacts, Language } from '../model.js';
import { asksAboutCertificate, firstErrorLine } from '../recognize/error-lines.js';
import type { Evidence } from '../recognize/evidence.js';
import type { Judgement } from './judgement.js';

/**
 * What the paste says that nothing else explained. An error line no event or known message accounts
 * for keeps the answer from calling everything fine: it says the error was not understood and what to
 * paste. A question about a certificate with nothing to diagnose asks for the whole-server listing,
 * never for a thumbprint the admin does not have. Changes `judgement` in place.
 */
export function judgeUnexplained(
  judgement: Judgement,
  input: { paste: string; evidence: Evidence; events: readonly EventFacts[]; language: Language },
): void {
  const { paste, evidence, events, language } = input;
  const words = responseText[language];
  const explained = evidence.symptoms.length > 0 || events.some((event) => event.known);
  const serious = judgement.findings.some((finding) => finding.severity !== 'info');
  // A finding from settings read without certificates (IMAP/POP, hybrid connectors) is something
  // recognised: "nothing recognised" beside it would contradict it.
  if (serious) judgement.findings = judgement.findings.filter((finding) => finding.code !== 'UNRECOGNIZED_INPUT');
  const line = explained || serious ? undefined : firstErrorLine(paste);
  if (line) {
    // Beside what was read, never instead of it: the findings and plans of the certificates, bindings
    // and settings stay, and the listing is asked for only when the paste has none.
    const listed = evidence.certificates.length > 0;
    judgement.findings.push({
      code: 'ERROR_NOT_UNDERSTOOD',
      severity: 'warning',
      message: words.errorNotUnderstood({ line, listed }),
    });
    // The error is something: "nothing recognised" would contradict it.
    judgement.findings = judgement.findings.filter((finding) => finding.code !== 'UNRECOGNIZED_INPUT');
    if (!listed) judgement.plans.push({ plan: 'ask-certificate-listing', values: {} });
    return;
  }
  const nothing = judgement.findings.find((finding) => finding.code === 'UNRECOGNIZED_INPUT');
  if (nothing && asksAboutCertificate(paste)) {
    nothing.message = words.askListing();
    judgement.plans.push({ plan: 'ask-certificate-listing', values: {} });
  }
}
