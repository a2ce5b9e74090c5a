import fc from 'fast-check';
import type { Release } from './cmdlet-data.js';

/**
 * The server states the safety invariants are checked over: Exchange release × role × certificates ×
 * event × which facts the admin pasted. Each cell is rendered as the text an admin would paste, and
 * keeps the truth the paste shows, so an invariant can judge the plan against what was known.
 */

export type Role = 'hub-mailbox' | 'edge' | 'cas-hub' | 'unknown';
export type Certificates =
  | 'expired-self-signed'
  | 'valid-ca-iis-smtp'
  | 'expired-ca'
  | 'auth-expired'
  | 'unknown-issuer';
export type EventKind =
  | '12014-could'
  | '12014-couldnt'
  | '12014-empty'
  | '12014-ja'
  | '12015'
  | '12016'
  | '12017'
  | '12018'
  | '12023'
  | 'none';
/** Where the event came from: its Source line, or a description pasted alone. */
export type EventSource = 'transport' | 'frontend' | 'unknown';

export interface FactsGiven {
  /** Get-ExchangeServer | fl Name,ServerRole,AdminDisplayVersion */
  server: boolean;
  /** Get-TransportService|Server | fl InternalTransportCertificateThumbprint */
  transport: boolean;
  /** Get-AuthConfig | fl *CertificateThumbprint (2013 and later, not on an Edge) */
  authConfig: boolean;
  /** netsh http show sslcert for 0.0.0.0:443 (and :444 on 2013 and later) */
  sslcert: boolean;
  /** connector listings (with TlsCertificateName on 2013 and later) */
  connectors: boolean;
  /** Get-ExchangeCertificate | fl */
  certificates: boolean;
}

export interface Cell {
  id: string;
  version: Release;
  role: Role;
  certificates: Certificates;
  event: EventKind;
  source: EventSource;
  facts: FactsGiven;
}

export const VERSIONS: readonly Release[] = ['2007', '2010', '2013', '2016', '2019', 'SE'];
export const ROLES: readonly Role[] = ['hub-mailbox', 'edge', 'cas-hub', 'unknown'];
export const CERTIFICATES: readonly Certificates[] = [
  'expired-self-signed',
  'valid-ca-iis-smtp',
  'expired-ca',
  'auth-expired',
  'unknown-issuer',
];
export const EVENTS: readonly EventKind[] = [
  '12014-could',
  '12014-couldnt',
  '12014-empty',
  '12014-ja',
  '12015',
  '12016',
  '12017',
  '12018',
  '12023',
  'none',
];
const FACT_KEYS: readonly (keyof FactsGiven)[] = [
  'server',
  'transport',
  'authConfig',
  'sslcert',
  'connectors',
  'certificates',
];

export const isModern = (v: Release) => v !== '2007' && v !== '2010';

/** The Auth certificate exists from 2013 and never on an Edge: those combinations are not server states. */
export function possible(cell: Pick<Cell, 'version' | 'role' | 'certificates' | 'source' | 'event'>): boolean {
  if (cell.certificates === 'auth-expired' && (!isModern(cell.version) || cell.role === 'edge')) return false;
  if (cell.source === 'frontend' && (!isModern(cell.version) || cell.role === 'edge')) return false;
  if (
    cell.source === 'frontend' &&
    !['12014-could', '12014-couldnt', '12014-empty', '12016', '12018'].includes(cell.event)
  )
    return false;
  return true;
}

function factsFrom(mask: number): FactsGiven {
  const facts = {} as Record<keyof FactsGiven, boolean>;
  FACT_KEYS.forEach((key, i) => {
    facts[key] = (mask & (1 << i)) !== 0;
  });
  return facts;
}

function cellId(c: Omit<Cell, 'id'>): string {
  const given = FACT_KEYS.filter((k) => c.facts[k]).join('+') || 'nothing';
  return `${c.version}/${c.role}/${c.certificates}/${c.event}/${c.source}/${given}`;
}

function sourcesFor(version: Release, role: Role, event: EventKind): EventSource[] {
  if (event === 'none') return ['transport'];
  // The front end transport service logs the STARTTLS events; the internal transport certificate is the Transport service's.
  const starttls = (event.startsWith('12014') && event !== '12014-ja') || event === '12016' || event === '12018';
  return isModern(version) && role !== 'edge' && starttls
    ? ['frontend', 'transport', 'unknown']
    : ['transport', 'unknown'];
}

/**
 * Every release × role × certificates × event, with everything pasted or with one rotating subset of
 * the facts (nothing at all among them); event sources rotate the same way.
 */
export function enumeratedCells(): Cell[] {
  const cells: Cell[] = [];
  let n = 0;
  for (const version of VERSIONS) {
    for (const role of ROLES) {
      for (const certificates of CERTIFICATES) {
        for (const event of EVENTS) {
          const sources = sourcesFor(version, role, event);
          // Everything pasted on every other combination, a rotating subset of the facts on the rest.
          const masks = [n % 2 === 0 ? 0b111111 : ((n >> 1) * 37 + 11) % 64];
          masks.forEach((mask, i) => {
            const source = sources[(n + i) % sources.length] as EventSource;
            const base = { version, role, certificates, event, source, facts: factsFrom(mask) };
            if (possible(base)) cells.push({ id: cellId(base), ...base });
          });
          n += 1;
        }
      }
    }
  }
  return dedupe(cells);
}

export const cellArbitrary: fc.Arbitrary<Cell> = fc
  .record({
    version: fc.constantFrom(...VERSIONS),
    role: fc.constantFrom(...ROLES),
    certificates: fc.constantFrom(...CERTIFICATES),
    event: fc.constantFrom(...EVENTS),
    source: fc.constantFrom<EventSource>('transport', 'frontend', 'unknown'),
    mask: fc.integer({ min: 0, max: 63 }),
  })
  .filter((c) => possible(c))
  .map(({ mask, ...rest }) => {
    const base = { ...rest, facts: factsFrom(mask) };
    return { id: cellId(base), ...base };
  });

/** The enumeration plus a fixed-seed sample of other fact combinations. */
export function matrixCells(sampled = 300): Cell[] {
  const sample = fc.sample(cellArbitrary, { numRuns: sampled, seed: 20261128 });
  return dedupe([...enumeratedCells(), ...sample]);
}

function dedupe(cells: Cell[]): Cell[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    if (seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}
