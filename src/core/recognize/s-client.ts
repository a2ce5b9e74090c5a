import { opensslDate } from '../certificate.js';
import { certificateRole } from '../certificate-role.js';
import { hostLikeCommonNames, uniqueNames, windowsDnFromCertificateOrder } from '../distinguished-name.js';
import type { Evidence, ParsedCertificate, PresentedEndpoint, Recognizer } from './evidence.js';
import { LIMITS } from './limits.js';
import { recognizePem } from './pem.js';

/**
 * `openssl s_client` output (with -starttls smtp, -showcerts or neither, OpenSSL 1.x and 3.x): the
 * endpoint, the chain it presented leaf first, the verify errors by depth, and an SMTP dialogue when
 * the admin pasted one (the 220 banner, EHLO and whether 250-STARTTLS was offered). The PEM blocks
 * are the PEM recogniser's; here they only give the chain entries their thumbprints. Session-ID and
 * Master-Key are TLS keying values printed in hex: nothing here reads them.
 */

const CHAIN_SUBJECT = /^\s*(\d{1,2})\s+s:\s?(.*)$/;
const CHAIN_ISSUER = /^\s*i:\s?(.*)$/;
const CHAIN_VALIDITY = /^\s*v:\s*NotBefore:\s*(.+?);\s*NotAfter:\s*(.+?)\s*$/;
const DEPTH = /^depth=(\d{1,2})\s/;
const VERIFY_ERROR = /^verify error:num=(\d{1,3}):(.*?)\s*$/;
const NOT_AFTER = /^notAfter=(.+?)\s*$/;

