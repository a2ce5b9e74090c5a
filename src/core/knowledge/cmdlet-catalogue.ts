import type { ExchangeVersion } from '../model.js';

/**
 * The cmdlets and parameters certcheck may name, with the Exchange releases that have them, so a test
 * can hold every remediation step to "right for the version it names". Exchange SE runs the 2019 code
 * base, so '2019' stands for 2019 and SE.
 *
 * Sources (ps: = MicrosoftDocs/office-docs-powershell exchange/exchange-ps/ExchangePowerShell/<Cmdlet>.md,
 * whose "Applicable" lines start at Exchange 2010; exchg.80 = the Exchange 2007 cmdlet pages):
 * - Get-ExchangeCertificate: ps (Thumbprint, DomainName, Server 2010+); 2007 bb124950(v=exchg.80): -Thumbprint, -DomainName, no -Server.
 * - New-ExchangeCertificate: ps (RequestFile "available only in Exchange 2013"); 2007 aa998327(v=exchg.80):
 *   -Path for requests, -Services None|IMAP|POP|UM|IIS|SMTP, no -Server/-SubjectKeyIdentifier.
 * - Import-ExchangeCertificate: ps (FileData 2010+, FileName only 2013); 2007 bb124424(v=exchg.80): -Path.
 * - New-EdgeSubscription: ps (FileData, FileName, Site 2010+); 2007 bb123800(v=exchg.80): -FileName and -Site only.
 * - Get-TransportService: ps, 2013+. Get-TransportServer: the 2007/2010 cmdlet.
 * - Set-/Get-AuthConfig: ps, 2013+. Federation cmdlets: ps, 2010+.
 * - Set-ReceiveConnector/Set-SendConnector -TlsCertificateName: ps, 2013+ (the 2010 SP2/SP3 syntax has none).
 * - Restart-WebAppPool: IIS WebAdministration module (Windows Server 2008 R2 and later), used only for 2013+.
 */
export type Release = '2007' | '2010' | '2013' | '2016' | '2019';

export const ALL_RELEASES: readonly Release[] = ['2007', '2010', '2013', '2016', '2019'];
const FROM_2010: readonly Release[] = ['2010', '2013', '2016', '2019'];
const FROM_2013: readonly Release[] = ['2013', '2016', '2019'];
const UP_TO_2010: readonly Release[] = ['2007', '2010'];

export interface CmdletEntry {
  releases: readonly Release[];
  /** Named parameters (without the dash), with their releases; a parameter not listed is not allowed. */
  parameters: Readonly<Record<string, readonly Release[]>>;
}

const all = ALL_RELEASES;

