import type { Diagnosis, DiagnoseOptions } from './model.js';

/** The one entry point of the core: text and `now` in, a Diagnosis out. Never throws on input. */
export function diagnose(text: string, options: DiagnoseOptions): Diagnosis {
  const language = options.lang ?? options.defaultLanguage ?? 'en';
  return {
    inputKinds: ['unknown'],
    events: [],
    certificates: [],
    thumbprints: [],
    findings: [
      { code: 'UNRECOGNIZED_INPUT', severity: 'info', message: `Not recognised (${text.length} characters).` },
    ],
    steps: [],
    language,
    summary: 'Nothing recognised',
    severity: 'info',
    exchangeVersion: 'unknown',
    references: [],
    notes: [],
    now: options.now.toISOString(),
  };
}
