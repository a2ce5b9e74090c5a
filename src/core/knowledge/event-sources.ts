import type { VersionHint } from '../recognize/evidence.js';

/**
 * Event sources, grouped into families: the same event ID means different things under different
 * sources (1003 is an OWA proxy crash under one and a missing Edge TLS certificate under another).
 */
export type SourceFamily =
  | 'transport'
  | 'certificate-deployment'
  | 'front-end-https-proxy'
  | 'web-services'
  | 'unified-messaging'
  | 'oauth'
  | 'auth-admin'
  | 'edgesync'
  | 'message-security'
  | 'schannel'
  | 'http';

export interface EventSource {
  /** As Event Viewer prints it. */
  name: string;
  family: SourceFamily;
  /** The source exists only from this version on. */
  versionHint?: VersionHint;
}

const SINCE_2013 = (reason: string): VersionHint => ({ version: '2013+', reason });

export const EVENT_SOURCES: readonly EventSource[] = [
  { name: 'MSExchangeTransport', family: 'transport' },
  { name: 'MSExchangeFrontEndTransport', family: 'transport', versionHint: SINCE_2013('frontend-transport') },
  { name: 'MSExchange Certificate Deployment', family: 'certificate-deployment' },
  {
    name: 'MSExchange Front End HTTPS Proxy',
    family: 'front-end-https-proxy',
    versionHint: SINCE_2013('frontend-https-proxy'),
  },
  { name: 'MSExchange Web Services', family: 'web-services' },
  { name: 'MSExchange OABRequestHandler', family: 'web-services' },
  { name: 'MSExchange Unified Messaging', family: 'unified-messaging' },
  { name: 'MSExchange OAuth', family: 'oauth', versionHint: SINCE_2013('oauth-source') },
  { name: 'MSExchange AuthAdmin', family: 'auth-admin', versionHint: SINCE_2013('authadmin-source') },
  { name: 'MSExchange EdgeSync', family: 'edgesync' },
  { name: 'MSExchange Message Security', family: 'message-security' },
  { name: 'Schannel', family: 'schannel' },
  // HTTP.sys logs SSL binding failures in the System log: on 2013+ the Exchange Back End site (444).
  { name: 'Microsoft-Windows-HttpEvent', family: 'http' },
  { name: 'HttpEvent', family: 'http' },
];

function squash(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

const BY_SQUASHED = new Map(EVENT_SOURCES.map((source) => [squash(source.name), source]));

/**
 * The known source a pasted name stands for: spacing and case ignored, and a name PowerShell
 * truncated in a table (`MSExchangeFrontEn...`) still resolves when only one source fits.
 */
export function findEventSource(name: string): EventSource | undefined {
  const trimmed = name.trim();
  const truncated = /(?:\.\.\.|…)$/.test(trimmed);
  const key = squash(trimmed.replace(/(?:\.\.\.|…)$/, ''));
  if (key === '') return undefined;
  const exact = BY_SQUASHED.get(key);
  if (exact || !truncated) return exact;
  const matches = EVENT_SOURCES.filter((source) => squash(source.name).startsWith(key));
  return matches.length === 1 ? matches[0] : undefined;
}
