import type { PlanValues } from '../knowledge/plan-model.js';
import type { CertificateFacts } from '../model.js';
import { sameDistinguishedName } from './dn-compare.js';

/** The file shapes a CA hands back: what the admin pastes of it is the certificate the import completes. */
const ISSUED_FILE = new Set(['pkcs7', 'pem', 'der', 'certutil', 'openssl']);

/**
 * The certificate the CA issued for a pending request, when the paste holds it (the .p7b or .cer the
 * CA sent, pasted as PEM/PKCS#7 or dumped): the one leaf, not a CA, with the request's subject. Its
 * thumbprint is the one the import gives, so the enable and check steps name it instead of a
 * placeholder.
 */
export function issuedLeafFor(values: PlanValues, certificates: readonly CertificateFacts[]): string | undefined {
  const request = certificates.find((c) => c.thumbprint && c.thumbprint === values.thumbprint);
  const subject = request?.subject ?? values.subject;
  if (!subject) return undefined;
  const leaves = certificates.filter(
    (c) =>
      c.thumbprint &&
      c.thumbprint !== values.thumbprint &&
      ISSUED_FILE.has(c.source ?? '') &&
      c.isCA !== true &&
      c.selfSigned !== true &&
      sameDistinguishedName(c.subject, subject),
  );
  return leaves.length === 1 ? leaves[0]?.thumbprint : undefined;
}

/** Gives a pending request's plan the issued certificate's thumbprint, when the paste holds it. */
export function withIssuedLeaf(values: PlanValues, certificates: readonly CertificateFacts[]): void {
  const leaf = values.importedThumbprint ?? issuedLeafFor(values, certificates);
  if (leaf) values.importedThumbprint = leaf;
}
