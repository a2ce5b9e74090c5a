import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import { type CountdownWording, countdownWording } from '../i18n/local-time.js';
import type { CertificateFacts, EventFacts, Language } from '../model.js';
import { statedFacts } from '../facts/stated-facts.js';
import type { Evidence } from '../recognize/evidence.js';
import { commonName, covers, displayName, shortThumbprint } from './certificate-findings.js';
import type { Judgement } from './judgement.js';

export interface ExtrasInput {
  evidence: Evidence;
  events: EventFacts[];
  certificates: CertificateFacts[];
  text: DiagnosisText;
  tooLarge: boolean;
  language: Language;
  now: Date;
  /** How a countdown is worded (the reader's zone); UTC to the day when not given. */
  countdown?: CountdownWording;
  /** The paste as written: the admin's own words about an old and a new certificate. */
  paste?: string;
  /** The servers the paste names, in order: a removal is checked and done on each of them. */
  serverNames?: readonly string[];
}

/**
 * The admin asks whether the old certificate can go ('can I delete the old cert?', 'safe to remove
 * the old one', 「古い証明書を消しても大丈夫？」「期限切れの証明書は削除していい？」).
 */
const REMOVAL_ASKED =
  /\b(?:can|could|should|may)\s+(?:I|we)\b[^.?!\n]{0,40}\b(?:delete|remove)\b|\b(?:ok(?:ay)?|safe|fine)\s+to\s+(?:delete|remove)\b|(?:消して|削除して|消し|削除し)(?:も|ても)?\s*(?:大丈夫|いい|良い|よい|問題(?:ない|ありません))/i;

/** Thumbprints pasted on their own: named by no certificate, event or symptom of the paste. */
export function unexplainedThumbprints(
  evidence: Evidence,
  events: readonly EventFacts[],
  certificates: readonly Pick<CertificateFacts, 'thumbprint'>[],
): Evidence['thumbprints'] {
  const explained = new Set([
    ...certificates.map((c) => c.thumbprint),
    ...events.flatMap((e) => [e.thumbprint, e.ephemeralThumbprint]),
    ...evidence.symptoms.map((s) => s.values.thumbprint),
    // A binding's hash is what the binding uses: checked against the store, not asked about alone.
    ...(evidence.bindings ?? []).map((b) => b.thumbprint),
  ]);
  return evidence.thumbprints.filter((t) => !explained.has(t.value));
}

/**
 * Findings that come from the paste as a whole rather than from one item: a private key, a
 * thumbprint alone, a name no certificate covers, a listing without dates, what could not be read.
 */
