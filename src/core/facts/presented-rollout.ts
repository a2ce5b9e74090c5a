import type { CertificateFacts } from '../model.js';
import type { PlanRequest } from '../steps.js';
import { sameDistinguishedName } from './dn-compare.js';

/** Plans that would request the certificate again. */
const RENEWALS = new Set(['ca-renew', 'renew-unknown-issuer', 'starttls-renew']);

/** Where a certificate is read from a server's own store. */
const STORE_SOURCES: ReadonlySet<string> = new Set(['exchange-list', 'exchange-table', 'certutil', 'healthchecker']);

/** Where a certificate is what an endpoint presented (openssl s_client, a probe). */
const PRESENTED_SOURCES: ReadonlySet<string> = new Set(['s-client', 'probe']);

/** An endpoint as the recognisers read it: the host and port it was reached on, leaf first. */
export interface PresentedEndpoint {
  host?: string;
  port?: number;
  chain: readonly { subject?: string; thumbprint?: string }[];
}

/**
 * An endpoint presents an expired or expiring certificate while a server's store already holds its
 * renewal (another certificate with the same subject, known to expire later, or two of them whose dates
 * the listing does not show): the renewal is rolled out to the server that still presents the old one,
 * never requested again (a request from the presented subject alone would drop its other names).
 */
export function rollOutPresentedRenewals(
  requests: readonly PlanRequest[],
  certificates: readonly CertificateFacts[],
  endpoints: readonly PresentedEndpoint[] = [],
): PlanRequest[] {
  return requests.map((request) => {
    const { values } = request;
    if (!RENEWALS.has(request.plan) || !values.subject) return request;
    const subject = values.subject;
    // The certificate the plan is about is one an endpoint presented, not one a store listing shows.
    if (
      values.thumbprint &&
      certificates.some((c) => c.thumbprint === values.thumbprint && !PRESENTED_SOURCES.has(c.source))
    )
      return request;
    const presented = certificates.find(
      (c) =>
        PRESENTED_SOURCES.has(c.source) &&
        (values.thumbprint
          ? c.thumbprint === values.thumbprint
          : c.subject !== '' && sameDistinguishedName(c.subject, subject)),
    );
    if (!presented) return request;
    const listed = certificates.filter(
      (c) => c.thumbprint && STORE_SOURCES.has(c.source) && sameDistinguishedName(c.subject, subject),
    );
    const later = listed
      .filter((c) => c.daysLeft !== undefined && (presented.daysLeft === undefined || c.daysLeft > presented.daysLeft))
      .filter((c) => c.daysLeft !== undefined && c.daysLeft >= 0)
      .sort((a, b) => (b.daysLeft ?? 0) - (a.daysLeft ?? 0));
    const undated = listed.filter((c) => c.daysLeft === undefined);
    const renewal = later[0];
    // The admin gives the renewal's thumbprint (bound to the plan as newThumbprint): it is the one rolled out.
    const stated =
      values.newThumbprint && values.newThumbprint !== presented.thumbprint ? values.newThumbprint : undefined;
    if (!renewal && !stated && undated.length < 2) return request;
    const holder = (renewal ?? undated[0])?.servers?.[0] ?? values.server;
    const endpoint = endpoints.find(
      (e) =>
        (presented.thumbprint && e.chain[0]?.thumbprint === presented.thumbprint) ||
        (e.chain[0]?.subject && sameDistinguishedName(e.chain[0].subject, subject)),
    );
    const services = [...new Set(listed.flatMap((c) => c.services ?? []))].filter((s) => s !== 'Federation');
    const { domains: _domains, namesComplete: _complete, ...rest } = values;
    return {
      ...request,
      plan: 'presented-rollout',
      values: {
        ...rest,
        ...(holder && { server: holder }),
        ...((stated ?? renewal?.thumbprint) && { newThumbprint: stated ?? renewal?.thumbprint }),
        ...(endpoint?.port && { presentedPort: String(endpoint.port) }),
        // The shared name clients use, not one member's own host name the admin probed directly.
        ...(!values.fqdn && endpoint?.host && { fqdn: endpoint.host }),
        ...(services.length > 0 && { services: services.join(',') }),
      },
    };
  });
}
