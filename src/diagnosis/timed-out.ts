import { diagnosisText } from '../core/i18n/diagnosis-text.js';
import type { DiagnoseOptions, Diagnosis, Finding, Language } from '../core/model.js';
import { looksJapanese } from '../core/normalize.js';

const SEVERITY_RANK = { critical: 3, warning: 2, info: 1, ok: 0 } as const;

/**
 * A finite set of key labels (no nested quantifier): counting keys must stay linear on exactly the
 * pastes that were too slow to read.
 */
const PRIVATE_KEY_HEADER = /-----BEGIN (?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY-----/g;

export interface TimedOutInput {
  /** The whole paste, only scanned for private-key headers and its language. */
  text: string;
  options: DiagnoseOptions;
  budgetMs: number;
  /** Not read at all: too many long pastes were already waiting for a thread. */
  busy?: boolean;
  /** The diagnosis of the paste's beginning, when that could be read in time. */
  partial?: { diagnosis: Diagnosis; bytes: number };
}

/**
 * The answer for a paste that could not be read within its budget (or not at all, when too many
 * were waiting): INPUT_TIMED_OUT first, then
 * what the beginning of the paste showed. A private key anywhere in the paste is still reported,
 * so the adapters keep warning and never store or re-post it.
 */
export function timedOutDiagnosis({ text, options, budgetMs, busy, partial }: TimedOutInput): Diagnosis {
  const base = partial?.diagnosis;
  const language: Language =
    base?.language ?? options.lang ?? (looksJapanese(text.slice(0, 8192)) ? 'ja' : (options.defaultLanguage ?? 'en'));
  const t = diagnosisText[language];
  const keys = text.match(PRIVATE_KEY_HEADER)?.length ?? 0;
  const earlier = base?.findings.filter((f) => f.code !== 'UNRECOGNIZED_INPUT') ?? [];
  const keyFindings: Finding[] = earlier.filter((f) => f.code === 'PRIVATE_KEY_IN_INPUT');
  if (keys > 0 && keyFindings.length === 0) {
    keyFindings.push({
      code: 'PRIVATE_KEY_IN_INPUT',
      severity: 'critical',
      message: t.finding.privateKey({ count: keys }),
    });
  }
  const timedOut: Finding = {
    code: 'INPUT_TIMED_OUT',
    severity: 'warning',
    message: busy
      ? t.finding.busy()
      : t.finding.timedOut({
          seconds: Math.round(budgetMs / 100) / 10,
          ...(partial && { readKiB: Math.max(1, Math.round(partial.bytes / 1024)) }),
        }),
  };
  const findings = [...keyFindings, timedOut, ...earlier.filter((f) => f.code !== 'PRIVATE_KEY_IN_INPUT')];
  const severity = findings.reduce<Diagnosis['severity']>(
    (worst, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst] ? f.severity : worst),
    'ok',
  );
  // The beginning's own verdict stays when it found something that needs doing; otherwise the
  // verdict is that the paste was not read, never "fine".
  const keepVerdict = earlier.some((f) => f.severity !== 'info' && f.code !== 'PRIVATE_KEY_IN_INPUT');
  const inputKinds = new Set(base?.inputKinds.filter((k) => k !== 'unknown') ?? []);
  if (keyFindings.length > 0) inputKinds.add('private-key');
  return {
    inputKinds: inputKinds.size > 0 ? [...inputKinds] : ['unknown'],
    events: base?.events ?? [],
    certificates: base?.certificates ?? [],
    thumbprints: base?.thumbprints ?? [],
    findings,
    steps: base?.steps ?? [],
    language,
    summary:
      base && keepVerdict
        ? base.summary
        : t.headline.INPUT_TIMED_OUT({ name: '', when: '', server: '', fqdn: '', id: 0 }),
    severity,
    exchangeVersion: base?.exchangeVersion ?? 'unknown',
    references: base?.references ?? [],
    notes: base?.notes ?? [],
    now: base?.now ?? options.now.toISOString(),
  };
}
