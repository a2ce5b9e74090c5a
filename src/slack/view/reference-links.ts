/**
 * Where an admin can read each source a reply cites, by the words the core cites it with ("KB 953354",
 * "Microsoft Learn: New-ExchangeCertificate", "MSExchangeTransport 12015 (Exchange 2010)"). Data only:
 * a reference not listed here stays plain text rather than a guessed address.
 */

const KB = (number: string) => `https://support.microsoft.com/help/${number}`;

/** Exchange cmdlets, published by Microsoft under one lower-case path each. */
const CMDLETS = [
  'Get-ExchangeCertificate',
  'New-ExchangeCertificate',
  'Import-ExchangeCertificate',
  'Export-ExchangeCertificate',
  'Enable-ExchangeCertificate',
  'Remove-ExchangeCertificate',
  'New-EdgeSubscription',
  'Set-AuthConfig',
  'Get-AuthConfig',
  'Set-ReceiveConnector',
  'Set-SendConnector',
  'Get-FederatedDomainProof',
  'Set-FederationTrust',
  'Test-FederationTrustCertificate',
  'Set-ImapSettings',
  'Set-PopSettings',
  'Get-Queue',
  'Retry-Queue',
  'Set-InboundConnector',
  'Set-OutboundConnector',
] as const;
const CMDLET = (name: string) =>
  `https://learn.microsoft.com/powershell/module/exchangepowershell/${name.toLowerCase()}`;

/** The Exchange 2010 event pages of MSExchangeTransport, by event id. */
const TRANSPORT_EVENT_PAGES: Readonly<Record<string, string>> = {
  '12012': 'ff984391',
  '12013': 'ff985435',
  '12015': 'ff981561',
  '12016': 'ff983405',
  '12017': 'ff985092',
  '12018': 'ff982351',
  '12019': 'ff980723',
  '12024': 'ff983190',
  '12025': 'ff985050',
};
const TECHNET_2010 = (id: string) => `https://technet.microsoft.com/en-us/library/${id}(v=exchg.141)`;

/** Pages cited by title (after "Microsoft Learn: " where the core writes it). */
const PAGES: Readonly<Record<string, string>> = {
  'Edge Subscriptions': 'https://learn.microsoft.com/exchange/architecture/edge-transport-servers/edge-subscriptions',
  'How to Troubleshoot STARTTLS Certificate Error 12014': 'https://technet.microsoft.com/en-us/library/bb510128.aspx',
  'Certificate requirements for Exchange services':
    'https://learn.microsoft.com/exchange/architecture/client-access/certificates',
  'Complete a pending Exchange certificate request':
    'https://learn.microsoft.com/exchange/architecture/client-access/complete-pending-certificate-requests',
  'Renew the federation certificate (Exchange 2013)':
    'https://learn.microsoft.com/exchange/renew-the-federation-certificate-exchange-2013-help',
  'Renew the federation certificate — Replace an expired federation certificate':
    'https://learn.microsoft.com/exchange/renew-the-federation-certificate-exchange-2013-help',
  'Exchange hybrid TLS guidance':
    'https://techcommunity.microsoft.com/blog/exchange/tls-certificates-in-exchange-hybrid---common-issues--how-to-fix-them/4420592',
  'Exchange Back End site certificate binding':
    'https://learn.microsoft.com/search/?terms=Exchange%20Back%20End%20site%20certificate%20binding',
  'CSS-Exchange SetupLogReviewer (Test-ExpiredCertificate)':
    'https://microsoft.github.io/CSS-Exchange/Setup/SetupLogReviewer/',
  'Exchange 2010 help: Certificate Deployment Errors and Events':
    'https://learn.microsoft.com/search/?terms=Exchange%202010%20Certificate%20Deployment%20Errors%20and%20Events',
  'Schannel event list (detection-wiki)': 'https://detection-wiki-dev.pages.dev/schannel/',
  'Domain security': 'https://learn.microsoft.com/search/?terms=Exchange%20Server%20domain%20security',
  'Transport and mailbox connectivity':
    'https://learn.microsoft.com/search/?terms=Exchange%20Server%20transport%20and%20mailbox%20connectivity',
  'Hybrid Configuration Wizard': 'https://learn.microsoft.com/exchange/hybrid-configuration-wizard',
  'frankysweb.de on 36888/36871 after a renewal':
    'https://frankysweb.de/en/exchange-channel-36888-36871-error-after-renewing-the-backend-certificate/amp',
};

/**
 * Names in Exchange's own code, cited so a reader of the source can check the rule: no page to open.
 * Listed so a test can tell them from a reference nobody thought about.
 */
export const NOT_PAGES: ReadonlySet<string> = new Set([
  'Exchange 2013 CertificateDeploymentServicelet',
  'Exchange 2013 ExchangeCertificateChecker (MSExchange Web Services / OABRequestHandler 24–26)',
  'Exchange 2013 UM event log constants',
  'Exchange 2013 TransportEventLogConstants',
  'Exchange 2013 TransportEventLogConstants (message text unpublished)',
  'Exchange 2013 Microsoft.Exchange.Security OAuth event log constants',
  'Exchange 2013 AuthAdminServicelet',
  'Exchange 2013 EdgeSync event log constants',
  'Exchange 2013 MessageSecurity event log constants',
]);

/** The address of a cited source, or undefined when it has none certcheck knows. */
export function referenceUrl(reference: string): string | undefined {
  const text = reference.trim();
  const kb = /^KB\s?(\d{6,7})$/i.exec(text);
  if (kb?.[1]) return KB(kb[1]);
  if (/^https:\/\/[^\s<>|]+$/.test(text)) return text;
  const title = text.replace(/^Microsoft Learn:\s*/, '');
  const page = PAGES[title];
  if (page) return page;
  const event = /^MSExchangeTransport (\d{5})\b/.exec(title)?.[1];
  const eventPage = event && TRANSPORT_EVENT_PAGES[event];
  if (eventPage) return TECHNET_2010(eventPage);
  // A cmdlet, possibly with the parameter or property the step uses ("Set-SendConnector -TlsCertificateName").
  const cmdlet = CMDLETS.find((name) => title === name || title.startsWith(`${name} `));
  return cmdlet && CMDLET(cmdlet);
}
