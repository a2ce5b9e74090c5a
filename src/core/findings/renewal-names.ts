import type { CertificateFacts, Language } from '../model.js';
import type { Judgement } from './judgement.js';

/**
 * A CA-issued certificate for the same common name as an older one, valid and later, but without a
 * name the older one carries (autodiscover.*, a second namespace): it looks like the renewal and is
 * not one. Enabled for IIS, it would break whatever used the missing name (Outlook's Autodiscover).
 * The admin is told which name it lacks, not to enable it, and to have it reissued with every name;
 * the old certificate stays until then. Only when both listings show their names (the old one has
 * several, so the paste printed CertificateDomains or the certificate's own SANs).
 */
export function judgeRenewalNames(context: {
  certificates: readonly CertificateFacts[];
  language: Language;
  now: Date;
}): Judgement {
  const judgement: Judgement = { findings: [], plans: [] };
  const { certificates, now } = context;
  const seen = new Set<string>();
  for (const old of certificates) {
    if (!old.thumbprint || old.selfSigned !== false || old.domains.length < 2) continue;
    const cn = commonName(old.subject);
    const until = Date.parse(old.notAfter ?? '');
    if (!cn || Number.isNaN(until)) continue;
    for (const next of certificates) {
      if (!next.thumbprint || next === old || next.thumbprint === old.thumbprint || seen.has(next.thumbprint)) continue;
      if (next.selfSigned === true || commonName(next.subject) !== cn || next.source !== old.source) continue;
      const nextUntil = Date.parse(next.notAfter ?? '');
      if (!(nextUntil > until && nextUntil > now.getTime())) continue;
      if (next.notBefore !== undefined && Date.parse(next.notBefore) > now.getTime()) continue;
      if (next.domains.length === 0) continue;
      const missing = old.domains.filter((name) => name.includes('.') && !covers(next.domains, name));
      if (missing.length === 0) continue;
      seen.add(next.thumbprint);
      judgement.findings.push({
        code: 'RENEWAL_LACKS_NAME',
        severity: 'warning',
        thumbprint: next.thumbprint,
        message: TEXT[context.language]({
          next: next.thumbprint,
          old: old.thumbprint,
          cn,
          missing: missing.join(', '),
          enabled: (next.services ?? []).includes('IIS'),
        }),
      });
      judgement.plans.push({
        plan: 'renewal-lacks-name',
        values: {
          thumbprint: next.thumbprint,
          missingNames: missing.join(','),
          ...(next.servers?.[0] && { server: next.servers[0] }),
        },
      });
    }
  }
  return judgement;
}

const commonName = (subject: string) => /(?:^|,\s*)CN\s*=\s*([^,]+)/i.exec(subject)?.[1]?.trim().toLowerCase();

/** The name, or a wildcard one label above it. */
function covers(domains: readonly string[], name: string): boolean {
  const lower = name.toLowerCase();
  return domains.some((d) => {
    const x = d.toLowerCase();
    return (
      x === lower || (x.startsWith('*.') && lower.endsWith(x.slice(1)) && !lower.slice(0, -x.length + 1).includes('.'))
    );
  });
}

const TEXT: Record<
  Language,
  (p: { next: string; old: string; cn: string; missing: string; enabled: boolean }) => string
> = {
  en: ({ next, old, cn, missing, enabled }) =>
    `${next}, the newer certificate for ${cn}, lacks ${missing}, which the current certificate ${old} has: it is not a complete renewal. ${enabled ? 'It is already enabled for IIS: clients using that name get a certificate warning.' : 'Do not enable it for IIS.'} Have the CA reissue it with every name of ${old}, and keep ${old} until the reissued certificate is enabled.`,
  ja: ({ next, old, cn, missing, enabled }) =>
    `${cn} の新しい証明書 ${next} には、現在の証明書 ${old} にある ${missing} がありません。完全な更新ではありません。${enabled ? 'すでに IIS に割り当てられているため、その名前で接続するクライアントに証明書の警告が出ます。' : 'IIS に割り当てないでください。'}${old} のすべての名前で CA に再発行を依頼し、再発行された証明書を割り当てるまで ${old} は残します。`,
};