export const recognizeSClient: Recognizer = (text, shared) => {
  if (!/^CONNECTED\(|^Certificate chain\s*$|^depth=\d|^verify error:num=|s_client|^250[ -]/m.test(text)) return {};
  const split = shared?.lines?.() ?? text.split('\n');
  const lines = text.includes('\r') ? split.map((line) => line.replace(/\r$/, '')) : split;
  const endpoint: PresentedEndpoint = { chain: [] };
  const command = /\bs_client\b[^\n]*?-connect[ \t]+\[?([A-Za-z0-9.:-]+?)\]?:(\d{1,5})\b/.exec(text);
  if (command) {
    endpoint.host = command[1]!;
    endpoint.port = Number(command[2]);
  }
  const starttls = /-starttls[ \t]+(\w+)/.exec(text)?.[1]?.toLowerCase();
  readDialogue(text, endpoint, starttls);
  const chain = readChain(lines);
  // `s_client … | openssl x509 -noout -subject -issuer -dates -fingerprint`: the leaf as field lines.
  if (chain.length === 0) {
    const leaf = readFieldLines(lines);
    if (leaf) chain.push(leaf);
  }
  const verifyErrors = readVerifyErrors(lines, chain);
  if (verifyErrors.length > 0) endpoint.verifyErrors = verifyErrors;
  const tls =
    /^\s*Protocol\s*:\s*(TLSv[\d.]+|SSLv3)\s*$/m.exec(text) ?? /^New, (TLSv[\d.]+|SSLv3), Cipher is/m.exec(text);
  if (tls) endpoint.tlsVersion = tls[1]!;
  if (chain.length === 0 && !endpoint.host && !endpoint.banner) return {};

  // The PEM blocks (leaf only, or the whole chain with -showcerts) carry what the text lines cannot.
  // A copy: the chain entries must not be the very objects the PEM recogniser reports.
  const pems = text.includes('-----BEGIN CERTIFICATE-----')
    ? shared
      ? structuredClone([...shared.pemCertificates()])
      : (recognizePem(text).certificates ?? [])
    : [];
  const certificates: ParsedCertificate[] = [];
  endpoint.chain = chain.map((entry) => {
    const twin = pems.find((pem) => sameCertificate(pem, entry));
    if (twin) return twin;
    certificates.push(entry);
    return entry;
  });
  if (endpoint.chain.length === 0 && pems.length > 0) endpoint.chain = [pems[0]!];
  const out: Partial<Evidence> = { endpoints: [endpoint] };
  // Chain entries no PEM block gave (an intermediate without -showcerts) are certificates too.
  if (certificates.length > 0) out.certificates = certificates;
  return out;
};

function readDialogue(text: string, endpoint: PresentedEndpoint, starttls: string | undefined): void {
  const banner = /^220[ -]([A-Za-z0-9.-]+)(?:[ \t][^\n]*)?$/m.exec(text);
  if (banner) {
    endpoint.banner = banner[0].trim();
    endpoint.bannerFqdn = banner[1]!;
  }
  const ehlo = /^250[ -][^\n]*$/m.test(text);
  if (/^250[ -]STARTTLS\b/im.test(text)) endpoint.startTls = true;
  else if (/didn't find starttls in server response/i.test(text)) endpoint.startTls = false;
  else if (ehlo && banner) endpoint.startTls = false;
  else if (starttls === 'smtp' && /^CONNECTED\(|^Certificate chain/m.test(text)) endpoint.startTls = true;
  else if (!starttls && endpoint.port !== undefined) endpoint.startTls = null;
}

function readChain(lines: readonly string[]): ParsedCertificate[] {
  const chain: ParsedCertificate[] = [];
  const start = lines.findIndex((line) => /^Certificate chain\s*$/.test(line));
  if (start < 0) return chain;
  let current: ParsedCertificate | undefined;
  for (let i = start + 1; i < lines.length && chain.length < LIMITS.certificateBlocks; i++) {
    const line = lines[i]!;
    if (/^---\s*$/.test(line)) break;
    const subject = CHAIN_SUBJECT.exec(line);
    if (subject) {
      const dn = dnOf(subject[2]!);
      current = { subject: dn, issuer: '', domains: uniqueNames(hostLikeCommonNames(dn)), source: 's-client' };
      // Every certificate after the leaf issued the one before it: a CA, whatever its name looks like.
      if (chain.length > 0) current.isCA = true;
      chain.push(current);
      continue;
    }
    if (!current) continue;
    const issuer = CHAIN_ISSUER.exec(line);
    if (issuer) {
      current.issuer = dnOf(issuer[1]!);
      current.selfSigned = current.issuer.toLowerCase() === current.subject.toLowerCase();
      const role = certificateRole(current);
      if (role) current.role = role;
      continue;
    }
    const validity = CHAIN_VALIDITY.exec(line);
    if (validity) {
      const notBefore = opensslDate(validity[1]!);
      const notAfter = opensslDate(validity[2]!);
      if (notBefore) current.notBefore = notBefore;
      if (notAfter) current.notAfter = notAfter;
    }
  }
  return chain;
}

const FIELD = /^\s*(subject|issuer|notBefore|notAfter|serial|(?:sha-?1) Fingerprint)\s*=\s*(.*?)\s*$/i;

/**
 * What `openssl x509 -noout -subject -issuer -dates -fingerprint` prints for the certificate piped
 * into it: `subject=CN = mail.contoso.com`, `notAfter=Nov 27 23:59:59 2026 GMT`, `sha1
 * Fingerprint=7C:77:…`, one run of lines. A `notAfter=` alone is s_client's verify note, not this.
 */
export function readFieldLines(lines: readonly string[]): ParsedCertificate | undefined {
  const fields = new Map<string, string>();
  for (const line of lines) {
    const match = FIELD.exec(line);
    if (match) {
      const key = match[1]!.toLowerCase().replace(/^sha-?1 fingerprint$/, 'fingerprint');
      if (!fields.has(key)) fields.set(key, match[2]!);
    } else if (fields.size > 0 && fields.has('notafter') && (fields.has('subject') || fields.has('fingerprint'))) break;
    else if (fields.size > 0) fields.clear();
  }
  const notAfter = opensslDate(fields.get('notafter') ?? '');
  if (!notAfter || !(fields.has('subject') || fields.has('fingerprint'))) return undefined;
  const subject = dnOf(fields.get('subject') ?? '');
  const issuer = dnOf(fields.get('issuer') ?? '');
  const cert: ParsedCertificate = {
    subject,
    issuer,
    domains: uniqueNames(hostLikeCommonNames(subject)),
    source: 's-client',
  };
  cert.notAfter = notAfter;
  const notBefore = opensslDate(fields.get('notbefore') ?? '');
  if (notBefore) cert.notBefore = notBefore;
  const thumbprint = (fields.get('fingerprint') ?? '').replace(/:/g, '').toUpperCase();
  if (/^[0-9A-F]{40}$/.test(thumbprint)) cert.thumbprint = thumbprint;
  if (subject && issuer) {
    cert.selfSigned = subject.toLowerCase() === issuer.toLowerCase();
    const role = certificateRole(cert);
    if (role) cert.role = role;
  }
  return cert;
}

/** `CN = mail.contoso.com` (1.1+) or `/C=US/O=Contoso/CN=mail.contoso.com` (1.0): Windows order either way. */
function dnOf(value: string): string {
  const text = value.trim();
  if (text.startsWith('/')) {
    const parts = text.slice(1).split(/\/(?=[A-Za-z.0-9]+=)/);
    return windowsDnFromCertificateOrder(parts.join(', '));
  }
  return windowsDnFromCertificateOrder(text);
}

/**
 * `depth=0 CN = …` then `verify error:num=10:certificate has expired` and `notAfter=…`. An expiry
 * seen only here (no chain printed) still lands on the chain entry at that depth, or makes one.
 */
function readVerifyErrors(
  lines: readonly string[],
  chain: ParsedCertificate[],
): NonNullable<PresentedEndpoint['verifyErrors']> {
  const errors: NonNullable<PresentedEndpoint['verifyErrors']> = [];
  let depth: number | undefined;
  let depthSubject = '';
  for (const line of lines) {
    const d = DEPTH.exec(line);
    if (d) {
      depth = Number(d[1]);
      depthSubject = dnOf(line.slice(d[0].length));
      continue;
    }
    const error = VERIFY_ERROR.exec(line);
    if (error) {
      const found = { num: Number(error[1]), text: error[2]!, ...(depth !== undefined && { depth }) };
      if (!errors.some((e) => e.num === found.num && e.depth === found.depth)) errors.push(found);
      if (errors.length > 32) break;
      continue;
    }
    const notAfter = NOT_AFTER.exec(line);
    if (notAfter && depth !== undefined) {
      const date = opensslDate(notAfter[1]!);
      if (!date) continue;
      let entry = chain[depth];
      if (!entry && depth === chain.length && depthSubject) {
        entry = {
          subject: depthSubject,
          issuer: '',
          domains: uniqueNames(hostLikeCommonNames(depthSubject)),
          source: 's-client',
          ...(depth > 0 && { isCA: true, role: 'certificate-authority' as const }),
        };
        chain.push(entry);
      }
      if (entry && !entry.notAfter) entry.notAfter = date;
    }
  }
  return errors;
}

function sameCertificate(pem: ParsedCertificate, entry: ParsedCertificate): boolean {
  const squash = (dn: string) => dn.replace(/\s+/g, '').toLowerCase();
  if (squash(pem.subject) !== squash(entry.subject)) return false;
  if (entry.notAfter && pem.notAfter) return pem.notAfter.slice(0, 10) === entry.notAfter.slice(0, 10);
  return true;
}