export const CMDLETS: Readonly<Record<string, CmdletEntry>> = {
  'Get-ExchangeCertificate': {
    releases: all,
    parameters: { Thumbprint: all, DomainName: all, Server: FROM_2010 },
  },
  'New-ExchangeCertificate': {
    releases: all,
    parameters: {
      DomainName: all,
      FriendlyName: all,
      GenerateRequest: all,
      BinaryEncoded: all,
      KeySize: all,
      PrivateKeyExportable: all,
      Services: all,
      SubjectName: all,
      IncludeAcceptedDomains: all,
      IncludeAutoDiscover: all,
      // The certificate piped in from Get-ExchangeCertificate: a renewal keeps its subject and names.
      Instance: all,
      Path: ['2007'],
      RequestFile: ['2013'],
      Server: FROM_2010,
      SubjectKeyIdentifier: FROM_2010,
    },
  },
  'Import-ExchangeCertificate': {
    releases: all,
    parameters: {
      Path: ['2007'],
      FileData: FROM_2010,
      FileName: ['2013'],
      Password: all,
      FriendlyName: all,
      Server: FROM_2010,
    },
  },
  // ps:Export-ExchangeCertificate: -BinaryEncoded and -Password everywhere; 2016+ returns FileData to write yourself.
  'Export-ExchangeCertificate': {
    releases: all,
    parameters: {
      Thumbprint: all,
      BinaryEncoded: all,
      Password: all,
      Server: FROM_2010,
      FileName: ['2013'],
      Path: ['2007'],
    },
  },
  'Enable-ExchangeCertificate': {
    releases: all,
    parameters: { Thumbprint: all, Services: all, Force: all, Server: FROM_2010 },
  },
  'Remove-ExchangeCertificate': { releases: all, parameters: { Thumbprint: all, Server: FROM_2010 } },
  'Get-TransportServer': { releases: UP_TO_2010, parameters: { Identity: UP_TO_2010 } },
  'Get-TransportService': { releases: FROM_2013, parameters: { Identity: FROM_2013 } },
  'New-EdgeSubscription': {
    releases: all,
    parameters: { FileName: all, Site: all, Force: all, FileData: FROM_2010 },
  },
  'Start-EdgeSynchronization': { releases: all, parameters: { Server: all } },
  'Get-AuthConfig': { releases: FROM_2013, parameters: {} },
  // ps:Test-OAuthConnectivity: -Service, -TargetUri, -Mailbox (2013 and later).
  'Test-OAuthConnectivity': {
    releases: FROM_2013,
    parameters: { Service: FROM_2013, TargetUri: FROM_2013, Mailbox: FROM_2013 },
  },
  'Set-AuthConfig': {
    releases: FROM_2013,
    parameters: {
      NewCertificateThumbprint: FROM_2013,
      NewCertificateEffectiveDate: FROM_2013,
      PublishCertificate: FROM_2013,
      ClearPreviousCertificate: FROM_2013,
      Force: FROM_2013,
    },
  },
  'Get-FederationTrust': { releases: FROM_2010, parameters: {} },
  'Set-FederationTrust': {
    releases: FROM_2010,
    parameters: {
      Identity: FROM_2010,
      Thumbprint: FROM_2010,
      RefreshMetadata: FROM_2010,
      PublishFederationCertificate: FROM_2010,
    },
  },
  'Test-FederationTrust': { releases: FROM_2010, parameters: {} },
  'Test-FederationTrustCertificate': { releases: FROM_2010, parameters: {} },
  'Get-FederatedOrganizationIdentifier': { releases: FROM_2010, parameters: {} },
  'Get-FederatedDomainProof': { releases: FROM_2010, parameters: { DomainName: FROM_2010, Thumbprint: FROM_2010 } },
  'Get-ExchangeServer': { releases: all, parameters: {} },
  // A DAG and its member list (Servers) exist from Exchange 2010.
  'Get-DatabaseAvailabilityGroup': { releases: FROM_2010, parameters: {} },
  // Outlook Anywhere's published names and the principal name Outlook expects (EXPR): 2007 SP1 and later.
  'Get-OutlookAnywhere': { releases: all, parameters: { Server: all } },
  'Get-OutlookProvider': { releases: all, parameters: {} },
  'Get-ReceiveConnector': { releases: all, parameters: {} },
  'Get-SendConnector': { releases: all, parameters: {} },
  'Set-ReceiveConnector': { releases: all, parameters: { TlsCertificateName: FROM_2013 } },
  'Set-SendConnector': { releases: all, parameters: { TlsCertificateName: FROM_2013 } },
  // ps:Retry-Queue, Get-Queue: -Server and -Filter since 2007 (a filter on Status picks the queues waiting to retry).
  'Retry-Queue': { releases: all, parameters: { Identity: all, Server: all, Filter: all } },
  // ps:Set-ImapSettings, Set-PopSettings (-Server, -X509CertificateName); 2007 has both since SP1.
  'Get-ImapSettings': { releases: all, parameters: { Server: all } },
  'Set-ImapSettings': { releases: all, parameters: { Server: all, X509CertificateName: all } },
  'Get-PopSettings': { releases: all, parameters: { Server: all } },
  'Set-PopSettings': { releases: all, parameters: { Server: all, X509CertificateName: all } },
  // Windows PowerShell and Windows, on every server Exchange runs on.
  'Restart-Service': { releases: all, parameters: { DisplayName: all, Name: all } },
  'Get-Item': { releases: all, parameters: {} },
  'Get-Content': { releases: all, parameters: { Path: all, Encoding: all, ReadCount: all } },
  'Set-Content': { releases: all, parameters: { Path: all, Value: all, Encoding: all } },
  'Get-Date': { releases: all, parameters: {} },
  'Get-Credential': { releases: all, parameters: {} },
  'Where-Object': { releases: all, parameters: {} },
  'ForEach-Object': { releases: all, parameters: {} },
  'Format-List': { releases: all, parameters: {} },
  'Format-Table': { releases: all, parameters: {} },
  'Restart-WebAppPool': { releases: FROM_2013, parameters: {} },
  // Windows PowerShell 2.0 (Windows Server 2008 and later): a restart on another server of the same
  // roll-out, run from the server the plan is on.
  'Invoke-Command': { releases: FROM_2010, parameters: { ComputerName: FROM_2010 } },
  // Checks after a fix. Get-EventLog is in PowerShell 1.0 (Exchange 2007 on Windows Server 2003);
  // Get-WinEvent needs Windows Server 2008 (Exchange 2010 and later).
  'Get-EventLog': { releases: all, parameters: { Newest: all } },
  'Get-WinEvent': {
    releases: FROM_2010,
    parameters: { FilterHashtable: FROM_2010, ErrorAction: FROM_2010, MaxEvents: FROM_2010 },
  },
  // ps:Get-TransportConfig (TLSSendDomainSecureList, 2007 SP1 and later); a TCP connection test that
  // PowerShell 1.0 already has (Test-NetConnection needs Windows Server 2012 R2).
  'Get-TransportConfig': { releases: all, parameters: {} },
  'New-Object': { releases: all, parameters: {} },
  // ps:Test-EdgeSynchronization (Exchange 2007 SP1 and later); ps:Get-Queue.
  'Test-EdgeSynchronization': { releases: all, parameters: { ExcludeRecipientTest: all } },
  'Get-Queue': { releases: all, parameters: { Identity: all, Server: all } },
  // The internal URLs a renewal for a public CA must move off internal names (ps: Get-OwaVirtualDirectory,
  // Get-EcpVirtualDirectory 2010+, …; Get-ClientAccessServer up to 2016, Get-ClientAccessService from 2016).
  'Get-OwaVirtualDirectory': { releases: all, parameters: { Server: all } },
  'Get-EcpVirtualDirectory': { releases: FROM_2010, parameters: { Server: FROM_2010 } },
  'Get-WebServicesVirtualDirectory': { releases: all, parameters: { Server: all } },
  'Get-OabVirtualDirectory': { releases: all, parameters: { Server: all } },
  'Get-ActiveSyncVirtualDirectory': { releases: all, parameters: { Server: all } },
  'Get-ClientAccessServer': { releases: ['2007', '2010', '2013', '2016'], parameters: { Identity: all } },
  'Get-ClientAccessService': { releases: ['2016', '2019'], parameters: { Identity: ['2016', '2019'] } },
  // Where Outlook inside the network is sent: the SCP (ps: Set-ClientAccessServer up to 2016,
  // Set-ClientAccessService from 2016) and the EWS and OAB internal URLs it then uses (ps, exchg.80).
  'Set-ClientAccessServer': {
    releases: ['2007', '2010', '2013', '2016'],
    parameters: {
      Identity: ['2007', '2010', '2013', '2016'],
      AutoDiscoverServiceInternalUri: ['2007', '2010', '2013', '2016'],
    },
  },
  'Set-ClientAccessService': {
    releases: ['2016', '2019'],
    parameters: { Identity: ['2016', '2019'], AutoDiscoverServiceInternalUri: ['2016', '2019'] },
  },
  'Set-WebServicesVirtualDirectory': { releases: all, parameters: { Identity: all, InternalUrl: all } },
  // Exchange Online PowerShell (ps: Get-/Set-InboundConnector, Get-/Set-OutboundConnector): run against
  // the cloud, whatever the on-premises release.
  'Get-InboundConnector': { releases: all, parameters: {} },
  'Get-OutboundConnector': { releases: all, parameters: {} },
  'Set-InboundConnector': { releases: all, parameters: { Identity: all, TlsSenderCertificateName: all } },
  'Set-OutboundConnector': { releases: all, parameters: { Identity: all, SmartHosts: all, TlsDomain: all } },
  'Set-OabVirtualDirectory': { releases: all, parameters: { Identity: all, InternalUrl: all } },
  'Get-ChildItem': { releases: all, parameters: { Recurse: all } },
  // Windows PowerShell 1.0 and later: reads registry values (Schannel's protocol switches).
  'Get-ItemProperty': { releases: all, parameters: {} },
  // Loads Exchange's snap-in in a local Windows PowerShell when the remote Shell does not connect.
  'Add-PSSnapin': { releases: all, parameters: {} },
  'Get-Service': { releases: all, parameters: { Name: all, ErrorAction: all } },
  // The IIS WebAdministration module: used only for Exchange 2013 and later (Windows Server 2008 R2 and later).
  'Import-Module': { releases: FROM_2013, parameters: {} },
  'Get-WebBinding': { releases: FROM_2013, parameters: { Name: FROM_2013, Protocol: FROM_2013, Port: FROM_2013 } },
};

