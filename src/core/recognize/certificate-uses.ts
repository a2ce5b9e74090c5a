import type { CertificateUseEvidence, Evidence, Recognizer } from './evidence.js';
import { LIMITS } from './limits.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * Which certificate holds a use, as Exchange itself says it (never guessed from Services):
 * `Get-TransportService | fl Name,InternalTransportCertificateThumbprint` (Get-TransportServer on
 * 2007/2010), `Get-AuthConfig | fl` (current, next and previous Auth certificate), the bare value
 * of `(Get-TransportService EX01).InternalTransportCertificateThumbprint`, and a listing piped from one
 * of them (`(Get-AuthConfig).CurrentCertificateThumbprint | Get-ExchangeCertificate | fl`).
 */

const USE_FIELDS: Record<string, CertificateUseEvidence['use']> = {
  internaltransportcertificatethumbprint: 'internalTransport',
  currentcertificatethumbprint: 'authCurrent',
  nextcertificatethumbprint: 'authNext',
  previouscertificatethumbprint: 'authPrevious',
};
const PROPERTY =
  /\.(InternalTransportCertificateThumbprint|CurrentCertificateThumbprint|NextCertificateThumbprint|PreviousCertificateThumbprint)\b/i;
const PROMPT = /^\s*(?:\[PS\]\s*)?(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,260}>\s*(.*)$/;
const FIELD = /^([A-Za-z][A-Za-z0-9]{0,60})[ \t]*:[ \t]*(.*?)[ \t]*$/;

export const recognizeCertificateUses: Recognizer = (text, shared) => {
  if (!/CertificateThumbprint/i.test(text)) return {};
  const uses: CertificateUseEvidence[] = [];
  const add = (use: CertificateUseEvidence) => {
    if (uses.length >= LIMITS.thumbprints) return;
    if (!uses.some((u) => u.thumbprint === use.thumbprint && u.use === use.use && u.server === use.server))
      uses.push(use);
  };
  /** What the current command says the output is. */
  let piped: { use: CertificateUseEvidence['use']; server?: string; source: string } | undefined;
  let commandServer: string | undefined;
  let record = new Map<string, string>();
  const close = () => {
    const server = serverOf(record) ?? commandServer;
    for (const [key, value] of record) {
      const use = USE_FIELDS[key.toLowerCase()];
      const thumbprint = use ? normalizeThumbprint(value)?.value : undefined;
      if (use && thumbprint) {
        const isAuth = use !== 'internalTransport';
        add({
          thumbprint,
          use,
          source: isAuth ? 'get-authconfig' : 'get-transportservice',
          ...(server && !isAuth && { server }),
        });
      }
    }
    const listed = normalizeThumbprint(record.get('Thumbprint') ?? '')?.value;
    if (piped && listed) {
      add({ thumbprint: listed, use: piped.use, source: piped.source, ...(piped.server && { server: piped.server }) });
      piped = undefined;
    }
    record = new Map();
  };
  for (const raw of shared?.lines?.() ?? text.split('\n')) {
    const line = raw.trimEnd();
    const prompt = PROMPT.exec(line);
    const command = prompt ? prompt[1]! : /^\s*\(?(?:Get|Set)-\w+/.test(line) ? line.trim() : undefined;
    if (command !== undefined) {
      close();
      const read = readCommand(command);
      piped = read.piped;
      commandServer = read.server;
      continue;
    }
    if (line.trim() === '') {
      close();
      continue;
    }
    // `(Get-TransportService EX01).InternalTransportCertificateThumbprint` prints the bare value.
    const bare = piped && !piped.source.endsWith('-listing') ? normalizeThumbprint(line)?.value : undefined;
    if (bare && piped) {
      add({ thumbprint: bare, use: piped.use, source: piped.source, ...(piped.server && { server: piped.server }) });
      piped = undefined;
      continue;
    }
    const field = FIELD.exec(line);
    if (field) {
      if (record.has(field[1]!)) close();
      record.set(field[1]!, field[2]!);
    }
  }
  close();
  return uses.length > 0 ? ({ certificateUses: uses } satisfies Partial<Evidence>) : {};
};

function serverOf(record: Map<string, string>): string | undefined {
  const name = record.get('Name') ?? record.get('Identity') ?? record.get('Server');
  return name && /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/.test(name) ? name : undefined;
}

function readCommand(command: string): {
  piped?: { use: CertificateUseEvidence['use']; server?: string; source: string };
  server?: string;
} {
  const server = /Get-Transport(?:Service|Server)\s+["']?([A-Za-z0-9][A-Za-z0-9-]{0,62})\b/i.exec(command)?.[1];
  const property = PROPERTY.exec(command)?.[1];
  if (!property) return server ? { server } : {};
  const use = USE_FIELDS[property.toLowerCase()]!;
  const isAuth = use !== 'internalTransport';
  const listing = /\|\s*Get-ExchangeCertificate|Get-ExchangeCertificate\s+(?:-Thumbprint\s+)?\(/i.test(command);
  const source = `${isAuth ? 'get-authconfig' : 'get-transportservice'}${listing ? '-listing' : ''}`;
  return { piped: { use, source, ...(server && !isAuth && { server }) }, ...(server && { server }) };
}
