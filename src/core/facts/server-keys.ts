import type { CertificateFacts, EventFacts } from '../model.js';
import type { Evidence } from '../recognize/evidence.js';

/** The servers a paste names, keyed by their short name: EX01 and EX01.contoso.com are one server. */
export interface ServerKeys {
  /** In the order the paste names them: an event's Computer first. */
  order: string[];
  names: Map<string, string>;
  fqdns: Map<string, string>;
  keyOf: (server: string) => string;
}

export function keyOf(server: string): string {
  const trimmed = server.trim();
  // `EX01\Default Frontend EX01` and `EX01\3` name the server before the backslash.
  const host = trimmed.includes('\\') ? (trimmed.split('\\')[0] ?? trimmed) : trimmed;
  return (host.split('.')[0] ?? host).toLowerCase();
}

export function serverKeys(input: {
  evidence: Evidence;
  events: readonly EventFacts[];
  certificates: readonly CertificateFacts[];
}): ServerKeys {
  const { evidence, events, certificates } = input;
  const order: string[] = [];
  const names = new Map<string, string>();
  const fqdns = new Map<string, string>();
  const see = (raw: string | undefined) => {
    const server = raw?.trim();
    if (!server || /[\s<>]/.test(server)) return;
    const key = keyOf(server);
    if (!key) return;
    if (!order.includes(key)) order.push(key);
    const host = server.split('.')[0] ?? server;
    if (!names.has(key)) names.set(key, host);
    if (server.includes('.') && !fqdns.has(key)) fqdns.set(key, server);
  };
  for (const event of events) see(event.computer);
  for (const server of evidence.servers ?? []) see(server);
  for (const hint of evidence.versionHints) see(hint.server);
  for (const role of evidence.roleEvidence ?? []) see(role.server);
  for (const connector of evidence.connectors ?? []) see(connector.server);
  for (const use of evidence.certificateUses ?? []) see(use.server);
  // A queue's identity (EX01\87) names the server that queued the mail.
  for (const symptom of evidence.symptoms) see(symptom.values.server);
  for (const cert of certificates) for (const server of cert.servers ?? []) see(server);
  return { order, names, fqdns, keyOf };
}
