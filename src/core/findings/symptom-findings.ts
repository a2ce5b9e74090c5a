import { formatDate } from '../countdown.js';
import { sameDistinguishedName } from '../facts/dn-compare.js';
import type { DiagnosisText } from '../i18n/diagnosis-text.js';
import { responseText } from '../i18n/response-text.js';
import type { CertificateFacts } from '../model.js';
import type { Symptom } from '../recognize/evidence.js';
import { commonName, shortThumbprint } from './certificate-findings.js';
import type { Judgement } from './judgement.js';
import { judgeNameMismatch } from './name-mismatch-findings.js';
import { overwriteNewKind } from './overwrite-kind.js';

const AUTH_SYMPTOMS: Partial<Record<Symptom['id'], { en: string; ja: string }>> = {
  'owa-proxy-1003': {
    en: 'OWA/ECP fails with event 1003 (FbaModule.ParseCadataCookies).',
    ja: 'OWA/ECP がイベント 1003 (FbaModule.ParseCadataCookies) で失敗しています。',
  },
  'hmac-provider-assert': {
    en: 'OWA/ECP fails with the HMACProvider.GetCertificates assert (no protection certificate).',
    ja: 'OWA/ECP が HMACProvider.GetCertificates のアサートで失敗しています (保護用の証明書がありません)。',
  },
  'hcw-oauth-missing-cert': {
    en: 'The Hybrid Configuration Wizard cannot find the authorization certificate that AuthConfig names.',
    ja: 'ハイブリッド構成ウィザードが、AuthConfig が指定する承認用証明書を見つけられません。',
  },
  'queue-viewer-constraints': {
    en: 'Queue Viewer fails with "Failed to enable constraints" (known after the November 2023 SU).',
    ja: 'キュー ビューアーが "Failed to enable constraints" で失敗しています (2023 年 11 月の SU 以降の既知の問題)。',
  },
};

/**
 * Another listed certificate for a name the keyless one carries, ending before it: the one it
 * replaces, which stays until the new one is enabled. Without one there is no old certificate to keep.
 */
function olderWithSameName(certificates: readonly CertificateFacts[], thumbprint: string | undefined): boolean {
  const keyless = certificates.find((c) => c.thumbprint === thumbprint);
  if (!keyless) return false;
  const names = new Set([commonName(keyless.subject), ...keyless.domains].filter(Boolean).map((n) => n?.toLowerCase()));
  const until = Date.parse(keyless.notAfter ?? '');
  return certificates.some(
    (c) =>
      c.thumbprint !== thumbprint &&
      [commonName(c.subject), ...c.domains].some((n) => n && names.has(n.toLowerCase())) &&
      !(Date.parse(c.notAfter ?? '') >= until),
  );
}

/**
 * The listed certificate Setup's log names by its issuer and its last valid moment: the log and the
 * listing print the same local time, so they agree to the minute.
 */
