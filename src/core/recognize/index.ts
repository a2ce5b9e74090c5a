import { recognizeCertificateUses } from './certificate-uses.js';
import { recognizeCertutil } from './certutil.js';
import { recognizeConnectors } from './connectors.js';
import { recognizeEdgeSyncTest } from './edge-sync-test.js';
import { recognizeEvents } from './events.js';
import { type Evidence, mergeEvidence, type SharedReads } from './evidence.js';
import { recognizeExchangeList } from './exchange-list.js';
import { recognizeExchangeServers } from './exchange-servers.js';
import { recognizeExchangeTable } from './exchange-table.js';
import { mayBeHealthChecker, recognizeHealthChecker } from './healthchecker.js';
import { hasHexRun } from './hex-runs.js';
import { recognizeHttpBindings } from './http-bindings.js';
import { recognizeJsonCertificates } from './json-certificates.js';
import { recognizeMailSettings } from './mail-settings.js';
import { recognizeOpensslText } from './openssl-text.js';
import { recognizePem } from './pem.js';
import { preparePaste } from './prepare.js';
import { recognizeSClient } from './s-client.js';
import { recognizeStatedUses, withStatedServices } from './stated-uses.js';
import { recognizeSymptoms } from './symptoms.js';
import { recognizeThumbprints } from './thumbprints.js';

/**
 * Every paste format certcheck reads; adding a format is adding a recogniser here. `applies` is a
 * cheap test over the whole paste (a few `includes`): a recogniser that cannot find anything in it
 * is not run at all.
 */
const RECOGNIZERS: readonly {
  read: (text: string, shared: Shared) => Partial<Evidence>;
  applies?: (text: string) => boolean;
}[] = [
  { read: recognizeEvents },
  { read: recognizeSymptoms },
  {
    read: (_text, shared) => shared.pem(),
    applies: (text) => text.includes('-----BEGIN ') || text.includes('MI'),
  },
  {
    read: recognizeExchangeList,
    // A Format-List line naming a field only certificate and AuthConfig listings print.
    applies: (text) =>
      /^[ \t]*(?:Thumbprint|CertificateDomains|Services|ServicesStringForm|RootCAType|IsSelfSigned|HasPrivateKey|PublicKeySize|NotAfter|Subject|Issuer|DnsNameList|\w*CertificateThumbprint|NextCertificateEffectiveDate)[ \t]*:/m.test(
        text,
      ),
  },
  // A table may have cut every thumbprint short (`75A23CB13D01FF64...`) under its Thumbprint header.
  { read: recognizeExchangeTable, applies: (text) => hasHexRun(text, 40) || /^Thumbprint\s.*\n[\s-]+$/m.test(text) },
  { read: recognizeJsonCertificates, applies: (text) => text.includes('"') && /Thumbprint"\s*:/i.test(text) },
  { read: recognizeCertutil },
  {
    read: recognizeOpensslText,
    applies: (text) =>
      text.includes('Not After') || /Certificate:[ \t]*\n[ \t]*Data:/.test(text) || /^notAfter=/m.test(text),
  },
  {
    read: recognizeHealthChecker,
    applies: mayBeHealthChecker,
  },
  {
    read: recognizeHttpBindings,
    applies: (text) => text.includes('SSL') || /:ポート|IP:port|Hostname:port|bindingInformation/i.test(text),
  },
  { read: recognizeExchangeServers },
  { read: recognizeConnectors },
  { read: recognizeEdgeSyncTest, applies: (text) => text.includes('SyncStatus') },
  {
    read: recognizeMailSettings,
    applies: (text) => /X509CertificateName|ConnectorType|TlsSenderCertificateName|TlsDomain/i.test(text),
  },
  { read: recognizeCertificateUses, applies: (text) => /CertificateThumbprint/i.test(text) },
  {
    read: recognizeSClient,
    applies: (text) => /s_client|CONNECTED\(|Certificate chain|depth=\d|verify error:num=|^250[ -]/m.test(text),
  },
  { read: recognizeThumbprints, applies: (text) => /[0-9A-Fa-f]{2}/.test(text) },
  {
    read: recognizeStatedUses,
    applies: (text) => /OWA|IIS|ActiveSync|Outlook on the web|Outlook Anywhere|Remove-ExchangeCertificate/i.test(text),
  },
];

/** The shared reads, and the PEM recogniser's own answer they come from. */
interface Shared extends SharedReads {
  pem: () => Partial<Evidence>;
}

/** Runs every recogniser over the normalised paste; one that fails costs its part, not the answer. */
export function recognize(normalized: string): Evidence {
  const text = preparePaste(normalized);
  let pem: Partial<Evidence> | undefined;
  let lines: readonly string[] | undefined;
  const shared: Shared = {
    pem: () => (pem ??= recognizePem(text)),
    pemCertificates: () => shared.pem().certificates ?? [],
    lines: () => (lines ??= text.split('\n')),
  };
  // Only what a recogniser found is merged: most of them find nothing in a given paste.
  const found: Partial<Evidence>[] = [];
  for (const { read, applies } of RECOGNIZERS) {
    try {
      if (!applies || applies(text)) found.push(read(text, shared));
    } catch {
      // A recogniser that fails costs its part, not the answer.
    }
  }
  // The admin's words about the one certificate shown: which services it is enabled for.
  return withStatedServices(mergeEvidence(found), text);
}
