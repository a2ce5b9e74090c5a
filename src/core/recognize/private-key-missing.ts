/**
 * Enable-ExchangeCertificate (or Import-, Set-*Connector) refusing a certificate "found but not valid
 * for use with Exchange Server (reason: PrivateKeyMissing)": the issued certificate was installed on a
 * server that never made its request (a .cer double-clicked there), so it has no private key. The
 * reason is the enum name in every language. What the fix needs: the certificate, the server that
 * refused it, the services the admin tried, and the server that made the request when the paste says.
 */

const HEX40 = '[0-9A-Fa-f]{40}';
/** A server name as Exchange servers are named: letters, digits, hyphens, with a letter first. */
const NAME = '([A-Za-z][A-Za-z0-9]{0,14}(?:-[A-Za-z0-9]{1,14}){0,3})';

/** "The CSR was generated on EX16-01", "made the request on EX16-01", 「CSR は EX16-01 で作成」. */
const REQUEST_SERVER: readonly RegExp[] = [
  new RegExp(
    `\\b(?:CSR|request|certificate request)\\b[^.\\n]{0,40}?\\b(?:generated|created|made|done|run|submitted)\\s+(?:it\\s+)?(?:on|from)\\s+(?:server\\s+)?${NAME}\\b`,
    'i',
  ),
  new RegExp(
    `\\b(?:generated|created|made|ran|did)\\s+(?:the\\s+|a\\s+|our\\s+)?(?:CSR|request|certificate request)\\s+(?:in\\s+(?:ECP|EAC)\\s+)?(?:on|from)\\s+(?:server\\s+)?${NAME}\\b`,
    'i',
  ),
  new RegExp(`(?:CSR|証明書要求|要求)\\s*(?:は|を)\\s*${NAME}\\s*(?:の\\s*(?:ECP|EAC)\\s*)?で`),
  new RegExp(`${NAME}\\s*(?:の\\s*(?:ECP|EAC)\\s*)?で\\s*(?:CSR|証明書要求|要求)\\s*(?:を)?\\s*(?:作成|生成)`),
];

export function privateKeyMissingValues(text: string, match: RegExpExecArray): Record<string, string | undefined> {
  const before = text.slice(Math.max(0, match.index - 600), match.index + match[0].length);
  const named = new RegExp(`(?:thumbprint|拇印)\\s*["'「]?(${HEX40})`, 'gi');
  const inError = [...before.matchAll(named)].pop()?.[1];
  const command = new RegExp(
    `(Enable|Import|Export)-ExchangeCertificate\\b[^\\n]{0,200}?-Thumbprint\\s+["']?(${HEX40})`,
    'i',
  ).exec(before);
  const services = /Enable-ExchangeCertificate\b[^\n]{0,200}?-Services\s+["']?([A-Za-z, ]{3,60})/i
    .exec(before)?.[1]
    ?.replace(/["'\s]/g, '');
  const after = text.slice(match.index, match.index + 800);
  const server =
    /\[Server=([A-Za-z][A-Za-z0-9-]{0,62})[,\]]/.exec(after)?.[1] ??
    /PSComputerName\s*:\s*([A-Za-z][A-Za-z0-9-]{0,62})/i.exec(after)?.[1];
  let requestServer: string | undefined;
  for (const pattern of REQUEST_SERVER) {
    const found = pattern.exec(text)?.[1];
    if (found && /\d/.test(found)) {
      requestServer = found;
      break;
    }
  }
  return {
    thumbprint: inError ?? command?.[2],
    server,
    requestServer: requestServer && requestServer.toLowerCase() !== server?.toLowerCase() ? requestServer : undefined,
    services: services?.split(',').filter(Boolean).join(','),
  };
}

/**
 * certutil -store's "No key provider information" (「キー プロバイダー情報がありません」) under a
 * certificate: Windows holds it without a private key, the same state Exchange reports as
 * PrivateKeyMissing. The certificate is the one whose hash heads the same block.
 */
export const NO_KEY_PROVIDER = /^[ \t]*(?:No key provider information|キー ?プロバイダー情報がありません)/m;

/** "imported the .cer on EX16-02", 「.cer を EX16-02 にインポート」: the server that holds the keyless copy. */
const INSTALLED_SERVER: readonly RegExp[] = [
  new RegExp(
    `\\b(?:imported|installed|double-clicked)\\b[^\\n]{0,40}?\\b(?:on|to|into)\\s+(?:server\\s+)?${NAME}\\b`,
    'i',
  ),
  new RegExp(`${NAME}\\s*に\\s*(?:インポート|インストール)`),
];

export function noKeyProviderValues(text: string, match: RegExpExecArray): Record<string, string | undefined> {
  const block = text.slice(Math.max(0, match.index - 2000), match.index);
  const start = Math.max(block.lastIndexOf('================'), 0);
  const hash = /(?:Cert Hash\(sha1\)|証明書ハッシュ\(sha1\))\s*:\s*((?:[0-9A-Fa-f]{2} ?){20})/.exec(
    block.slice(start),
  )?.[1];
  const { server, requestServer, services } = privateKeyMissingValues(text, match);
  return {
    thumbprint: hash?.replace(/ /g, ''),
    via: 'certutil',
    // certutil names no server: the one an Exchange error or the prompt shows, if any.
    server:
      server ??
      /\[Server=([A-Za-z][A-Za-z0-9-]{0,62})[,\]]/.exec(text)?.[1] ??
      INSTALLED_SERVER.map((pattern) => pattern.exec(text)?.[1]).find((name) => name && /\d/.test(name)),
    requestServer,
    services:
      services ??
      /Enable-ExchangeCertificate\b[^\n]{0,200}?-Services\s+["']?([A-Za-z, ]{3,60})/i
        .exec(text)?.[1]
        ?.replace(/["'\s]/g, ''),
  };
}
