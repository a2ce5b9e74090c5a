import { urgency } from '../core/countdown.js';
import { diagnosisText } from '../core/i18n/diagnosis-text.js';
import { localCountdown } from '../core/i18n/local-time.js';
import { reportText, stepPlace } from '../core/i18n/report-text.js';
import type { Diagnosis, Language, Severity } from '../core/model.js';
import { servicesPerServer } from '../core/server-services.js';
import { terminalSafe as safe } from './terminal-safe.js';

/**
 * The human-readable `certcheck diagnose` report: verdict, countdowns, findings, numbered steps.
 * Every value from the diagnosis passes through `safe` before it is painted: it may carry text
 * from the paste, and only the report's own colours may reach the terminal.
 */
export function renderReport(diagnosis: Diagnosis, options: { color: boolean; timeZone: string }): string {
  const paint = painter(options.color);
  const label = LABELS[diagnosis.language];
  // The same words as the Slack reply: one vocabulary for both surfaces.
  const ui = reportText[diagnosis.language];
  const out: string[] = [];
  const mark = diagnosis.severity === 'ok' ? paint.green('✔') : SEVERITY_MARK[diagnosis.severity](paint);
  const now = new Date(diagnosis.now);
  out.push(`${mark} ${paint.bold(safe(diagnosis.summary))}`);
  for (const event of diagnosis.events) {
    const parts = [
      event.source,
      `${label.event} ${event.id}`,
      event.level && LEVELS[diagnosis.language][event.level],
      event.computer,
    ].filter(Boolean);
    out.push(paint.dim(`  ${safe(parts.join(' · '))}`));
  }
  if (diagnosis.certificates.length > 0) {
    out.push('', paint.bold(label.certificates));
    for (const cert of diagnosis.certificates) {
      // Only a certificate known from a transport event (12017) is the internal one by definition.
      const name =
        cert.subject ||
        cert.domains[0] ||
        cert.friendlyName ||
        (cert.thumbprint && cert.source === 'event' && !cert.stated
          ? diagnosisText[diagnosis.language].internalTransportCertificate(cert.thumbprint)
          : (cert.thumbprint ?? '?'));
      // A pending request has dates but is no certificate yet: nothing to count down.
      const when =
        cert.status === 'PendingRequest'
          ? label.pending
          : cert.notAfter
            ? localCountdown(cert.notAfter, now, diagnosis.language, options.timeZone, cert.localTime === true)
            : label.noDate;
      const colour = cert.daysLeft === undefined ? paint.dim : BAND_COLOUR[urgency(cert.daysLeft)](paint);
      const estimated = cert.stated ? label.stated : cert.estimated ? label.estimated : undefined;
      out.push(`  ${safe(name)}${estimated ? ` ${estimated}` : ''}`);
      out.push(`    ${colour(when)}`);
      // One certificate on several servers, enabled for different services on each: said per server.
      const perServer = servicesPerServer(diagnosis, cert);
      const facts = [
        // Two servers' certificates of one name are told apart by where they are.
        cert.servers?.length ? `📍 ${perServer ?? cert.servers.slice(0, 3).join(', ')}` : undefined,
        cert.thumbprint,
        !perServer && cert.services?.length ? cert.services.join(',') : undefined,
        cert.keyAlgorithm && `${cert.keyAlgorithm}${cert.keySize ? ` ${cert.keySize}` : ''}`,
        cert.signatureHash,
        cert.selfSigned ? label.selfSigned : undefined,
      ].filter(Boolean);
      if (facts.length) out.push(paint.dim(`    ${safe(facts.join(' · '))}`));
    }
  }
  if (diagnosis.findings.length > 0) {
    out.push('', paint.bold(ui.whatIsWrong));
    for (const finding of diagnosis.findings) {
      out.push(
        `  ${SEVERITY_MARK[finding.severity](paint)} ${safe(finding.message)} ${paint.dim(`[${finding.code}]`)}`,
      );
    }
  }
  if (diagnosis.steps.length > 0) {
    out.push('', paint.bold(ui.fix));
    diagnosis.steps.forEach((step, index) => {
      out.push(`  ${index + 1}. ${safe(step.title)}`);
      const where = stepPlace(step, diagnosis.language);
      if (where) out.push(paint.dim(`     📍 ${safe(where)}`));
      if (step.why) out.push(paint.dim(`     ${safe(step.why)}`));
      if (step.command) for (const line of safe(step.command).split('\n')) out.push(`       ${paint.cyan(line)}`);
    });
  }
  if (diagnosis.references.length > 0)
    out.push('', paint.dim(`${label.references}: ${safe(diagnosis.references.join(' · '))}`));
  for (const note of diagnosis.notes) out.push(paint.dim(safe(note)));
  return `${out.join('\n')}\n`;
}

interface Paint {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
}

function painter(color: boolean): Paint {
  const wrap = (code: number) => (s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return { bold: wrap(1), dim: wrap(2), red: wrap(31), yellow: wrap(33), green: wrap(32), cyan: wrap(36) };
}

const SEVERITY_MARK: Record<Severity, (p: Paint) => string> = {
  critical: (p) => p.red('✖'),
  warning: (p) => p.yellow('▲'),
  info: (p) => p.cyan('ℹ'),
};

const BAND_COLOUR = {
  expired: (p: Paint) => p.red,
  critical: (p: Paint) => p.red,
  soon: (p: Paint) => p.yellow,
  fine: (p: Paint) => p.green,
} as const;

const LABELS: Record<
  Language,
  Record<'event' | 'certificates' | 'references' | 'noDate' | 'pending' | 'estimated' | 'stated' | 'selfSigned', string>
> = {
  en: {
    event: 'event',
    certificates: 'Certificates',
    references: 'References',
    noDate: 'no expiry date in this paste',
    pending: 'a pending request (CSR): no certificate yet',
    estimated: '(expiry estimated from the event)',
    stated: '(expiry as given in the message, not read from the certificate)',
    selfSigned: 'self-signed',
  },
  ja: {
    event: 'イベント',
    certificates: '証明書',
    references: '参考資料',
    noDate: 'この貼り付けには有効期限がありません',
    pending: '保留中の要求 (CSR) です。まだ証明書ではありません',
    estimated: '(有効期限はイベントからの推定)',
    stated: '(有効期限はメッセージの記述から。証明書からは読み取っていません)',
    selfSigned: '自己署名',
  },
};

const LEVELS: Record<Language, Record<'error' | 'warning' | 'information', string>> = {
  en: { error: 'error', warning: 'warning', information: 'information' },
  ja: { error: 'エラー', warning: '警告', information: '情報' },
};