/** Aliases the steps use; they need no catalogue entry. */
export const ALIASES: ReadonlySet<string> = new Set(['fl', 'ft', '?', '%']);

/** AllowedServices by release (New-ExchangeCertificate -Services; 2019 has no UM). */
export const SERVICES: Readonly<Record<Release, readonly string[]>> = {
  '2007': ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP'],
  '2010': ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation'],
  '2013': ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation', 'UMCallRouter'],
  '2016': ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP', 'Federation', 'UMCallRouter'],
  '2019': ['None', 'IMAP', 'POP', 'IIS', 'SMTP', 'Federation'],
};

/** Windows service names by release (knowledge §4.4: ADAM_MSExchange and MSExchangeFrontEndTransport from 2013 code). */
export const WINDOWS_SERVICES: Readonly<Record<string, readonly Release[]>> = {
  MSExchangeTransport: all,
  MSExchangeFrontEndTransport: FROM_2013,
  ADAM_MSExchange: FROM_2010,
  MSExchangeServiceHost: FROM_2013,
  // IMAP and POP: 2013 and later add a back-end service beside each front-end one.
  MSExchangeIMAP4: all,
  MSExchangeIMAP4BE: FROM_2013,
  MSExchangePOP3: all,
  MSExchangePOP3BE: FROM_2013,
};

