import { normalizeEventText, normalizeThumbprint, parseLoggedAt } from './event-values.js';
import type { Evidence, Recognizer, Symptom, SymptomId } from './evidence.js';
import { imapPopSettingsValues } from './imap-pop-settings.js';
import { NAME_MISMATCH, nameMismatchValues } from './name-mismatch.js';
import { promptPipedFrom, promptTyped } from './overwrite-typed.js';
import { NO_KEY_PROVIDER, noKeyProviderValues, privateKeyMissingValues } from './private-key-missing.js';

/**
 * Lines that name a certificate problem without being an event: NDRs and queue errors, setup
 * logs, HCW and OWA errors, and the prompts of the certificate cmdlets.
 * Each rule is a line to find and the values to read around it.
 */

interface SymptomRule {
  id: SymptomId;
  /** Finds the symptom; its named groups become values. */
  pattern: RegExp;
  /** Reads more values from the whole paste once the symptom is found. */
  values?: (text: string, match: RegExpExecArray) => Record<string, string | undefined>;
  japanese?: boolean;
}

const HEX40 = '[0-9A-Fa-f]{40}';

/** The protocols the admin says fail: POP, IMAP or both. */
function reportedProtocols(text: string): string {
  const pop = /\bPOP3?\b/i.test(text);
  const imap = /\bIMAP4?\b/i.test(text);
  return [imap && 'IMAP', pop && 'POP'].filter(Boolean).join(',') || 'IMAP,POP';
}
const QUOTED_THUMBPRINT = `["'「]?(${HEX40})["'」]?`;

