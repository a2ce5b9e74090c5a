import type { Release } from './cmdlet-data.js';
import type { Cell, Role } from './matrix.js';
import { isModern } from './matrix.js';

/** What the paste of one cell shows: the facts a safe plan has to respect. */

export type CertificateKind = 'setup' | 'ca' | 'auth' | 'unknown-issuer';

export interface KnownCertificate {
  thumbprint: string;
  kind: CertificateKind;
  subject: string;
  issuer: string;
  domains: string[];
  services: string[];
  state: 'expired' | 'expiring' | 'valid';
}

export interface KnownConnector {
  name: string;
  direction: 'send' | 'receive';
  fqdn?: string;
  tlsCertificateName?: string;
  /** Set up by the Hybrid Configuration Wizard (Outbound to Office 365, Default Frontend). */
  hybrid: boolean;
}

export interface KnownEvent {
  id: number;
  /** undefined when only the description was pasted. */
  source?: 'MSExchangeTransport' | 'MSExchangeFrontEndTransport';
  connector?: string;
  fqdn?: string;
  /** 12014's domain when it is not the FQDN: the `<I>issuer<S>subject` a connector pins. */
  domain?: string;
  thumbprint?: string;
}

export interface Truth {
  version: Release;
  role: Role;
  server: string;
  serverFqdn: string;
  publicName: string;
  /** Every certificate on the server, whether the paste shows it or not. */
  all: KnownCertificate[];
  /** The certificates the paste shows (listing, or named by an event). */
  shown: KnownCertificate[];
  listingShown: boolean;
  issuerShown: boolean;
  /** The version the paste proves: exact from AdminDisplayVersion or the 2003 event layout. */
  versionShown?: Release;
  roleShown?: Role;
  internalTransport?: string;
  authCurrent?: string;
  binding443?: string;
  binding444?: string;
  connectors: KnownConnector[];
  event?: KnownEvent;
  language: 'en' | 'ja';
}

export const TP = {
  setup: 'EEDF204D5588B834180F8F331B8A4CA6E6BC0144',
  ca: 'DD4DBF755BC9B865B631D71CE20ADF7085E52E9B',
  auth: '2C35737897304F83FB00D16C187B57468E5F697B',
  unknown: '7A41C0E2B9D84F3A6C15E08B92D7F3A4C6E1B058',
  missingInternal: '5DD2849AD01BB387584F6B85537A2D548CBA99BE',
} as const;

const SHORT: Record<Release, string> = {
  '2007': '07',
  '2010': '10',
  '2013': '13',
  '2016': '16',
  '2019': '19',
  SE: 'SE',
};

export function serverName(cell: Pick<Cell, 'version' | 'role'>): string {
  return `${cell.role === 'edge' ? 'EDGE' : 'EX'}${SHORT[cell.version]}`;
}

/** The certificates on the server in this cell, and the state of each. */
export function certificatesOf(cell: Cell): KnownCertificate[] {
  const server = serverName(cell);
  const ja = cell.event === '12014-ja';
  const fqdn = `${server.toLowerCase()}.${cell.role === 'edge' ? 'dmz' : 'corp'}.contoso.${ja ? 'co.jp' : 'com'}`;
  const publicName = `mail.contoso.${ja ? 'co.jp' : 'com'}`;
  const caScenario = cell.certificates === 'expired-ca' || cell.certificates === 'unknown-issuer';
  const setupState =
    cell.event === '12015' || (cell.event === '12016' && !caScenario)
      ? 'expired'
      : cell.event === '12017' || (cell.event === '12018' && !caScenario)
        ? 'expiring'
        : cell.certificates === 'expired-self-signed' || cell.certificates === 'valid-ca-iis-smtp'
          ? 'expired'
          : 'valid';
  const clientFacing =
    cell.role !== 'edge' && !((cell.version === '2007' || cell.version === '2010') && cell.role === 'hub-mailbox');
  const certs: KnownCertificate[] = [
    {
      thumbprint: TP.setup,
      kind: 'setup',
      subject: `CN=${server}`,
      issuer: `CN=${server}`,
      domains: [server, fqdn],
      services: clientFacing ? ['IMAP', 'POP', 'IIS', 'SMTP'] : ['SMTP'],
      state: setupState,
    },
  ];
  const caSubject = ja
    ? `CN=${publicName}, O="Tokyo Kogyo Co., Ltd.", L=Chiyoda-ku, S=Tokyo, C=JP`
    : `CN=${publicName}, O=Contoso Ltd, L=Redmond, S=Washington, C=US`;
  const caIssuer = ja
    ? 'CN=JPRS OV CA 2024 G1, O="Japan Registry Services Co., Ltd.", C=JP'
    : 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US';
  const caServices = cell.role === 'edge' ? ['SMTP'] : ['IIS', 'SMTP'];
  if (cell.certificates !== 'expired-self-signed') {
    const unknown = cell.certificates === 'unknown-issuer';
    certs.push({
      thumbprint: unknown ? TP.unknown : TP.ca,
      kind: unknown ? 'unknown-issuer' : 'ca',
      subject: caSubject,
      issuer: caIssuer,
      domains: [publicName, `autodiscover.${publicName.slice(5)}`],
      services: caServices,
      state: caScenario ? (cell.event === '12018' ? 'expiring' : 'expired') : 'valid',
    });
  }
  if (isModern(cell.version) && cell.role !== 'edge') {
    certs.push({
      thumbprint: TP.auth,
      kind: 'auth',
      subject: 'CN=Microsoft Exchange Server Auth Certificate',
      issuer: 'CN=Microsoft Exchange Server Auth Certificate',
      domains: [],
      services: ['SMTP'],
      state: cell.certificates === 'auth-expired' ? 'expired' : 'valid',
    });
  }
  return certs;
}

export function hostNames(cell: Cell): { server: string; serverFqdn: string; publicName: string } {
  const server = serverName(cell);
  const ja = cell.event === '12014-ja';
  return {
    server,
    serverFqdn: `${server.toLowerCase()}.${cell.role === 'edge' ? 'dmz' : 'corp'}.contoso.${ja ? 'co.jp' : 'com'}`,
    publicName: `mail.contoso.${ja ? 'co.jp' : 'com'}`,
  };
}

/** A certificate that is still good for clients: issued by a CA the paste shows, not expired. */
export function validCaServingIis(truth: Truth): KnownCertificate | undefined {
  if (truth.binding443) {
    const bound = truth.shown.find((c) => c.thumbprint === truth.binding443);
    return bound && bound.kind === 'ca' && bound.state !== 'expired' ? bound : undefined;
  }
  return truth.shown.find((c) => c.kind === 'ca' && c.state !== 'expired' && c.services.includes('IIS'));
}

/** A CA-issued certificate for clients may exist and the paste does not rule it out. */
export function caMayServeIis(truth: Truth): boolean {
  if (truth.role === 'edge') return false;
  if (truth.binding443) {
    const bound = truth.shown.find((c) => c.thumbprint === truth.binding443);
    return bound?.kind !== 'setup';
  }
  if (!truth.listingShown) return true;
  return truth.shown.some((c) => (c.kind === 'ca' || c.kind === 'unknown-issuer') && c.services.includes('IIS'));
}
