import type { ServerFacts } from '../model.js';

/**
 * What the paste shows about each Exchange server, as facts with their evidence. Plans decide from
 * these facts only: a use of a certificate is known (shown by the paste) or unknown, never guessed
 * from its Services column, which only records what it was once enabled for.
 */

export {
  type IssuerKind,
  type ReleaseFact,
  type ServerCertificate,
  type ServerConnector,
  type ServerFacts,
  serverFactsSchema,
} from '../model.js';

/** The version family the command templates are written for. */
export type CommandVersion = '2007' | '2010' | '2013+' | 'unknown';

export function commandVersionOf(facts: Pick<ServerFacts, 'version'>): CommandVersion {
  const value = facts.version?.value;
  if (value === undefined) return 'unknown';
  if (value === '2007' || value === '2010') return value;
  return '2013+';
}
