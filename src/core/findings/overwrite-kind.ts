import { sameDistinguishedName } from '../facts/dn-compare.js';
import type { CertificateFacts } from '../model.js';

const AUTH_SUBJECT = /Microsoft\s+Exchange\s+Server\s+Auth\s+Certificate/i;

/**
 * Who issued the overwrite prompt's new certificate, as the paste shows it. A CA's certificate
 * piped into New-ExchangeCertificate without -GenerateRequest comes out as a self-signed copy with
 * the CA certificate's subject and names ('ca-copy'): no renewal, and never the internal transport
 * certificate. Then its listing, the cmdlet that asked (New-ExchangeCertificate without
 * -GenerateRequest makes a self-signed one), the admin naming the CA. Undefined when nothing says.
 */
export function overwriteNewKind(
  values: Readonly<Record<string, string>>,
  certificates: readonly CertificateFacts[],
): { kind?: 'ca' | 'auth' | 'self-signed' | 'ca-copy'; copyOf?: string } {
  const listed = certificates.find((c) => c.thumbprint && c.thumbprint === values.newThumbprint);
  if (listed && AUTH_SUBJECT.test(listed.subject)) return { kind: 'auth' };
  const copyOf = copySource(values, listed, certificates);
  if (copyOf) return { kind: 'ca-copy', copyOf };
  if (listed?.selfSigned === true) return { kind: 'self-signed' };
  if (listed?.selfSigned === false || (listed?.issuer && !sameDistinguishedName(listed.issuer, listed.subject)))
    return { kind: 'ca' };
  if (values.promptAuth === 'yes') return { kind: 'auth' };
  if (values.promptCmdlet === 'new') return { kind: 'self-signed' };
  if (values.caSaid === 'yes') return { kind: 'ca' };
  return {};
}

/** Self-signed by IsSelfSigned, or by an issuer the same as the subject (a copy is compared with a CA certificate). */
function selfSigned(c: CertificateFacts): boolean {
  return (
    c.selfSigned === true ||
    (c.selfSigned === undefined && c.issuer !== '' && sameDistinguishedName(c.issuer, c.subject))
  );
}

function caIssued(c: CertificateFacts): boolean {
  return c.selfSigned === false || (c.issuer !== '' && !sameDistinguishedName(c.issuer, c.subject));
}

/**
 * The CA certificate the new one copies, by thumbprint: the one piped into New-ExchangeCertificate when
 * the paste shows it CA-issued (or, its issuer not shown, not self-signed while the admin names a CA),
 * or, with the copy listed self-signed, a CA certificate with the same subject.
 */
function copySource(
  values: Readonly<Record<string, string>>,
  listed: CertificateFacts | undefined,
  certificates: readonly CertificateFacts[],
): string | undefined {
  if (listed && (listed.selfSigned === false || caIssued(listed))) return undefined;
  const from = values.promptPipedFrom;
  if (from && from !== values.newThumbprint) {
    const piped = certificates.find((c) => c.thumbprint === from);
    if (piped && !AUTH_SUBJECT.test(piped.subject)) {
      if (caIssued(piped) || (!selfSigned(piped) && values.caSaid === 'yes')) return from;
    } else if (!piped && values.caSaid === 'yes') return from;
  }
  if (!listed || listed.subject === '' || !selfSigned(listed)) return undefined;
  return certificates.find(
    (c) =>
      c.thumbprint !== undefined &&
      c.thumbprint !== listed.thumbprint &&
      caIssued(c) &&
      !AUTH_SUBJECT.test(c.subject) &&
      sameDistinguishedName(c.subject, listed.subject),
  )?.thumbprint;
}
