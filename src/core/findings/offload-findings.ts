import { offloadSaid } from '../facts/offload-said.js';
import type { CertificateFacts, Language } from '../model.js';
import type { PresentedEndpoint } from '../recognize/evidence.js';
import type { Judgement } from './judgement.js';

/**
 * What a port presents, held against what Exchange has enabled. When openssl (or a probe) shows 443
 * presenting a certificate that a newer one of the paste replaces, already enabled for IIS, Exchange
 * is not what clients reach: a device in front of it still presents the old one. With a load balancer
 * that terminates TLS (SSL offload, bridging) in the admin's words, the renewal is exported with its
 * key and installed on that device's virtual service; nothing changes on Exchange, and nothing is
 * removed there before 443 presents the renewal through the device.
 */
export function judgeOffload(context: {
  paste: string;
  endpoints: readonly PresentedEndpoint[];
  certificates: readonly CertificateFacts[];
  language: Language;
  now: Date;
}): {
  judgement: Judgement /** The old certificate's thumbprints and hosts: its Exchange-side renewal plans are not the fix. */;
  replaced: string[];
} {
  const judgement: Judgement = { findings: [], plans: [] };
  const replaced: string[] = [];
  const said = offloadSaid(context.paste);
  for (const endpoint of context.endpoints) {
    const leaf = endpoint.chain[0];
    if (!leaf || !endpoint.host || (endpoint.port !== undefined && endpoint.port !== 443)) continue;
    const presented = context.certificates.find((c) => sameCertificate(c, leaf)) ?? leaf;
    const renewal = renewalOf(presented, context.certificates, context.now);
    if (!renewal?.thumbprint) continue;
    const old = presented.thumbprint ? ` (${presented.thumbprint})` : '';
    const where = `${endpoint.host}:${endpoint.port ?? 443}`;
    const expired = presented.notAfter !== undefined && Date.parse(presented.notAfter) < context.now.getTime();
    const device = said?.device;
    const text = TEXT[context.language];
    judgement.findings.push({
      code: 'ENDPOINT_PRESENTS_OLD_CERT',
      severity: said && expired ? 'critical' : 'warning',
      ...(presented.thumbprint && { thumbprint: presented.thumbprint }),
      message: said
        ? text.device({ where, old, renewal: renewal.thumbprint, device, expired })
        : text.unknown({ where, old, renewal: renewal.thumbprint, expired }),
    });
    if (!said) continue;
    // The certificate it presents, and the host for a copy of it the paste shows without a thumbprint.
    replaced.push(...(presented.thumbprint ? [presented.thumbprint] : []), endpoint.host);
    const server = renewal.servers?.[0];
    judgement.plans.push({
      plan: 'offload-renewal',
      values: {
        thumbprint: renewal.thumbprint,
        newThumbprint: renewal.thumbprint,
        fqdn: endpoint.host,
        ...(server && { server }),
        ...(device && { device }),
      },
    });
  }
  return { judgement, replaced };
}

/** By thumbprint; else by name and expiry, a listing's local time being up to a day off openssl's GMT. */
function sameCertificate(c: CertificateFacts, leaf: PresentedEndpoint['chain'][number]): boolean {
  if (leaf.thumbprint) return c.thumbprint === leaf.thumbprint;
  const apart = Math.abs(Date.parse(c.notAfter ?? '') - Date.parse(leaf.notAfter ?? ''));
  return c.thumbprint !== undefined && commonName(c.subject) === commonName(leaf.subject) && apart <= 86_400_000;
}

const commonName = (subject: string) => /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim().toLowerCase();

/** A CA-issued certificate of the paste for the same name, valid now, later than the presented one and enabled for IIS. */
function renewalOf(
  presented: { subject: string; notAfter?: string; thumbprint?: string },
  certificates: readonly CertificateFacts[],
  now: Date,
): CertificateFacts | undefined {
  const cn = commonName(presented.subject);
  const until = Date.parse(presented.notAfter ?? '');
  if (!cn || Number.isNaN(until)) return undefined;
  return certificates.find(
    (c) =>
      c.thumbprint !== undefined &&
      c.thumbprint !== presented.thumbprint &&
      c.selfSigned !== true &&
      commonName(c.subject) === cn &&
      (c.services ?? []).includes('IIS') &&
      Date.parse(c.notAfter ?? '') > Math.max(until, now.getTime()) &&
      (c.notBefore === undefined || Date.parse(c.notBefore) <= now.getTime()),
  );
}

interface Said {
  where: string;
  old: string;
  renewal: string;
  expired: boolean;
}

const TEXT: Record<
  Language,
  { device: (p: Said & { device: string | undefined }) => string; unknown: (p: Said) => string }
> = {
  en: {
    device: ({ where, old, renewal, device, expired }) =>
      `${where} presents the ${expired ? 'expired ' : ''}old certificate${old}, although Exchange already has its renewal ${renewal} enabled for IIS: the load balancer${device ? ` (${device})` : ''} terminates TLS and presents its own copy. Install the renewal on the load balancer's virtual service; nothing needs to change on Exchange.`,
    unknown: ({ where, old, renewal, expired }) =>
      `${where} presents the ${expired ? 'expired ' : ''}old certificate${old}, although its renewal ${renewal} is enabled for IIS: either a server behind that name still serves the old one on 443, or a device in front of Exchange (a load balancer or reverse proxy that terminates TLS) still holds it.`,
  },
  ja: {
    device: ({ where, old, renewal, device, expired }) =>
      `${where} は${expired ? '期限切れの' : ''}古い証明書${old ? `${old} ` : ''}を提示していますが、Exchange ではすでに更新後の証明書 ${renewal} が IIS に割り当てられています。ロード バランサー${device ? ` (${device}) ` : ''}が TLS を終端し、自身の証明書を提示しています。更新後の証明書をロード バランサーの仮想サービスに入れます。Exchange 側の変更は不要です。`,
    unknown: ({ where, old, renewal, expired }) =>
      `${where} は${expired ? '期限切れの' : ''}古い証明書${old ? `${old} ` : ''}を提示していますが、更新後の証明書 ${renewal} は IIS に割り当てられています。その名前の背後のサーバーがまだ 443 で古い証明書を使っているか、Exchange の前にある装置 (TLS を終端するロード バランサーやリバース プロキシ) がまだ古い証明書を持っています。`,
  },
};