/** A step for this version must be right on each of these releases ('unknown' shows the 2013+ form). */
export function releasesOf(version: ExchangeVersion): readonly Release[] {
  if (version === '2007') return ['2007'];
  if (version === '2010') return ['2010'];
  return FROM_2013;
}

const VERB_NOUN = /^[A-Z][A-Za-z]+-[A-Z][A-Za-z]+$/;

/** One cmdlet as a command uses it. */
export interface CmdletUse {
  cmdlet: string;
  parameters: { name: string; value?: string }[];
}

/**
 * The cmdlets a PowerShell command line uses and the `-Parameters` given to each, nesting included:
 * `A -X (B -Y) -Z` gives A with X and Z, B with Y. Strings and `#` comments are skipped; operators
 * such as `-match` inside `{ }` script blocks belong to no cmdlet.
 */
export function cmdletUses(command: string): CmdletUse[] {
  const uses: CmdletUse[] = [];
  const frames: { use: CmdletUse | undefined; atStart: boolean }[] = [{ use: undefined, atStart: true }];
  const top = () => frames[frames.length - 1] as { use: CmdletUse | undefined; atStart: boolean };
  let pendingValueFor: { name: string; value?: string } | undefined;
  const tokens = command.match(/'[^']*'|"(?:[^"`]|`.)*"|#[^\n]*|\$\(|@\(|[(){}|;\n=]|[^\s(){}|;'"=]+/g) ?? [];
  for (const token of tokens) {
    if (token.startsWith('#')) continue;
    if (token === '(' || token === '{' || token === '$(' || token === '@(') {
      frames.push({ use: undefined, atStart: true });
      pendingValueFor = undefined;
      continue;
    }
    if (token === ')' || token === '}') {
      if (frames.length > 1) frames.pop();
      pendingValueFor = undefined;
      continue;
    }
    const frame = top();
    if (token === '|' || token === ';' || token === '\n' || token === '=') {
      frame.use = undefined;
      frame.atStart = true;
      pendingValueFor = undefined;
      continue;
    }
    if (token.startsWith("'") || token.startsWith('"')) {
      if (pendingValueFor && pendingValueFor.value === undefined) pendingValueFor.value = token.slice(1, -1);
      pendingValueFor = undefined;
      frame.atStart = false;
      continue;
    }
    if (frame.atStart) {
      frame.atStart = false;
      frame.use = VERB_NOUN.test(token) || ALIASES.has(token) ? { cmdlet: token, parameters: [] } : undefined;
      if (frame.use) uses.push(frame.use);
      continue;
    }
    if (VERB_NOUN.test(token)) {
      // A cmdlet name used as an argument still has to exist.
      uses.push({ cmdlet: token, parameters: [] });
      continue;
    }
    const parameter = /^-([A-Za-z][A-Za-z0-9]*)(?::(.*))?$/.exec(token);
    if (parameter && frame.use) {
      const entry: { name: string; value?: string } = { name: parameter[1] as string };
      if (parameter[2] !== undefined) entry.value = parameter[2];
      frame.use.parameters.push(entry);
      pendingValueFor = entry.value === undefined ? entry : undefined;
      continue;
    }
    if (pendingValueFor && frame.use) {
      // `-Services IMAP, POP` arrives as "IMAP," then "POP".
      pendingValueFor.value = pendingValueFor.value === undefined ? token : `${pendingValueFor.value}${token}`;
      if (!token.endsWith(',')) pendingValueFor = undefined;
    }
  }
  return uses;
}

