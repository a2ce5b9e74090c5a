import type { Diagnosis } from '../../src/core/model.js';

/** What a sample's NAME.expect.json may demand (samples/README.md); every key optional. */
export interface Expectation {
  about?: string;
  kinds?: string[];
  thumbprints?: string[];
  days?: Record<string, number>;
  notAfter?: Record<string, string>;
  domains?: Record<string, string[]>;
  services?: Record<string, string[]>;
  findings?: string[];
  notFindings?: string[];
  findingsFor?: Record<string, string>;
  notFindingsFor?: Record<string, string>;
  events?: number[];
  eventFields?: Record<string, Record<string, string>>;
  steps?: string[];
  notSteps?: string[];
  language?: string;
  secret?: string[];
  anyFinding?: boolean;
  /** A case certcheck is known to get wrong: the corpus test skips it with this reason. */
  knownIssue?: string;
}

const norm = (s: unknown) =>
  String(s ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** The judge of samples/check-corpus.mjs, as a function: every problem with a diagnosis, or none. */
export function corpusProblems(d: Diagnosis, expect: Expectation, output: string): string[] {
  const problems: string[] = [];
  const cert = (t: string) => d.certificates.find((c) => c.thumbprint === t);
  const allTp = new Set([
    ...d.thumbprints,
    ...d.certificates.map((c) => c.thumbprint),
    ...d.events.map((e) => e.thumbprint),
  ]);
  const codes = d.findings.map((f) => f.code as string);
  const stepText = norm(d.steps.map((s) => `${s.title} ${s.command ?? ''}`).join(' | '));
  for (const k of expect.kinds ?? [])
    if (!(d.inputKinds as string[]).includes(k)) problems.push(`inputKinds lacks ${k}`);
  for (const t of expect.thumbprints ?? []) if (!allTp.has(t)) problems.push(`thumbprint ${t.slice(0, 8)}… not found`);
  for (const [t, n] of Object.entries(expect.days ?? {})) {
    const c = cert(t);
    if (!c || c.daysLeft === undefined || Math.abs(c.daysLeft - n) > 1)
      problems.push(`daysLeft of ${t.slice(0, 8)}… is ${c?.daysLeft}, want ${n}`);
  }
  for (const [t, day] of Object.entries(expect.notAfter ?? {})) {
    const got = Date.parse(cert(t)?.notAfter ?? '');
    if (!(Math.abs(got - Date.parse(`${day}T12:00:00Z`)) <= 36 * 3600e3))
      problems.push(`notAfter of ${t.slice(0, 8)}… is ${cert(t)?.notAfter}, want ${day}`);
  }
  for (const code of expect.findings ?? []) if (!codes.includes(code)) problems.push(`finding ${code} missing`);
  for (const code of expect.notFindings ?? [])
    if (codes.includes(code)) problems.push(`finding ${code} should not be there`);
  for (const [code, t] of Object.entries(expect.findingsFor ?? {})) {
    if (!d.findings.some((f) => f.code === code && f.thumbprint === t))
      problems.push(`no ${code} for ${t.slice(0, 8)}…`);
  }
  for (const [code, t] of Object.entries(expect.notFindingsFor ?? {})) {
    if (d.findings.some((f) => f.code === code && f.thumbprint === t))
      problems.push(`${code} wrongly for ${t.slice(0, 8)}…`);
  }
  for (const [t, names] of Object.entries(expect.domains ?? {})) {
    const have = (cert(t)?.domains ?? []).map(norm);
    for (const x of names) if (!have.includes(norm(x))) problems.push(`domains of ${t.slice(0, 8)}… lack ${x}`);
  }
  for (const [t, services] of Object.entries(expect.services ?? {})) {
    const have = (cert(t)?.services ?? []).map((s) => s.toUpperCase());
    for (const x of services) if (!have.includes(x)) problems.push(`services of ${t.slice(0, 8)}… lack ${x}`);
  }
  for (const id of expect.events ?? [])
    if (!d.events.some((e) => e.id === id)) problems.push(`event ${id} not recognised`);
  for (const [id, fields] of Object.entries(expect.eventFields ?? {})) {
    const evs = d.events.filter((e) => e.id === Number(id));
    for (const [k, v] of Object.entries(fields)) {
      if (!evs.some((e) => norm((e as Record<string, unknown>)[k]) === norm(v)))
        problems.push(
          `event ${id} ${k} is ${evs.map((e) => (e as Record<string, unknown>)[k]).join('/') || 'missing'}, want ${v}`,
        );
    }
  }
  for (const s of expect.steps ?? []) if (!stepText.includes(norm(s))) problems.push(`no step with "${s}"`);
  for (const s of expect.notSteps ?? []) if (stepText.includes(norm(s))) problems.push(`a step has "${s}"`);
  if (expect.language && d.language !== expect.language)
    problems.push(`language ${d.language}, want ${expect.language}`);
  if (expect.anyFinding && d.findings.length === 0) problems.push('no finding at all');
  if ((expect.secret ?? []).some((line) => output.includes(line))) problems.push('private key material echoed');
  return problems;
}
