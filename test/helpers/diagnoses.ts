import type { DiagnoseOptions, Diagnosis, Language, Step } from '../../src/core/model.js';

/**
 * A stand-in for the diagnosis core with the contract's shape, so the Slack tests exercise rich
 * replies while the real core is being written. It keys on what a real paste would contain.
 */

export const TRANSPORT_THUMBPRINT = '3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C';
export const KEY_BODY = 'MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDUoI5cFtXo0HE0';

export const PASTE_12015 = `Event Type:\tWarning
Event Source:\tMSExchangeTransport
Event ID:\t12015
Computer:\tHUB01
Description:
An internal transport certificate expired. Thumbprint:${TRANSPORT_THUMBPRINT}`;

export const PASTE_WITH_KEY = `${PASTE_12015}
-----BEGIN PRIVATE KEY-----
${KEY_BODY}
-----END PRIVATE KEY-----`;

export const PASTE_JA = `イベント ID: 12015\n説明: 内部トランスポート証明書の有効期限が切れました。拇印:${TRANSPORT_THUMBPRINT}`;

function steps(lang: Language, count: number): Step[] {
  return Array.from({ length: count }, (_, i) => ({
    title: lang === 'ja' ? `手順 ${i + 1}: 新しい証明書を作成します` : `Step ${i + 1}: create a new certificate`,
    role: 'hub',
    server: 'HUB01',
    why: lang === 'ja' ? 'STARTTLS を復旧するため' : 'STARTTLS is down until a valid certificate is enabled',
    command: `New-ExchangeCertificate -DomainName HUB01.contoso.local -Services SMTP # ${i + 1}`,
  }));
}

export function transportDiagnosis(lang: Language, now: Date, stepCount = 3): Diagnosis {
  return {
    inputKinds: ['event'],
    events: [
      {
        id: 12015,
        source: 'MSExchangeTransport',
        level: 'warning',
        thumbprint: TRANSPORT_THUMBPRINT,
        computer: 'HUB01',
      },
    ],
    certificates: [
      {
        thumbprint: TRANSPORT_THUMBPRINT,
        subject: 'CN=HUB01',
        issuer: 'CN=HUB01',
        domains: ['HUB01', 'HUB01.contoso.local'],
        notAfter: '2026-10-01T08:12:00.000Z',
        daysLeft: -58,
        selfSigned: true,
        source: 'event',
      },
    ],
    thumbprints: [TRANSPORT_THUMBPRINT],
    findings: [
      {
        code: 'TRANSPORT_CERT_EXPIRED',
        severity: 'critical',
        thumbprint: TRANSPORT_THUMBPRINT,
        message:
          lang === 'ja' ? '内部トランスポート証明書が期限切れです' : 'The internal transport certificate expired.',
      },
    ],
    steps: steps(lang, stepCount),
    language: lang,
    summary: lang === 'ja' ? 'HUB01 のトランスポート証明書が期限切れです' : 'Transport certificate expired on HUB01',
    severity: 'critical',
    exchangeVersion: '2007',
    references: ['KB 953354'],
    notes: [],
    now: now.toISOString(),
  };
}

export function unrecognized(lang: Language, now: Date): Diagnosis {
  return {
    inputKinds: ['unknown'],
    events: [],
    certificates: [],
    thumbprints: [],
    findings: [{ code: 'UNRECOGNIZED_INPUT', severity: 'info', message: 'Not recognised.' }],
    steps: [],
    language: lang,
    summary: 'Nothing recognised',
    severity: 'info',
    exchangeVersion: 'unknown',
    references: [],
    notes: [],
    now: now.toISOString(),
  };
}

/** `stepCount` steps for 12015 pastes (long plans test "Show all steps"). */
export function fakeDiagnose(stepCount = 3) {
  return (text: string, options: DiagnoseOptions): Diagnosis => {
    const lang = options.lang ?? (/[\u3040-\u30ff]/.test(text) ? 'ja' : (options.defaultLanguage ?? 'en'));
    if (!/12015/.test(text)) return unrecognized(lang, options.now);
    const diagnosis = transportDiagnosis(lang, options.now, stepCount);
    if (/PRIVATE KEY-----/.test(text)) {
      diagnosis.inputKinds.push('private-key');
      diagnosis.findings.unshift({
        code: 'PRIVATE_KEY_IN_INPUT',
        severity: 'critical',
        message: 'A private key was pasted.',
      });
    }
    return diagnosis;
  };
}