function setupCertificate(
  certificates: readonly CertificateFacts[],
  validUntil: string,
  issuer: string | undefined,
): CertificateFacts | undefined {
  const until = Date.parse(validUntil);
  const matching = certificates.filter(
    (c) =>
      c.thumbprint &&
      c.notAfter &&
      Math.abs(Date.parse(c.notAfter) - until) <= 90_000 &&
      (!issuer || !c.issuer || sameDistinguishedName(c.issuer, issuer)),
  );
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * The certificate a "not enabled for SMTP" refusal is about, when the paste shows it: valid, issued by
 * a CA, without SMTP; the one expiring last when several are. Undefined when none or the paste
 * shows no services.
 */
function notEnabledForSmtp(certificates: readonly CertificateFacts[]): CertificateFacts | undefined {
  const candidates = certificates.filter(
    (c) =>
      c.thumbprint &&
      c.services !== undefined &&
      !c.services.includes('SMTP') &&
      c.selfSigned !== true &&
      !AUTH_SUBJECT.test(c.subject) &&
      (c.daysLeft === undefined || c.daysLeft >= 0),
  );
  return candidates.sort((a, b) => (b.notAfter ?? '').localeCompare(a.notAfter ?? ''))[0];
}

const AUTH_SUBJECT = /Microsoft\s+Exchange\s+Server\s+Auth\s+Certificate/i;

/** Findings for error lines that point at a certificate without being an event. */
export function judgeSymptom(
  symptom: Symptom,
  text: DiagnosisText,
  language: 'en' | 'ja',
  /**
   * A STARTTLS event (12014/12016) in the same paste already brings its plan; `nameOf` names a
   * certificate the paste also lists (its CN) rather than by thumbprint.
   */
  context: {
    starttlsEvent: boolean;
    nameOf?: (thumbprint: string) => string | undefined;
    /** The pasted certificates: a name-mismatch alert is judged against the one serving IIS. */
    certificates?: readonly CertificateFacts[];
    /** The paste shows a transport certificate problem on this server (any server when none is named). */
    certificateCause?: (server?: string) => boolean;
    /** The paste shows only the internal transport certificate to renew (12015, 12017): its new one is self-signed. */
    internalRenewalOnly?: boolean;
  } = { starttlsEvent: false },
): Judgement {
  const findings: Judgement['findings'] = [];
  const plans: Judgement['plans'] = [];
  const thumbprint = symptom.values.thumbprint;
  const tp = thumbprint ? { thumbprint } : {};
  const auth = AUTH_SYMPTOMS[symptom.id];
  if (auth) {
    findings.push({
      code: 'AUTH_CERT_PROBLEM',
      severity: 'critical',
      ...tp,
      message: text.finding.authCert({ symptom: auth[language] }),
    });
    if (symptom.id === 'hcw-oauth-missing-cert') plans.push({ plan: 'auth-check-thumbprint', values: { ...tp } });
    plans.push({ plan: 'auth-renew', values: {} });
    return { findings, plans };
  }
  switch (symptom.id) {
    case 'send-connector-tls-name-missing':
      findings.push({
        code: 'TLS_CERTIFICATE_NAME_MISSING',
        severity: 'critical',
        message: text.finding.sendConnectorPinMissing(),
      });
      plans.push({
        plan: 'send-connector-pin',
        values: {
          ...(symptom.values.queue && { queue: symptom.values.queue }),
          ...(symptom.values.nextHopDomain && { nextHopDomain: symptom.values.nextHopDomain }),
        },
      });
      break;
    case 'starttls-required-451':
      findings.push({
        code: 'STARTTLS_CERT_MISSING',
        severity: 'critical',
        message: text.finding.starttlsRequired451(),
      });
      // Exchange Online reaches on-premises through the Default Frontend connector, which pins its certificate.
      if (!context.starttlsEvent) {
        plans.push({
          plan: 'starttls-pinned',
          values: { ...(symptom.values.fqdn && { fqdn: symptom.values.fqdn }) },
          source: 'MSExchangeFrontEndTransport',
        });
      }
      break;
    case 'edge-exchange-auth-451':
      findings.push({
        code: 'EDGE_SUBSCRIPTION_STALE',
        severity: 'critical',
        message: text.finding.edgeAuth451({ queue: symptom.values.queue ?? text.unknownServer }),
      });
      plans.push({
        plan: 'edge-resubscribe-stale',
        values: {
          ...(symptom.values.queue && { queue: symptom.values.queue }),
          ...(symptom.values.server && { server: symptom.values.server }),
        },
      });
      break;
    case 'tls-no-credentials': {
      const connector = symptom.values.sendConnector;
      const fqdn = symptom.values.fqdn;
      if (connector) {
        findings.push({
          code: 'TLS_CERTIFICATE_NAME_MISSING',
          severity: 'critical',
          message: text.finding.sendNoCredentials({ connector, error: symptom.values.error ?? 'NoCredentials' }),
        });
        const queue = symptom.values.queue;
        plans.push({
          plan: 'send-connector-pin',
          values: { connector, ...(fqdn && { fqdn }), ...(queue && { queue }) },
        });
      } else {
        findings.push({
          code: 'STARTTLS_CERT_MISSING',
          severity: 'critical',
          message: text.finding.tlsNoCredentials(),
        });
        if (!context.starttlsEvent)
          plans.push({ plan: 'starttls-missing', values: { ...(fqdn && { fqdn, domains: fqdn }) } });
      }
      break;
    }
    case 'setup-certificate-expired': {
      const { issuer, validUntil } = symptom.values;
      // The log's "signed by … valid … until …" names a listed certificate: its renewal is that certificate's own.
      const cert = validUntil ? setupCertificate(context.certificates ?? [], validUntil, issuer) : undefined;
      const name = cert ? (commonName(cert.subject) ?? cert.thumbprint) : undefined;
      findings.push({
        code: 'CERT_EXPIRED',
        severity: 'critical',
        ...(cert?.thumbprint && { thumbprint: cert.thumbprint }),
        message: text.finding.setupCertExpired({
          ...(issuer && { issuer: commonName(issuer) ?? issuer }),
          site: symptom.values.site ?? 'IIS',
          ...(validUntil && { until: formatDate(validUntil, language) }),
          ...(name && { name }),
        }),
      });
      plans.push({ plan: 'setup-cert-expired', values: cert?.thumbprint ? { thumbprint: cert.thumbprint } : {} });
      break;
    }
    case 'smtp-overwrite-prompt': {
      // A question about the prompt beside 12015/12017 with no CA certificate to renew: the new
      // certificate is the server's own self-signed one, so the answer is Y and the renewal's own step
      // says so; no decision tree about a certificate that no step has made yet.
      if (!symptom.values.newThumbprint && context.internalRenewalOnly) {
        findings.push({
          code: 'SMTP_OVERWRITE_PROMPT',
          severity: 'info',
          message: text.finding.smtpOverwritePrompt({ kind: 'self-signed', answer: 'Y' }),
        });
        break;
      }
      const { newThumbprint, currentThumbprint } = symptom.values;
      const { kind, copyOf } = overwriteNewKind(symptom.values, context.certificates ?? []);
      const typed = symptom.values.promptAnswer;
      const answer: 'Y' | 'N' = kind === 'self-signed' ? 'Y' : 'N';
      const source = copyOf ? context.certificates?.find((c) => c.thumbprint === copyOf) : undefined;
      findings.push({
        code: 'SMTP_OVERWRITE_PROMPT',
        // A self-signed copy of a CA certificate is a mistake to undo, not a question to answer.
        severity: kind === 'ca-copy' ? 'warning' : 'info',
        ...(newThumbprint && { thumbprint: newThumbprint }),
        message: text.finding.smtpOverwritePrompt({
          ...(kind && { kind, answer }),
          ...(kind && (typed === 'Y' || typed === 'N') && { typed }),
          ...(newThumbprint && { newCert: shortThumbprint(newThumbprint) }),
          ...(currentThumbprint && { current: shortThumbprint(currentThumbprint) }),
          ...(copyOf && { copyOf: shortThumbprint(copyOf) }),
          ...(source && { copyName: commonName(source.subject) ?? source.subject }),
        }),
      });
      plans.push({
        plan: 'smtp-overwrite-answer',
        values: {
          ...(newThumbprint && { newThumbprint }),
          ...(currentThumbprint && { thumbprint: currentThumbprint }),
          ...(kind && { overwriteNew: kind }),
          ...((typed === 'Y' || typed === 'N') && { promptAnswer: typed }),
          ...(copyOf && { copyOf }),
        },
      });
      break;
    }
    case 'imap-pop-subject-not-fqdn': {
      const v = symptom.values;
      findings.push({
        code: 'IMAP_POP_CERTIFICATE_NAME',
        severity: 'warning',
        ...tp,
        message:
          v.reported === 'yes'
            ? text.finding.imapPopNameReported({
                protocols: (v.protocols ?? 'IMAP').replace(',', '/'),
                ...((v.imapFqdn ?? v.popFqdn) && { fqdn: v.imapFqdn ?? v.popFqdn }),
              })
            : text.finding.imapPopName({
                protocols: (v.protocols ?? 'IMAP').replace(',', '/'),
                subject: v.subject ?? v.thumbprint ?? '?',
                ...(v.x509Name && { current: v.x509Name }),
                ...((v.imapFqdn ?? v.popFqdn) && { fqdn: v.imapFqdn ?? v.popFqdn }),
              }),
      });
      // No thumbprint in the plan: the certificate stays; only the name IMAP and POP look it up by changes.
      plans.push({
        plan: 'imap-pop-certificate-name',
        values: {
          mailProtocols: v.protocols || 'IMAP',
          ...(v.server && { server: v.server }),
          ...(v.imapFqdn && { fqdn: v.imapFqdn }),
          ...(v.popFqdn && { popFqdn: v.popFqdn }),
        },
      });
      break;
    }
    case 'server-auth-eku-missing': {
      const { server, services } = symptom.values;
      findings.push({
        code: 'SERVER_AUTH_EKU_MISSING',
        severity: 'warning',
        ...tp,
        message: text.finding.serverAuthEkuMissing({
          ...(thumbprint && { name: context.nameOf?.(thumbprint) ?? thumbprint }),
          ...(server && { server }),
        }),
      });
      // A new certificate through the CA: the request keeps the names, the CA's template gives the EKU.
      plans.push({
        plan: 'ca-renew',
        values: { ...tp, ekuMissing: 'yes', ...(server && { server }), ...(services && { services }) },
      });
      break;
    }
    case 'private-key-missing': {
      const { server, requestServer, services } = symptom.values;
      findings.push({
        code: 'PRIVATE_KEY_MISSING',
        severity: 'warning',
        ...tp,
        message: text.finding.privateKeyMissing({
          ...(thumbprint && { name: context.nameOf?.(thumbprint) ?? thumbprint }),
          ...(server && { server }),
          ...(requestServer && { requestServer }),
          ...(symptom.values.via === 'certutil' && { certutil: true }),
          oldShown: olderWithSameName(context.certificates ?? [], thumbprint),
        }),
      });
      plans.push({
        plan: 'private-key-missing',
        values: {
          ...tp,
          ...(server && { server }),
          ...(requestServer && { requestServer }),
          ...(services && { services }),
        },
      });
      break;
    }
    case 'certificate-name-mismatch':
      return judgeNameMismatch(symptom, text, context.certificates ?? []);
    case 'remote-cert-validation': {
      const { peer, queue, server, nextHopDomain } = symptom.values;
      findings.push({
        code: 'REMOTE_CERT_VALIDATION_FAILED',
        severity: 'warning',
        message: responseText[language].remoteValidation({
          ...(peer && { peer }),
          ...(nextHopDomain && { domain: nextHopDomain }),
          ...(queue && { queue }),
        }),
      });
      // Nothing local changes: the plan looks at the next hop and at this server's reach to its CRL.
      plans.push({
        plan: 'remote-cert-validation',
        values: { ...(peer && { peer }), ...(queue && { queue }), ...(server && { server }) },
      });
      break;
    }
    case 'smtp-socket-error': {
      const { peer, queue, server, nextHopDomain, response } = symptom.values;
      // A certificate problem of the queue's own server explains the dropped connection: never "not a
      // certificate problem" beside it, and the queue is retried after the fix, not probed before it.
      if (context.certificateCause?.(server)) {
        findings.push({
          code: 'SMTP_CONNECTION_FAILED',
          severity: 'info',
          message: responseText[language].connectionAfterCertificate({
            ...(peer && { peer }),
            ...(server && { server }),
            response: response ?? '421 4.4.2',
          }),
        });
        plans.push({
          plan: 'smtp-queue-after-fix',
          values: { ...(peer && { peer }), ...(queue && { queue }), ...(server && { server }) },
        });
        break;
      }
      findings.push({
        code: 'SMTP_CONNECTION_FAILED',
        severity: 'info',
        message: responseText[language].connectionDropped({
          ...(peer && { peer }),
          ...(nextHopDomain && { domain: nextHopDomain }),
          response: response ?? '421 4.4.2',
        }),
      });
      plans.push({
        plan: 'smtp-connection-dropped',
        values: { ...(peer && { peer }), ...(queue && { queue }), ...(server && { server }) },
      });
      break;
    }
    case 'internal-not-capi': {
      const edge = symptom.values.edge === 'yes';
      findings.push({ code: 'CERT_NOT_CAPI', severity: 'warning', message: responseText[language].notCapi({ edge }) });
      // No thumbprint: the refused certificate is a CA one that may serve IIS, never the one to replace or remove.
      plans.push({ plan: 'internal-transport-renew', values: { internal: 'yes' } });
      break;
    }
    case 'edge-duplicate-direct-trust': {
      const duplicate = symptom.values.duplicate;
      findings.push({
        code: 'EDGE_CERT_DUPLICATE',
        severity: 'warning',
        message: responseText[language].edgeDuplicate({ ...(duplicate && { thumbprint: duplicate }) }),
      });
      // The Hub keeps the certificate: the Edge gets its own, so the shared one is never removed here.
      plans.push({ plan: 'internal-transport-renew', values: { internal: 'yes' } });
      break;
    }
    case 'default-tls-attribute-missing': {
      const server = symptom.values.server;
      findings.push({
        code: 'INTERNAL_TRANSPORT_CERT_MISSING',
        severity: 'warning',
        message: text.finding.internalMissingAd({ server: server ?? text.unknownServer }),
      });
      plans.push({ plan: 'internal-missing-ad', values: { ...(server && { server: server.split('.')[0] }) } });
      break;
    }
    case 'queue-listing-clean':
      findings.push({
        code: 'QUEUES_WITHOUT_ERROR',
        severity: 'info',
        message:
          language === 'ja'
            ? 'Get-Queue の出力にはエラーを報告しているキューがありません (LastError が空です)。キューからは証明書の問題は見えません。メールが滞っている場合は、問題の起きているサーバーで Get-Queue | ? { $_.LastError } | fl Identity,Status,MessageCount,NextHopDomain,LastError の出力と、Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize の出力を貼り付けてください。'
            : 'The Get-Queue output shows no queue reporting an error (LastError is empty): nothing in the queues points at a certificate. If mail is still waiting, paste Get-Queue | ? { $_.LastError } | fl Identity,Status,MessageCount,NextHopDomain,LastError from the server where it waits, and Get-ExchangeCertificate | ft Thumbprint,Services,NotAfter,Subject -AutoSize.',
      });
      break;
    case 'import-already-exists': {
      const server = symptom.values.server;
      findings.push({
        code: 'CERT_ALREADY_IMPORTED',
        severity: 'info',
        ...tp,
        message:
          language === 'ja'
            ? `証明書${thumbprint ? ` ${thumbprint}` : ''}はすでに${server ? ` ${server} の` : ''}ストアにあるため、インポートは不要です。状態と秘密キーを確認し、使う予定のサービスに割り当ててください。`
            : `The certificate${thumbprint ? ` ${thumbprint}` : ''} is already in ${server ? `${server}'s` : 'the server’s'} store, so importing it again is not needed: check its status and private key, and enable it for the services it is meant for.`,
      });
      plans.push({ plan: 'already-imported', values: { ...tp, ...(server && { server }) } });
      break;
    }
    case 'thumbprint-not-found': {
      const server = symptom.values.server;
      findings.push({
        code: 'CERT_NOT_FOUND',
        severity: 'warning',
        ...tp,
        message:
          language === 'ja'
            ? `拇印${thumbprint ? ` ${thumbprint}` : ''}の証明書が${server ? ` ${server}` : 'コマンドレットを実行したサーバー'}にありません。証明書が別のサーバーにあるか、拇印に打ち間違いや見えない文字があります。サーバーごとに一覧し、一覧から拇印をコピーしてください。`
            : `No certificate with the thumbprint${thumbprint ? ` ${thumbprint}` : ''} is on ${server ?? 'the server the cmdlet ran on'}: it is on another server, or the thumbprint was mistyped or carries an invisible character. List the certificates on each server and copy the thumbprint from that listing.`,
      });
      plans.push({ plan: 'thumbprint-not-found', values: { ...tp, ...(server && { server }) } });
      break;
    }
    case 'smtp-not-enabled': {
      // The certificate the wizard was given: a pasted one that is valid and lacks SMTP, the latest such.
      const refused = notEnabledForSmtp(context.certificates ?? []);
      const name = refused?.thumbprint ? (context.nameOf?.(refused.thumbprint) ?? refused.thumbprint) : undefined;
      findings.push({
        code: 'CERT_NOT_ENABLED_FOR_SMTP',
        severity: 'warning',
        ...(refused?.thumbprint && { thumbprint: refused.thumbprint }),
        message: responseText[language].smtpNotEnabled({ ...(name && { name }), hcw: symptom.values.hcw === 'yes' }),
      });
      plans.push({
        plan: 'hcw-enable-smtp',
        values: { ...(refused?.thumbprint && { thumbprint: refused.thumbprint }) },
      });
      break;
    }
    case 'internal-cert-cannot-remove': {
      const server = symptom.values.server;
      findings.push({
        code: 'INTERNAL_CERT_REMOVE_REFUSED',
        severity: 'warning',
        ...tp,
        message:
          language === 'ja'
            ? `Exchange は${thumbprint ? ` ${thumbprint} ` : ''}の削除を拒否しました${server ? ` (${server})` : ''}。この証明書は内部トランスポート証明書です。先にサーバー自身の名前で新しい自己署名証明書を作成し、既定の SMTP 証明書の上書き確認に Y と答えて内部トランスポート証明書にします。その後で古い証明書を削除できます。`
            : `Exchange refused to remove ${thumbprint ?? 'the certificate'}${server ? ` on ${server}` : ''}: it is the internal transport certificate. First make a new self-signed certificate for the server's own names and answer Y to the overwrite prompt, so that it becomes the internal transport certificate; then the old one can be removed.`,
      });
      plans.push({
        plan: 'internal-transport-renew',
        values: { ...tp, ...(symptom.values.server && { server: symptom.values.server }) },
      });
      break;
    }
    default:
      break;
  }
  return { findings, plans };
}