export function judgeEvidenceExtras({
  evidence,
  events,
  certificates,
  text,
  tooLarge,
  language,
  now,
  countdown = countdownWording(now, language),
  paste = '',
  serverNames = [],
}: ExtrasInput): Judgement {
  const findings: Judgement['findings'] = [];
  const plans: Judgement['plans'] = [];

  if (evidence.privateKeys > 0) {
    findings.push({
      code: 'PRIVATE_KEY_IN_INPUT',
      severity: 'critical',
      message: text.finding.privateKey({ count: evidence.privateKeys }),
    });
  }
  if (tooLarge)
    findings.push({ code: 'INPUT_TOO_LARGE', severity: 'warning', message: text.finding.tooLarge({ limit: '1 MiB' }) });

  for (const tp of evidence.thumbprints.filter((t) => t.invisible)) {
    const chars = tp.invisibleChars?.join(', ') ?? 'U+200E';
    findings.push({
      code: 'INVISIBLE_CHARACTERS',
      severity: 'warning',
      thumbprint: tp.value,
      message: text.finding.invisible({ chars }),
    });
    plans.push({ plan: 'clean-thumbprint', values: { thumbprint: tp.value } });
  }

  const lone = unexplainedThumbprints(evidence, events, certificates);
  const onlyThumbprints =
    lone.length > 0 && events.length === 0 && certificates.length === 0 && evidence.symptoms.length === 0;
  // Only the admin's words about which thumbprint is old and which new, and the question whether the
  // old one can go: answered with the checks that make it safe, then its removal on each server named.
  const stated = onlyThumbprints && REMOVAL_ASKED.test(paste) ? statedFacts(paste) : {};
  const pair =
    stated.oldThumbprint &&
    stated.newThumbprint &&
    lone.some((t) => t.value === stated.oldThumbprint) &&
    lone.some((t) => t.value === stated.newThumbprint)
      ? { old: stated.oldThumbprint, renewed: stated.newThumbprint }
      : undefined;
  if (pair) {
    const [first, ...others] = serverNames;
    findings.push({
      code: 'REMOVAL_ASKED',
      severity: 'info',
      thumbprint: pair.old,
      message: text.finding.removalAsked({
        old: pair.old,
        renewed: pair.renewed,
        servers: serverNames.join(language === 'ja' ? '、' : ', '),
      }),
    });
    plans.push({
      plan: 'remove-stated-old',
      values: {
        thumbprint: pair.old,
        newThumbprint: pair.renewed,
        ...(first && { server: first }),
        ...(others.length > 0 && { sharedWith: others.join(',') }),
      },
    });
  } else if (!onlyThumbprints && REMOVAL_ASKED.test(paste)) {
    // A listing shows the old certificate beside its renewal (same subject, the later NotAfter, still
    // valid): the plan moves what the old one served, connectors naming it included, and removes it last.
    const renewedPair = listedRenewal(certificates);
    if (renewedPair)
      findings.push({
        code: 'REMOVAL_ASKED',
        severity: 'info',
        thumbprint: renewedPair.old,
        message: text.finding.removalAskedListed({ old: renewedPair.old, renewed: renewedPair.renewed }),
      });
  } else if (onlyThumbprints) {
    for (const tp of lone) {
      findings.push({
        code: 'THUMBPRINT_ONLY',
        severity: 'info',
        thumbprint: tp.value,
        message: text.finding.thumbprintOnly({ thumbprint: tp.value }),
      });
      plans.push({ plan: 'identify-thumbprint', values: { thumbprint: tp.value } });
    }
  }

  const named = [...new Set(events.map((e) => e.fqdn).filter((f): f is string => !!f && f.includes('.')))];
  const withNames = certificates.filter((c) => c.domains.length > 0 && c.source !== 'event');
  if (withNames.length > 0) {
    const all = withNames.flatMap((c) => c.domains);
    for (const fqdn of named.filter((f) => !covers(all, f))) {
      findings.push({
        code: 'DOMAIN_MISMATCH',
        severity: 'critical',
        message: text.finding.domainMismatch({ fqdn, names: all.join(', ') }),
      });
    }
  }

  // A pending request has no dates of its own, and a table that dates its other rows has the column.
  const table = certificates.filter((c) => c.source === 'exchange-table');
  const undated = table.some((c) => c.notAfter)
    ? []
    : table.filter((c) => !c.notAfter && c.status !== 'PendingRequest');
  if (undated.length > 0) {
    findings.push({
      code: 'EXPIRY_UNKNOWN',
      severity: 'info',
      message: text.finding.noDates({ count: undated.length }),
    });
    plans.push({ plan: 'list-with-dates', values: {} });
  }

  for (const cert of certificates.filter((c) => c.estimated && c.notAfter && (c.daysLeft ?? 0) > 30)) {
    findings.push({
      code: 'EXPIRY_NOTICE',
      severity: 'info',
      ...(cert.thumbprint && { thumbprint: cert.thumbprint }),
      message: text.finding.expiryNotice({
        name: cert.subject
          ? displayName(cert)
          : text.internalTransportCertificate(shortThumbprint(cert.thumbprint ?? '')),
        when: countdown({ ...cert, notAfter: cert.notAfter ?? '' }),
      }),
    });
  }

  const auth = evidence.authConfig;
  const authCert = certificates.find(
    (c) => c.role === 'auth' && (!auth?.currentThumbprint || c.thumbprint === auth.currentThumbprint),
  );
  if (auth && !auth.nextThumbprint && authCert && (authCert.daysLeft ?? Number.POSITIVE_INFINITY) <= 60) {
    findings.push({
      code: 'AUTH_CERT_PROBLEM',
      severity: 'warning',
      ...(authCert.thumbprint && { thumbprint: authCert.thumbprint }),
      // An Auth certificate that has already expired is the outage itself: said first.
      message: text.finding.authNextMissing(
        authCert.notAfter && (authCert.daysLeft ?? 0) < 0
          ? { expired: countdown({ ...authCert, notAfter: authCert.notAfter }) }
          : {},
      ),
    });
    // Not expired yet: the next one is staged now, whether or not the expiry is already close enough
    // for its own warning (which asks for the same plan; the steps are given once).
    if ((authCert.daysLeft ?? -1) >= 0)
      plans.push({
        plan: 'auth-stage-next',
        values: { ...(authCert.thumbprint && { thumbprint: authCert.thumbprint }) },
      });
  }

  // An expired Auth certificate listed without Get-AuthConfig may still be the current one: said as
  // the OAuth outage it would be, beside its expiry (the Auth plan asks Get-AuthConfig first).
  if (!auth) {
    for (const cert of certificates.filter((c) => c.role === 'auth' && c.notAfter && (c.daysLeft ?? 0) < 0)) {
      findings.push({
        code: 'AUTH_CERT_PROBLEM',
        severity: 'warning',
        ...(cert.thumbprint && { thumbprint: cert.thumbprint }),
        message: text.finding.authExpiredListed({
          name: shortThumbprint(cert.thumbprint ?? '') || displayName(cert),
          when: countdown({ ...cert, notAfter: cert.notAfter ?? '' }),
        }),
      });
    }
  }

  for (const note of evidence.notes) {
    if (note.code === 'date-ambiguous') {
      // The check names the certificate and the servers the paste lists it on, each asked on its own.
      const servers = certificates.find((c) => c.thumbprint && c.thumbprint === note.thumbprint)?.servers ?? [];
      findings.push({
        code: 'DATE_AMBIGUOUS',
        severity: 'info',
        ...(note.thumbprint && { thumbprint: note.thumbprint }),
        message: text.finding.dateAmbiguous({
          detail: (note.detail ?? '').replace(/\.\s*$/, ''),
          ...(note.thumbprint && { thumbprint: note.thumbprint }),
          servers,
        }),
      });
    } else if (note.code === 'unreadable-certificate') {
      findings.push({ code: 'UNREADABLE_CERTIFICATE', severity: 'warning', message: text.finding.unreadable() });
    } else if (note.code === 'rest-skipped') {
      const read = /^(certificates|thumbprints|events|records): first (\d+)/.exec(note.detail ?? '');
      if (read?.[1] && read[2]) {
        const what = read[1] as 'certificates' | 'thumbprints' | 'events' | 'records';
        findings.push({
          code: 'INPUT_TRUNCATED',
          severity: 'info',
          message: text.finding.restSkipped({ what, read: Number(read[2]) }),
        });
      }
    } else if (note.code === 'damaged-thumbprint') {
      const id = /^event (\d+)/.exec(note.detail ?? '')?.[1];
      const listing = /^listing: (.*)$/s.exec(note.detail ?? '');
      const table = /^table: (.*)$/s.exec(note.detail ?? '');
      const name = (dn: string) => commonName(dn) ?? (dn || '?');
      findings.push({
        code: 'THUMBPRINT_DAMAGED',
        severity: 'warning',
        message: table
          ? text.finding.cutTableThumbprint({ name: name(table[1] ?? '') })
          : listing
            ? text.finding.damagedListing({ name: name(listing[1] ?? '') })
            : text.finding.damagedThumbprint({ id: Number(id ?? 0) }),
      });
    } else if (note.code === 'empty-exchange-fields') {
      findings.push({ code: 'AUTH_CERT_PROBLEM', severity: 'warning', message: text.finding.emptyExchangeFields() });
      plans.push({ plan: 'auth-renew', values: {} });
    }
  }

  const recognised =
    events.length + certificates.length + evidence.thumbprints.length + evidence.symptoms.length + evidence.privateKeys;
  if (recognised === 0 && !evidence.notes.some((n) => n.code === 'unreadable-certificate')) {
    findings.push({ code: 'UNRECOGNIZED_INPUT', severity: 'info', message: text.finding.unrecognized() });
  }
  return { findings, plans };
}

/** The one subject listed twice: the earlier certificate and its renewal, which must still be valid. */
function listedRenewal(certificates: readonly CertificateFacts[]): { old: string; renewed: string } | undefined {
  const bySubject = new Map<string, CertificateFacts[]>();
  for (const c of certificates) {
    if (!c.thumbprint || c.daysLeft === undefined || !c.subject) continue;
    const key = c.subject.toLowerCase();
    const same = bySubject.get(key) ?? [];
    if (!same.some((x) => x.thumbprint === c.thumbprint)) same.push(c);
    bySubject.set(key, same);
  }
  const pairs = [...bySubject.values()].filter((same) => same.length === 2);
  if (pairs.length !== 1) return undefined;
  const [a, b] = (pairs[0] ?? []).toSorted((x, y) => (x.daysLeft ?? 0) - (y.daysLeft ?? 0));
  if (!a?.thumbprint || !b?.thumbprint || (b.daysLeft ?? -1) < 0 || a.daysLeft === b.daysLeft) return undefined;
  return { old: a.thumbprint, renewed: b.thumbprint };
}