/**
 * What is wrong with a command on the given releases: an unknown cmdlet, one the release lacks, a
 * parameter it lacks, a -Services value or a Windows service name it does not have.
 */
export function commandProblems(command: string, releases: readonly Release[]): string[] {
  const problems: string[] = [];
  for (const use of cmdletUses(command)) {
    if (ALIASES.has(use.cmdlet)) continue;
    const entry = CMDLETS[use.cmdlet];
    if (!entry) {
      problems.push(`${use.cmdlet} is not in the cmdlet catalogue`);
      continue;
    }
    for (const release of releases) {
      if (!entry.releases.includes(release)) problems.push(`${use.cmdlet} does not exist on Exchange ${release}`);
      for (const { name, value } of use.parameters) {
        const allowed = entry.parameters[name];
        if (!allowed) problems.push(`${use.cmdlet} -${name} is not in the catalogue`);
        else if (!allowed.includes(release))
          problems.push(`${use.cmdlet} -${name} does not exist on Exchange ${release}`);
        if (name === 'Services' && value !== undefined) {
          // A visible placeholder (<services>) is the admin's to fill, and a variable ($services, read
          // from the old certificate on the server) holds what that server has: neither is checked.
          for (const service of value.split(',').filter((s) => s !== '' && !/^<.*>$/.test(s) && !s.startsWith('$'))) {
            if (!SERVICES[release].includes(service))
              problems.push(`-Services ${service} does not exist on Exchange ${release}`);
          }
        }
      }
      if (use.cmdlet === 'Restart-Service') {
        const named = use.parameters.length === 0;
        if (named) {
          for (const service of restartedServices(command)) {
            const known = WINDOWS_SERVICES[service];
            if (!known) problems.push(`service ${service} is not in the catalogue`);
            else if (!known.includes(release))
              problems.push(`service ${service} does not exist on Exchange ${release}`);
          }
        }
      }
    }
  }
  return [...new Set(problems)];
}

/** The service names after each `Restart-Service` that names them positionally. */
function restartedServices(command: string): string[] {
  return [...command.matchAll(/Restart-Service ([A-Za-z0-9_]+(?:,\s*[A-Za-z0-9_]+)*)/g)].flatMap((m) =>
    (m[1] as string).split(/,\s*/),
  );
}
