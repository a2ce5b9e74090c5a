import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import type { PresentedEndpoint } from '../recognize/evidence.js';
import { commonName } from './certificate-findings.js';
import type { Judgement } from './judgement.js';

/** openssl's "unable to get local issuer certificate" (20) and "unable to verify the first certificate" (21). */
const ISSUER_NOT_SENT = new Set([20, 21]);

/**
 * An endpoint that presents its CA-issued certificate alone, which openssl cannot verify (20/21 at
 * depth 0): the server does not send its issuing CA's certificate, because Windows there cannot build
 * the chain. Clients that lack that CA certificate refuse it. The certificate itself is fine: the fix
 * is the CA certificate in the server's Intermediate store, and the service presenting it restarted.
 */
export function judgeChainNotSent(
  endpoints: readonly PresentedEndpoint[],
  text: DiagnosisText,
  server: string | undefined,
): Judgement {
  const out: Judgement = { findings: [], plans: [] };
  for (const endpoint of endpoints) {
    const leaf = endpoint.chain[0];
    const unverified = (endpoint.verifyErrors ?? []).some((e) => ISSUER_NOT_SENT.has(e.num) && (e.depth ?? 0) === 0);
    if (!leaf || endpoint.chain.length !== 1 || leaf.selfSigned !== false || !leaf.issuer || !unverified) continue;
    const issuer = commonName(leaf.issuer) ?? leaf.issuer;
    out.findings.push({
      code: 'CHAIN_INCOMPLETE',
      severity: 'warning',
      ...(leaf.thumbprint && { thumbprint: leaf.thumbprint }),
      message: text.finding.chainNotSent({
        endpoint: endpoint.host ? `${endpoint.host}${endpoint.port ? `:${endpoint.port}` : ''}` : undefined,
        issuer,
      }),
    });
    out.plans.push({
      plan: 'chain-not-sent',
      values: {
        issuer: leaf.issuer,
        ...(endpoint.host && { fqdn: endpoint.host }),
        ...(endpoint.port && { presentedPort: String(endpoint.port) }),
        ...(server && { server }),
      },
    });
  }
  return out;
}
