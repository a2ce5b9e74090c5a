/**
 * What a paste about a failing revocation check already shows, so the plan does not ask for it again:
 * certutil -verify -urlfetch's answer (CRYPT_E_REVOCATION_OFFLINE, "Error retrieving URL"), netsh
 * winhttp show proxy's "Direct access (no proxy server)" / 「直接アクセス (プロキシ サーバーなし)」, and the
 * proxy the admin says the servers go out through ("through a proxy (squid, 10.20.0.5:3128)",
 * 「プロキシ (10.20.0.5:8080) 経由」). WinHTTP on direct access beside such a proxy is the cause: the
 * CRL and OCSP requests never reach the CA.
 */
export interface RevocationPaste {
  urlfetchShown: boolean;
  winhttpDirect: boolean;
  /** host:port of the proxy the admin names, when WinHTTP is not already set to it. */
  proxy?: string;
}

const URLFETCH =
  /CRYPT_E_REVOCATION_OFFLINE|0x80092013|Error retrieving URL|URL の取得中にエラー|-verify command (?:FAILED|completed)|失効サーバーがオフライン/i;
const DIRECT = /Direct access \(no proxy server\)|直接アクセス\s*[(（]\s*プロキシ\s*サーバーなし\s*[)）]/i;
const PROXY_WORD = /proxy|プロキシ/i;
const ADDRESS =
  /(?:https?:\/\/)?((?:\d{1,3}\.){3}\d{1,3}|[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}):(\d{2,5})(?![\d.])/;

export function revocationPaste(text: string): RevocationPaste {
  const winhttpDirect = DIRECT.test(text);
  const out: RevocationPaste = { urlfetchShown: URLFETCH.test(text), winhttpDirect };
  if (!winhttpDirect) return out;
  for (const sentence of text.split(/[。\n]|\.\s/)) {
    if (sentence.length > 400 || !PROXY_WORD.test(sentence) || /Proxy Server\(s\)|プロキシ サーバー:/i.test(sentence))
      continue;
    const address = ADDRESS.exec(sentence);
    const port = Number(address?.[2]);
    if (address?.[1] && port > 0 && port < 65536) {
      out.proxy = `${address[1]}:${port}`;
      break;
    }
  }
  return out;
}

/** The plan values of a revocation check: what it need not ask again, and the proxy to set. */
export function revocationValues(text: string): { urlfetchShown?: 'yes'; winhttpDirect?: 'yes'; proxy?: string } {
  const shown = revocationPaste(text);
  return {
    ...(shown.urlfetchShown && { urlfetchShown: 'yes' as const }),
    ...(shown.winhttpDirect && { winhttpDirect: 'yes' as const }),
    ...(shown.proxy && { proxy: shown.proxy }),
  };
}
