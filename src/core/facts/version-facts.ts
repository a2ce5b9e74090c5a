import type { EventFacts } from '../model.js';
import type { Evidence, Strength, VersionHint } from '../recognize/evidence.js';
import type { ReleaseFact, ServerFacts } from './server-facts.js';

/**
 * Signals that decide the version on their own when a recogniser did not say how strong it is:
 * the Windows 2003 event layout, the Front End Transport service, a `<I>…<S>…` pin, the Auth
 * certificate, OAuth's own event sources, the V15/V14 install paths.
 */
const STRONG_REASONS: ReadonlySet<string> = new Set([
  'w2003-event-format',
  'w2003-prompt',
  'frontend-transport',
  'frontend-https-proxy',
  'oauth-source',
  'authadmin-source',
  'tls-certificate-name',
  'auth-certificate',
  'v15-path',
  'v14-path',
]);

type Family = '2007' | '2010' | '2013+';

function familyOf(release: ReleaseFact): Family {
  return release === '2007' || release === '2010' ? release : '2013+';
}

function strengthOf(hint: VersionHint): Strength {
  return hint.strength ?? (STRONG_REASONS.has(hint.reason) ? 'strong' : 'weak');
}

function describe(hint: VersionHint): string {
  return hint.quote ? `${hint.reason}: ${hint.quote}` : hint.reason;
}

/**
 * The version from the strongest signals: weak hints never override strong ones, and strong signals
 * of different versions are reported as a conflict with no version decided.
 */
export function versionFor(hints: readonly VersionHint[]): {
  fact?: NonNullable<ServerFacts['version']>;
  conflict?: string[];
} {
  const strong = hints.filter((h) => strengthOf(h) === 'strong');
  const pool = strong.length > 0 ? strong : hints;
  if (pool.length === 0) return {};
  const strength: Strength = strong.length > 0 ? 'strong' : 'weak';
  const families = new Set(pool.map((h) => familyOf(h.release ?? h.version)));
  if (families.size > 1 && strength === 'strong') {
    return { conflict: pool.map((h) => `${h.release ?? h.version}: ${describe(h)}`) };
  }
  // Weak hints that disagree keep the order the summary always used: 2007, then 2013+, then 2010.
  const family: Family = families.has('2007') ? '2007' : families.has('2013+') ? '2013+' : '2010';
  const chosen = pool.filter((h) => familyOf(h.release ?? h.version) === family);
  const releases = new Set(chosen.map((h) => h.release).filter((r) => r !== undefined));
  const value: ReleaseFact = releases.size === 1 ? ([...releases][0] as ReleaseFact) : family;
  return { fact: { value, evidence: chosen.map(describe), strength } };
}

type RoleName = ServerFacts['roles'][number]['value'];

/**
 * Roles from what shows them: ServerRole, connector names, the event source. The word "EdgeSync" or
 * "Edge" in prose is weak: Hub and Mailbox servers of a subscribed site log EdgeSync events too.
 */
export function rolesFor(
  evidence: Evidence,
  events: readonly EventFacts[],
  mine: (server: string | undefined) => boolean,
): ServerFacts['roles'] {
  const out: ServerFacts['roles'] = [];
  const add = (value: RoleName, strength: Strength, why: string) => {
    const twin = out.find((r) => r.value === value);
    if (!twin) out.push({ value, evidence: [why], strength });
    else {
      if (!twin.evidence.includes(why)) twin.evidence.push(why);
      if (strength === 'strong') twin.strength = 'strong';
    }
  };
  // Role words that name no server ("our Edge", 「エッジ トランスポート サーバー」) are not this server's
  // when the paste shows another server as the Edge, or this one by name as a Mailbox or Hub server.
  const edgeElsewhere = (evidence.roleEvidence ?? []).some(
    (r) => r.role === 'edge' && r.server !== undefined && !mine(r.server),
  );
  const namedOther = (evidence.roleEvidence ?? []).some(
    (r) => r.role !== 'edge' && r.server !== undefined && mine(r.server),
  );
  for (const role of evidence.roleEvidence ?? []) {
    if (!mine(role.server)) continue;
    if (role.role === 'edge' && role.server === undefined && (edgeElsewhere || namedOther)) continue;
    add(role.role, role.strength, role.quote ? `${role.reason}: ${role.quote}` : role.reason);
  }
  for (const event of events) {
    if (!mine(event.computer)) continue;
    if (/FrontEnd/i.test(event.source ?? '')) add('frontend', 'strong', 'event-source-frontend');
    if (/^Default Frontend /i.test(event.connector ?? '')) add('frontend', 'strong', 'connector-default-frontend');
    if (/^Default internal receive connector /i.test(event.connector ?? ''))
      add('edge', 'strong', 'connector-edge-internal');
  }
  for (const connector of evidence.connectors ?? []) {
    if (!mine(connector.server)) continue;
    if (/^Default Frontend /i.test(connector.name)) add('frontend', 'strong', 'connector-default-frontend');
  }
  // The summary's role words, only when nothing better was found, with the same care for "Edge", and
  // none the admin gave another server by name ("the Mailbox server is EXSE-MB01" says nothing of the
  // Edge pair listed beside it).
  const namedElsewhere = (role: RoleName) =>
    (evidence.roleEvidence ?? []).some((r) => r.role === role && r.server !== undefined && !mine(r.server));
  if (out.length === 0)
    for (const role of evidence.roles)
      if (!(role === 'edge' && edgeElsewhere) && !namedElsewhere(role)) add(role, 'weak', 'prose');
  return out;
}

/** The paste's one version for the summary: the servers' facts agree, or the first decided one. */
export function summaryVersion(servers: readonly ServerFacts[]): '2007' | '2010' | '2013+' | 'unknown' {
  const decided = servers.map((s) => s.version).filter((v) => v !== undefined);
  const strong = decided.filter((v) => v.strength === 'strong');
  const first = (strong[0] ?? decided[0])?.value;
  if (first === undefined) return 'unknown';
  return familyOf(first);
}

/**
 * The release the paste shows (2016, 2019, SE), for the words a reply says: the family when servers
 * disagree or only a family is shown (MSExchangeFrontEndTransport says 2013 or later, not which).
 */
export function summaryRelease(servers: readonly ServerFacts[]): ReleaseFact | 'unknown' {
  const family = summaryVersion(servers);
  if (family === 'unknown') return family;
  const decided = servers.map((s) => s.version).filter((v) => v !== undefined);
  const strong = decided.filter((v) => v.strength === 'strong');
  const releases = new Set((strong.length > 0 ? strong : decided).map((v) => v.value));
  const only = releases.size === 1 ? [...releases][0] : undefined;
  return only !== undefined && familyOf(only) === family ? only : family;
}