const RULES: readonly SymptomRule[] = [
  {
    id: 'owa-proxy-1003',
    pattern: /FbaModule\.ParseCadataCookies/,
    values: (text) => ({ application: /^\s*\[(Owa|Ecp)\]/im.exec(text)?.[1] }),
  },
  {
    id: 'hmac-provider-assert',
    pattern: /HMACProvider\.GetCertificates\s*:\s*protectionCertificates\.Length\s*<\s*1/i,
    values: (text) => ({ application: /Application Virtual Path:\s*(\/\w{1,20})/i.exec(text)?.[1] }),
  },
  {
    id: 'hcw-oauth-missing-cert',
    pattern: new RegExp(
      `couldn['’]?t\\s+find\\s+the\\s+authorization\\s+certificate\\s+with\\s+thumbprint\\s+(?<thumbprint>${HEX40})`,
      'i',
    ),
  },
  {
    id: 'send-connector-tls-name-missing',
    pattern:
      /454\s+4\.7\.5\s+The\s+certificate\s+specified\s+in\s+TlsCertificateName\s+of\s+the\s+SendConnector\s+could\s+not\s+be\s+found/i,
    values: (text, match) => {
      // Get-Queue | fl prints `Identity : EX01\87`; Get-Queue | ft starts the error's own row with it.
      const lineStart = text.lastIndexOf('\n', match.index) + 1;
      const row = /^\s*([A-Za-z0-9-]{1,63}\\[^\s\\]{1,100})\s/.exec(text.slice(lineStart, match.index))?.[1];
      const queue = /\bIdentity\s*:\s*([A-Za-z0-9-]{1,63}\\[^\s]{1,100})/i.exec(text)?.[1] ?? row;
      const server = queue?.split('\\')[0] ?? /\bGet-Queue\s+-Server\s+["']?([A-Za-z0-9-]{1,63})\b/i.exec(text)?.[1];
      return {
        queue,
        server,
        // A smart host queue's NextHopDomain is its connector's name, spaces and all; Get-Queue | ft
        // prints it in the error's own row, after the status and the message count.
        nextHopDomain:
          /^[ \t>]*NextHopDomain[ \t]*:[ \t]*(\S[^\r\n]{0,252}?)[ \t]*$/im.exec(text)?.[1] ??
          /\b(?:Retry|Ready|Active|Suspended)\s+\d+\s+(\S[^\r\n]{0,252}?)\s*$/i
            .exec(text.slice(lineStart, match.index))?.[1]
            // The cell ends at the column gap, or where LastError starts ('451 4.4.0 … responded with: "454 …').
            ?.replace(/\s+\d{3}\s+\d\.\d{1,3}\.\d{1,3}\b[\s\S]*$/, '')
            .split(/\s{2,}/)[0] ??
          /\s([A-Za-z0-9-]{1,63}\.mail\.onmicrosoft\.com)\s/i.exec(text.slice(lineStart, match.index))?.[1] ??
          // A queue record folded onto one line ('DeliveryType: … NextHopDomain: contoso.com'): a domain.
          /\bNextHopDomain\s*:\s*([A-Za-z0-9.-]{1,253})/i.exec(text)?.[1],
      };
    },
  },
  {
    id: 'starttls-required-451',
    pattern: /451\s+5\.7\.3\s+STARTTLS\s+is\s+required\s+to\s+send\s+mail/i,
    values: (text) => ({
      ndr: /\b(450\s+4\.4\.(?:317|101))\b/.exec(text)?.[1]?.replace(/\s+/, ' '),
      // Exchange Online's trace names the on-premises host it could not start TLS with.
      fqdn: /\b(?:LastAttemptedServerName|FQDN)=([A-Za-z0-9.-]{3,253})\b/.exec(text)?.[1],
    }),
  },
  {
    // The Edge presents a certificate the subscription does not carry (it was renewed on the Edge):
    // only a queue toward the Edge says so; between Mailbox servers the same words mean something else.
    id: 'edge-exchange-auth-451',
    pattern:
      /451\s+5\.7\.3\s+Cannot\s+achieve\s+Exchange\s+Server\s+authentication(?=[\s\S]{0,4000}?(?:SmtpRelayWithinAdSiteToEdge|edgesync\s+-))|(?:SmtpRelayWithinAdSiteToEdge|\bedgesync\s+-)[\s\S]{0,4000}?451\s+5\.7\.3\s+Cannot\s+achieve\s+Exchange\s+Server\s+authentication/i,
    values: (text) => {
      const queue = /^\s*Identity\s*:\s*([A-Za-z0-9-]{1,63}\\\d{1,9})\s*$/m.exec(text)?.[1];
      return { queue, server: queue?.split('\\')[0] };
    },
  },
  {
    id: 'tls-no-credentials',
    // UnknownCredentials: the certificate the connector pins (by issuer and subject) is not one it can use.
    pattern: /TLS\s+negotiation\s+failed\s+with\s+error\s+(?:No|Unknown)Credentials/i,
    values: (text, match) => ({
      error: /UnknownCredentials/i.test(match[0]) ? 'UnknownCredentials' : undefined,
      // A send protocol log names its connector in the second column (the failing line's own first);
      // EHLO gives the name it presents.
      sendConnector: (
        /^[^,\n]{10,40},([^,\n]{1,120}),[0-9A-Fa-f]{16},\d{1,6},[^\n]{0,200}TLS negotiation failed/im.exec(text)?.[1] ??
        /^[^,\n]{10,40},(Outbound to Office 365[^,\n]{0,80}|[^,\n]{1,120}Send[^,\n]{0,80}),/im.exec(text)?.[1]
      )?.trim(),
      fqdn: /\bEHLO\s+([A-Za-z0-9.-]{3,253})/.exec(text)?.[1],
      // Get-Queue | fl: the queue that holds the mail (SERVER\id).
      queue: /^Identity\s*:\s*([A-Za-z0-9-]{1,63}\\\d{1,9})\s*$/m.exec(text)?.[1],
    }),
  },
  {
    id: 'setup-certificate-expired',
    pattern: /\[ERROR\]\s*The\s+certificate\s+is\s+expired|CryptographicException:\s*The\s+certificate\s+is\s+expired/i,
    values: (text) => {
      const installing =
        /Installing\s+certificate\s+signed\s+by\s+'([^'\n]{1,300})'\s+for\s+site\s+'([^'\n]{1,200})'\.?\s*Certificate\s+is\s+valid\s+from\s+([0-9/.-]{6,10}\s+[0-9:]{4,8}(?:\s*[AP]M)?)\s+until\s+([0-9/.-]{6,10}\s+[0-9:]{4,8}(?:\s*[AP]M)?)/i.exec(
          text,
        );
      const task = /\b(Install-ExchangeCertificate|Install-AuthCertificate)\b(?:[^\n"]{0,80}?-services\s+(\w+))?/i.exec(
        text,
      );
      return {
        issuer: installing?.[1],
        site: installing?.[2],
        validFrom: parseLoggedAt(installing?.[3]),
        validUntil: parseLoggedAt(installing?.[4]),
        task: task?.[1],
        services: task?.[2],
      };
    },
  },
  {
    id: 'queue-viewer-constraints',
    pattern: /Failed\s+to\s+enable\s+constraints\.\s*One\s+or\s+more\s+rows\s+contain\s+values\s+violating/i,
  },
  {
    id: 'smtp-overwrite-prompt',
    pattern: /Overwrite\s+the\s+existing\s+default\s+SMTP\s+certificate\s*\?/i,
    values: (text, match) => {
      const current = new RegExp(
        `Current\\s+certificate:\\s*${QUOTED_THUMBPRINT}\\s*\\(expires\\s+([^)\\n]{1,40})\\)`,
        'i',
      ).exec(text);
      const replacement = new RegExp(
        `Replace\\s+it\\s+with\\s+certificate:\\s*${QUOTED_THUMBPRINT}\\s*\\(expires\\s+([^)\\n]{1,40})\\)`,
        'i',
      ).exec(text);
      return { ...prompt(current, replacement), ...promptContext(text, match.index) };
    },
  },
  {
    id: 'smtp-overwrite-prompt',
    pattern: /(?:既存の)?既定の\s*SMTP\s*証明書を上書きしますか/,
    japanese: true,
    values: (text, match) => {
      const line = `${QUOTED_THUMBPRINT}\\s*\\(\\s*有効期限\\s*:?\\s*([^)\\n]{1,40})\\)`;
      const current = new RegExp(`現在の証明書\\s*:?\\s*${line}`).exec(text);
      const after = current ? text.slice(current.index + current[0].length) : text;
      return { ...prompt(current, new RegExp(line).exec(after)), ...promptContext(text, match.index) };
    },
  },
  {
    id: 'internal-cert-cannot-remove',
    pattern:
      /The\s+internal\s+transport\s+certificate\s+cannot\s+be\s+removed\s+because\s+that\s+would\s+cause\s+the\s+Microsoft\s+Exchange\s+Transport\s+service\s+to\s+stop|内部トランスポート証明書を削除すると\s*Microsoft\s+Exchange\s+Transport\s*サービスが停止するため、削除できません/i,
    // The certificate is the one the refused Remove-ExchangeCertificate named, on the server it ran on.
    values: (text, match) => ({
      thumbprint: [
        ...text
          .slice(Math.max(0, match.index - 2000), match.index)
          .matchAll(new RegExp(`Remove-ExchangeCertificate\\b[^\\n]{0,200}?-Thumbprint\\s+${QUOTED_THUMBPRINT}`, 'gi')),
      ].pop()?.[1],
      server: /\[Server=([A-Za-z][A-Za-z0-9-]{0,62})[,\]]/.exec(text.slice(match.index, match.index + 800))?.[1],
    }),
  },
  {
    id: 'imap-pop-subject-not-fqdn',
    pattern:
      /cannot\s+(?:be\s+)?used\s+for\s+(?:IMAP|POP)\s+SSL\/TLS\s+connections\s+because\s+the\s+subject\s+is\s+not\s+a\s+Fully\s+Qualified\s+Domain\s+Name/i,
    values: imapPopSettingsValues,
  },
  {
    // The admin's own words for the same failure: POP/IMAP clients get a certificate name error
    // ("name mismatch", 「名前エラー」「名前が一致しない」). Only where the paste shows no
    // Get-PopSettings/Get-ImapSettings output, which the settings check reads instead.
    id: 'imap-pop-subject-not-fqdn',
    pattern:
      /^(?![\s\S]*X509CertificateName)[\s\S]{0,4000}?(?:\b(?:POP3?|IMAP4?)\b[^.\n。]{0,80}?(?:name\s+(?:mismatch|error|warning)|certificate\s+(?:name\s+)?(?:error|warning|mismatch)|(?:does\s*n[o']t|doesn['’]t)\s+match)|(?:POP3?|IMAP4?)[^。\n]{0,60}?(?:証明書)?[^。\n]{0,20}?(?:名前|名称)\s*(?:の)?\s*(?:エラー|不一致|警告|が一致しない|が違う))/i,
    values: (text) => ({ ...imapPopSettingsValues(text), reported: 'yes', protocols: reportedProtocols(text) }),
  },
  {
    id: 'private-key-missing',
    // The reason is the enum name whatever the language of the message around it ("reason", 「理由」).
    pattern: /\bPrivateKeyMissing\b/,
    values: privateKeyMissingValues,
  },
  {
    id: 'server-auth-eku-missing',
    // The same refusal as PrivateKeyMissing with another reason, its enum name in every language:
    // the certificate, the server and the services read the same way.
    pattern: /\bPkixKpServerAuthNotFoundInEnhancedKeyUsage\b/,
    values: (text, match) => {
      const { thumbprint, server, services } = privateKeyMissingValues(text, match);
      return { thumbprint, server, services };
    },
  },
  {
    id: 'remote-cert-validation',
    // Get-Queue | ft cuts LastError ("454 4.7.5 Certificate validation fa..."): the start is enough.
    pattern: /454\s+4\.7\.5\s+Certificate\s+valid/i,
    values: queueRecord,
  },
  {
    // Exchange 2016+ words a next hop whose chain it does not trust inside the 451 4.4.317 it queues:
    // `[Message=UntrustedRoot SSL certificate validation failed for 'mx.partner.example' Stage=…]`.
    // Only in a queue or SMTP response: certutil prints the same status for a chain of our own.
    id: 'remote-chain-untrusted',
    pattern:
      /SSL\s+certificate\s+validation\s+failed\s+for\s+['"]?[A-Za-z0-9.-]{1,253}|\bMessage=(?:UntrustedRoot|PartialChain)\b|TLS\s+negotiation\s+failed\s+with\s+error\s+(?:UntrustedRoot|PartialChain|NotTimeValid|Revoked|RevocationStatusUnknown|OfflineRevocation)\b|^[^\n]{0,300}?\b(?:LastError|LED=)[^\n]{0,300}?\b(?:UntrustedRoot|PartialChain|certificate\s+validation\s+failed)\b/im,
    values: (text, match) => {
      const lineEnd = text.indexOf('\n', match.index + match[0].length);
      const line = text.slice(text.lastIndexOf('\n', match.index) + 1, lineEnd < 0 ? undefined : lineEnd);
      const record = queueRecord(text, match);
      return {
        ...record,
        // The host that presented the chain: named by the validation message, by Target= or by
        // LastAttemptedServerName=; {FQDN=…} often holds only the next hop domain.
        peer:
          /validation\s+failed\s+for\s+['"]?([A-Za-z0-9][A-Za-z0-9.-]{0,252})/i.exec(line)?.[1] ??
          /\b(?:Target|LastAttemptedServerName)=([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])/i.exec(line)?.[1] ??
          record.peer,
        status: /\b(UntrustedRoot|PartialChain|NotTimeValid|Revoked|RevocationStatusUnknown|OfflineRevocation)\b/i.exec(
          line,
        )?.[1],
      };
    },
  },
  {
    id: 'smtp-socket-error',
    pattern:
      /\b(?:421\s+4\.4\.[12]|451\s+4\.4\.0)\b[^\n;\]]{0,160}?(?:SocketError|Connection\s+dropped)|Connection\s+dropped\s+due\s+to\s+SocketError/i,
    values: (text, match) => ({
      ...proseHop(text, match),
      ...definedOnly(queueRecord(text, match)),
      response: /\b(421\s+4\.4\.[12]|451\s+4\.4\.0)\b/.exec(match[0])?.[1]?.replace(/\s+/, ' '),
    }),
  },
  {
    id: 'smtp-not-enabled',
    pattern: /The\s+given\s+certificate\s+is\s+not\s+enabled\s+for\s+SMTP\s+protocol/i,
    values: (text) => ({
      hcw: /Hybrid\s?Configuration|Configure\s+Mail\s+Flow|\bHCW\b|ハイブリッド構成/i.test(text) ? 'yes' : undefined,
    }),
  },
  {
    // Both CAPI refusals: the Edge subscription's default certificate, and a new internal transport one.
    id: 'internal-not-capi',
    pattern:
      /Edge\s+subscription\s+only\s+supports\s+Cryptographic\s+API\s+certificates|you\s+are\s+about\s+to\s+configure\s+on\s+the\s+local\s+server\s+isn['’]t\s+a\s+Cryptographic\s+API\s+certificate/i,
    values: (_text, match) => ({ edge: /^Edge/i.test(match[0]) ? 'yes' : undefined }),
  },
  {
    id: 'edge-duplicate-direct-trust',
    pattern:
      /direct\s+trust\s+certificate\s+of\s+the\s+subscribed\s+Edge\s+Transport\s+server\s+with\s+thumbprint\s+(?<duplicate>[0-9A-Fa-f]{40})\s+is\s+a\s+duplicate/i,
  },
  {
    id: 'default-tls-attribute-missing',
    pattern:
      /can['’]t\s+find\s+the\s+default\s+TLS\s+certificate\s+attribute\s+for\s+server\s+(?<server>[A-Za-z0-9][A-Za-z0-9.-]{0,252}?)\s+in\s+Active\s+Directory/i,
  },
  {
    id: 'queue-listing-clean',
    // Get-Queue | fl (Identity SERVER\\n with DeliveryType) or | ft (its header); kept only when no queue reports an error.
    pattern:
      /^[ \t]*Identity[ \t]*:[ \t]*[A-Za-z0-9-]{1,63}\\[^\s\\]{1,100}[ \t]*\n(?:[^\n]*\n){0,6}?[ \t]*DeliveryType[ \t]*:|^[ \t]*Identity[ \t]+DeliveryType[ \t]+Status\b/m,
    values: (text) => ({
      queues: String(
        Math.min(999, (text.match(/^[ \t]*Identity[ \t]*:[ \t]*[A-Za-z0-9-]{1,63}\\/gm) ?? []).length || 1),
      ),
    }),
  },
  {
    id: 'import-already-exists',
    pattern: new RegExp(
      `Cannot\\s+import\\s+certificate\\.\\s*A\\s+certificate\\s+with\\s+the\\s+thumbprint\\s+${QUOTED_THUMBPRINT}\\s+already\\s+exists`,
      'i',
    ),
    values: (text, match) => ({ thumbprint: match[1], server: errorServer(text, match.index) }),
  },
  {
    id: 'thumbprint-not-found',
    pattern: new RegExp(`The\\s+certificate\\s+with\\s+thumbprint\\s+${QUOTED_THUMBPRINT}\\s+was\\s+not\\s+found`, 'i'),
    values: (text, match) => ({ thumbprint: match[1], server: errorServer(text, match.index) }),
  },
  // certutil's own words for the same state, read only when no Exchange error says PrivateKeyMissing.
  { id: 'private-key-missing', pattern: NO_KEY_PROVIDER, values: noKeyProviderValues },
  { id: 'certificate-name-mismatch', pattern: NAME_MISMATCH, values: nameMismatchValues },
];

/**
 * The queue record a response line sits in: Get-Queue | fl gives `Identity : EX01\41872` and
 * `NextHopDomain : …` above its LastError, whose `{FQDN=…}` names the host that answered; a ft row
 * starts with the queue; an NDR says "Remote server at host (address) returned".
 */
function queueRecord(text: string, match: RegExpExecArray): Record<string, string | undefined> {
  const before = text.slice(Math.max(0, match.index - 3000), match.index);
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const lineEnd = text.indexOf('\n', match.index);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  const last = (pattern: RegExp) => [...before.matchAll(pattern)].pop()?.[1];
  const row = /^\s*([A-Za-z0-9-]{1,63}\\\d{1,9})\s/.exec(line)?.[1];
  const queue = row ?? last(/^[ \t]*Identity[ \t]*:[ \t]*([A-Za-z0-9-]{1,63}\\\d{1,9})[ \t]*$/gm);
  const peer =
    /\{FQDN=([A-Za-z0-9.-]{3,253})\}/i.exec(line.slice(match.index - lineStart))?.[1] ??
    /Remote\s+server\s+at\s+([A-Za-z0-9.-]{3,253})/i.exec(line)?.[1] ??
    // The Japanese NDR: 「リモート サーバー mx1.example.com (203.0.113.25) から '454 4.7.5 …' が返されました」.
    /リモート\s*サーバー\s*(?:\(|（)?([A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10})/.exec(line)?.[1] ??
    /\{FQDN=([A-Za-z0-9.-]{3,253})\}/i.exec(line)?.[1];
  return {
    queue,
    server: queue?.split('\\')[0],
    nextHopDomain: last(/^[ \t]*NextHopDomain[ \t]*:[ \t]*([A-Za-z0-9.-]{1,253})[ \t]*$/gm),
    peer,
  };
}

/**
 * The hop the admin writes on the error's own line: "mail MX01->MX02 sits in the queue", "from EX01 to
 * EX02", 「MX01 から MX02 へのメール」: the queue's server and the server it fails to reach.
 */
const HOP_NAME = '([A-Z][A-Z0-9-]{0,30}\\d)';
const HOPS: readonly RegExp[] = [
  new RegExp(`(?<![\\w-])${HOP_NAME}\\s*(?:->|→|=>|⇒)\\s*${HOP_NAME}(?![\\w-])`),
  new RegExp(`\\bfrom\\s+${HOP_NAME}\\s+to\\s+${HOP_NAME}(?![\\w-])`, 'i'),
  new RegExp(`(?<![\\w-])${HOP_NAME}\\s*から\\s*${HOP_NAME}\\s*(?:へ|宛|に)`),
];
function proseHop(text: string, match: RegExpExecArray): Record<string, string | undefined> {
  const lineStart = text.lastIndexOf('\n', match.index) + 1;
  const lineEnd = text.indexOf('\n', match.index);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  for (const pattern of HOPS) {
    const hop = pattern.exec(line);
    if (hop?.[1] && hop[2] && hop[1] !== hop[2]) return { server: hop[1], peer: hop[2] };
  }
  return {};
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined));
}

/** The server a cmdlet error names (`[Server=EX01,RequestId=…]`), when it does. */
function errorServer(text: string, index: number): string | undefined {
  return /\[Server=([A-Za-z][A-Za-z0-9-]{0,62})[,\]]/.exec(text.slice(index, index + 800))?.[1];
}

function prompt(
  current: RegExpExecArray | null,
  replacement: RegExpExecArray | null,
): Record<string, string | undefined> {
  return {
    currentThumbprint: normalizeThumbprint(current?.[1]),
    currentExpires: current?.[2]?.trim(),
    currentNotAfter: parseLoggedAt(current?.[2]),
    newThumbprint: normalizeThumbprint(replacement?.[1]),
    newExpires: replacement?.[2]?.trim(),
    newNotAfter: parseLoggedAt(replacement?.[2]),
  };
}

/** A CA named by the admin (a public CA's brand, "our CA", 証明機関, a purchased certificate): the certificate being enabled is CA-issued. */
const CA_SAID =
  /\b(?:DigiCert|Sectigo|Comodo|GlobalSign|GoDaddy|Go\s?Daddy|Entrust|GeoTrust|Thawte|RapidSSL|Let'?s\s?Encrypt|Certum|SwissSign|Buypass|IdenTrust|ZeroSSL|QuoVadis|Cybertrust|SECOM|JPRS|(?:public|commercial|third[- ]party|internal|enterprise|our|company|ADCS|AD\s?CS)\s+CA)\b|\bCA[- ](?:issued|signed)\b|(?:CA|認証局|証明機関)\s*(?:から|で|が)?\s*発行|\b(?:purchased|bought|paid|commercial)\s+(?:SSL\s+|TLS\s+|SAN\s+|UCC\s+|wildcard\s+)?cert(?:ificate)?s?\b|\bcert(?:ificate)?\s+(?:we|I|they)\s+(?:have\s+|had\s+)?(?:purchased|bought)\b|(?:購入した|購入済みの|購入済み|有償の|市販の)\s*(?:SSL\s*|SAN\s*|ワイルドカード\s*)?(?:サーバー\s*)?証明書/i;

/**
 * What the paste says of the prompt's new certificate: the cmdlet that asked (New-ExchangeCertificate
 * without -GenerateRequest makes a self-signed one; its -SubjectName may be the Auth certificate's),
 * and whether the admin names a CA.
 */
function promptContext(text: string, index: number): Record<string, string | undefined> {
  const before = text.slice(Math.max(0, index - 2000), index);
  const asked = [...before.matchAll(/\b(New|Enable|Import)-ExchangeCertificate\b([^\n]{0,600})/gi)].pop();
  return {
    promptCmdlet: asked?.[1]?.toLowerCase(),
    promptAuth: /Microsoft\s+Exchange\s+Server\s+Auth\s+Certificate/i.test(asked?.[2] ?? '') ? 'yes' : undefined,
    caSaid: CA_SAID.test(text) ? 'yes' : undefined,
    promptAnswer: promptTyped(text, index),
    promptPipedFrom: promptPipedFrom(text, index),
  };
}

/**
 * The FQDN PowerShell's error record gives the server it ran on (`+ PSComputerName : ex01.contoso.local`),
 * when it is the server the symptom names (or it names none).
 */
function computerFqdn(text: string, index: number, server: string | undefined): string | undefined {
  const fqdn = /\+\s*PSComputerName\s*:\s*([A-Za-z][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63})+)\s*$/im.exec(
    text.slice(index, index + 2000),
  )?.[1];
  if (!fqdn) return undefined;
  return !server || fqdn.split('.')[0]?.toLowerCase() === server.toLowerCase() ? fqdn : undefined;
}

export const recognizeSymptoms: Recognizer = (raw) => {
  const text = normalizeEventText(raw);
  const symptoms: Symptom[] = [];
  let japanese = false;
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    if (!match || symptoms.some((symptom) => symptom.id === rule.id)) continue;
    const read = { ...match.groups, ...rule.values?.(text, match) };
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(read)) {
      const cleaned = key.toLowerCase().includes('thumbprint') ? normalizeThumbprint(value) : value?.trim();
      if (cleaned) values[key] = cleaned;
    }
    const fqdn = computerFqdn(text, match.index, values.server);
    if (fqdn) values.serverFqdn = fqdn;
    symptoms.push({ id: rule.id, values });
    japanese ||= rule.japanese === true;
  }
  // A queue listing is only "clean" when no queue reports an error and no other response was read.
  const failing =
    symptoms.some((symptom) => symptom.id !== 'queue-listing-clean') ||
    /^[ \t]*LastError[ \t]*:[ \t]*\S/m.test(text) ||
    /\b[45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b/.test(text) ||
    /^[ \t]*Status[ \t]*:[ \t]*(?:Retry|Suspended)\b|[ \t](?:Retry|Suspended)[ \t]+\d/m.test(text);
  if (failing) {
    const clean = symptoms.findIndex((symptom) => symptom.id === 'queue-listing-clean');
    if (clean >= 0) symptoms.splice(clean, 1);
  }
  const evidence: Partial<Evidence> = { symptoms };
  if (japanese) evidence.japanese = true;
  // Only a Hub Transport or Mailbox server relays to an Edge within its site: the queue's server is one.
  const relay = symptoms.find((symptom) => symptom.id === 'edge-exchange-auth-451')?.values.server;
  if (relay) evidence.roleEvidence = [{ role: 'hub', strength: 'strong', reason: 'queue-to-edge', server: relay }];
  // Only an Edge has an Edge subscription's default certificate, or a direct trust certificate Hub servers can duplicate.
  const onEdge = symptoms.find(
    (symptom) =>
      (symptom.id === 'internal-not-capi' && symptom.values.edge === 'yes') ||
      symptom.id === 'edge-duplicate-direct-trust',
  );
  if (onEdge) {
    const edge = { role: 'edge' as const, strength: 'weak' as const, reason: 'edge-certificate-error' };
    evidence.roleEvidence = [...(evidence.roleEvidence ?? []), edge];
  }
  return evidence;
};
