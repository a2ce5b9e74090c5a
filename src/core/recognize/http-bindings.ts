import type { BindingEvidence, CertificateUseEvidence, Evidence, Recognizer } from './evidence.js';
import { LIMITS } from './limits.js';
import { matchesOf } from './matches.js';
import { normalizeThumbprint } from './thumbprints.js';

/**
 * Which certificate IIS / HTTP.sys serves: `netsh http show sslcert` (English and Japanese labels),
 * `Get-WebBinding | fl` (its certificateHash and the site in ItemXPath), and HttpEvent 15021's text,
 * which names the endpoint HTTP.sys could not use. Exchange's two sites are told apart by port:
 * 443 is Default Web Site (what clients see), 444 is Exchange Back End.
 */

const NETSH_ENDPOINT =
  /^[ \t]*(?:IP:port|Hostname:port|IP:ポート|ホスト名:ポート|Central Certificate Store)[ \t]*:[ \t]*(\S+)/i;
const NETSH_HASH = /^[ \t]*(?:Certificate Hash|証明書ハッシュ)[ \t]*:[ \t]*(\S+)/i;
const NETSH_STORE = /^[ \t]*(?:Certificate Store Name|証明書ストア名)[ \t]*:[ \t]*(\S+)/i;

const ERROR_15021 = [
  /An error occurred while using SSL configuration for endpoint[ \t]+(\S+?:\d{1,5})/gi,
  /エンドポイント[ \t]*(\S+?:\d{1,5})[ \t]*の[ \t]*SSL[ \t]*構成[をの][ \t]*使用中にエラーが発生しました/g,
];

export const recognizeHttpBindings: Recognizer = (text, shared) => {
  const lines = () => shared?.lines?.() ?? text.split('\n');
  const bindings = [...netshBindings(text, lines), ...webBindings(text, lines), ...failingEndpoints(text)];
  if (bindings.length === 0) return {};
  const uses: CertificateUseEvidence[] = [];
  for (const binding of bindings) {
    if (!binding.thumbprint || binding.port === undefined) continue;
    const use = useOf(binding);
    if (use) uses.push({ thumbprint: binding.thumbprint, use, port: binding.port, source: binding.source });
  }
  const out: Partial<Evidence> = { bindings };
  if (uses.length > 0) out.certificateUses = uses;
  if (/証明書ハッシュ|エンドポイント/.test(text)) out.japanese = true;
  return out;
};

function useOf(binding: BindingEvidence): CertificateUseEvidence['use'] | undefined {
  if (/Exchange Back End/i.test(binding.site ?? '')) return 'backEnd444';
  if (/Default Web Site/i.test(binding.site ?? '')) return 'iisFrontEnd';
  if (binding.site) return undefined;
  if (binding.port === 444) return 'backEnd444';
  if (binding.port === 443 && !/^[A-Za-z]/.test(binding.endpoint)) return 'iisFrontEnd';
  return undefined;
}

function portOf(endpoint: string): number | undefined {
  const port = /:(\d{1,5}):?$/.exec(endpoint)?.[1];
  return port ? Number(port) : undefined;
}

function netshBindings(text: string, lines: () => readonly string[]): BindingEvidence[] {
  if (!/IP:port|Hostname:port|IP:ポート|ホスト名:ポート/i.test(text)) return [];
  const out: BindingEvidence[] = [];
  let current: BindingEvidence | undefined;
  for (const line of lines()) {
    const endpoint = NETSH_ENDPOINT.exec(line);
    if (endpoint) {
      if (out.length >= LIMITS.certificateBlocks) break;
      current = { endpoint: endpoint[1]!, source: 'netsh-sslcert' };
      const port = portOf(current.endpoint);
      if (port !== undefined) current.port = port;
      out.push(current);
      continue;
    }
    if (!current) continue;
    if (line.trim() === '') {
      current = undefined;
      continue;
    }
    const hash = NETSH_HASH.exec(line);
    if (hash) {
      const thumbprint = normalizeThumbprint(hash[1]!)?.value;
      if (thumbprint) current.thumbprint = thumbprint;
      continue;
    }
    const store = NETSH_STORE.exec(line);
    if (store) current.storeName = store[1]!;
  }
  return out;
}

/** `Get-WebBinding | fl`: protocol, bindingInformation, certificateHash, ItemXPath (the site). */
function webBindings(text: string, lines: () => readonly string[]): BindingEvidence[] {
  if (!/^[ \t]*bindingInformation[ \t]*:/im.test(text)) return [];
  const out: BindingEvidence[] = [];
  let current: BindingEvidence | undefined;
  let https = false;
  const close = () => {
    if (current && https) out.push(current);
    current = undefined;
    https = false;
  };
  for (const line of lines()) {
    const field = /^[ \t]*([A-Za-z]+)[ \t]*:[ \t]?(.*?)[ \t]*$/.exec(line);
    if (!field) {
      if (line.trim() === '') close();
      continue;
    }
    const [, name, value = ''] = field;
    const key = name!.toLowerCase();
    if (key === 'protocol') {
      close();
      https = /^https$/i.test(value);
      current = { endpoint: '', source: 'get-webbinding' };
    } else if (current && key === 'bindinginformation') {
      current.endpoint = value;
      const port = /^[^:]*:(\d{1,5}):/.exec(value)?.[1];
      if (port) current.port = Number(port);
    } else if (current && key === 'certificatehash') {
      const thumbprint = normalizeThumbprint(value)?.value;
      if (thumbprint) current.thumbprint = thumbprint;
    } else if (current && key === 'certificatestorename' && value) current.storeName = value;
    else if (current && key === 'itemxpath') {
      const site = /@name='([^']{1,100})'/.exec(value)?.[1];
      if (site) current.site = site;
    }
    if (out.length >= LIMITS.certificateBlocks) break;
  }
  close();
  return out.filter((binding) => binding.endpoint !== '');
}

function failingEndpoints(text: string): BindingEvidence[] {
  if (!text.includes('SSL')) return [];
  const out: BindingEvidence[] = [];
  for (const pattern of ERROR_15021) {
    for (const match of matchesOf(pattern, text)) {
      const endpoint = match[1]!;
      if (out.some((b) => b.endpoint === endpoint)) continue;
      const port = portOf(endpoint);
      out.push({ endpoint, ...(port !== undefined && { port }), source: 'http-event-15021', failing: true });
      if (out.length >= 16) return out;
    }
  }
  return out;
}
