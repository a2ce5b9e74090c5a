import { Buffer } from 'node:buffer';
import { type CertificateSource, parseCertificateDer } from '../certificate.js';
import { certificateVersionHints } from '../certificate-role.js';
import { isPkcs7, pkcs7Certificates } from '../pkcs7.js';
import { bareBase64Blocks, isPrivateKeyLabel, readArmour } from './armour.js';
import type { Evidence, ParsedCertificate, Recognizer } from './evidence.js';
import { LIMITS, restSkipped } from './limits.js';
import { looksLikePrivateKeyDer } from './private-key-der.js';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);

/**
 * PEM certificates and chains, PKCS#7 (armoured or not) and bare base64 DER. Private keys are only
 * counted: nothing of their content reaches the evidence, not even in a note.
 */
export const recognizePem: Recognizer = (text) => {
  const out: Found = { certificates: [], notes: [], versionHints: [], privateKeys: 0 };
  const { blocks, more } = readArmour(text);
  if (more) {
    out.notes.push(restSkipped('certificates', blocks.length));
    // Keys beyond the blocks examined still count: the reply must say a key was pasted.
    const after = text.slice(blocks.at(-1)?.end ?? 0);
    out.privateKeys += after.match(/-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/g)?.length ?? 0;
  }
  let index = 0;
  for (const block of blocks) {
    index++;
    if (isPrivateKeyLabel(block.label)) {
      out.privateKeys++;
      continue;
    }
    const isCert = CERTIFICATE_LABELS.has(block.label);
    if (!isCert && !PKCS7_LABELS.has(block.label)) continue;
    const where = `PEM block ${index} (${block.label})`;
    if (!block.complete) {
      out.notes.push({ code: 'unreadable-certificate', detail: `${where} has no END line: it looks truncated.` });
      continue;
    }
    readDer(decodeBase64(block.body), isCert ? 'pem' : 'pkcs7', where, out);
  }
  // Bare base64 is looked for only outside the armour, so a PEM body is not read twice.
  let bare = 0;
  for (const run of bareBase64Blocks(text, undefined, blocks)) {
    if (++bare > LIMITS.certificateBlocks) {
      out.notes.push(restSkipped('certificates', LIMITS.certificateBlocks));
      break;
    }
    const der = decodeBase64(run.body);
    if (der && looksLikePrivateKeyDer(der)) {
      out.privateKeys++;
      continue;
    }
    readDer(der, 'der', `base64 block ${bare}`, out);
  }
  for (const cert of out.certificates) out.versionHints.push(...certificateVersionHints(cert));
  return out;
};

type Found = Pick<Evidence, 'certificates' | 'notes' | 'versionHints' | 'privateKeys'>;

function readDer(der: Uint8Array | undefined, source: CertificateSource, where: string, out: Found): void {
  if (!der) {
    out.notes.push({ code: 'unreadable-certificate', detail: `${where} is not valid base64.` });
    return;
  }
  if (isPkcs7(der)) {
    const members = pkcs7Certificates(der);
    if (!members) {
      out.notes.push({ code: 'unreadable-certificate', detail: `${where} is a PKCS#7 structure that did not decode.` });
      return;
    }
    members.forEach((member, i) => {
      const cert = tryParse(member, 'pkcs7');
      if (cert) out.certificates.push(cert);
      else out.notes.push({ code: 'unreadable-certificate', detail: `${where}: certificate ${i + 1} did not decode.` });
    });
    return;
  }
  const cert = tryParse(der, source === 'pkcs7' ? 'pem' : source);
  if (cert) out.certificates.push(cert);
  // Fixed wording on purpose: parser messages could quote the bytes they choked on.
  else out.notes.push({ code: 'unreadable-certificate', detail: `${where} did not decode as a certificate.` });
}

function tryParse(der: Uint8Array, source: CertificateSource): ParsedCertificate | undefined {
  try {
    return parseCertificateDer(der, source);
  } catch {
    return undefined;
  }
}

/** Strict enough to refuse text that is not base64 at all (Buffer.from silently skips bad characters). */
function decodeBase64(body: string): Uint8Array | undefined {
  // `\n` escapes: a PEM copied out of JSON or a log line.
  const clean = body.replace(/\\r|\\n/g, '').replace(/[\s>`"]/g, '');
  if (clean === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) {
    return undefined;
  }
  const bytes = Buffer.from(clean, 'base64');
  return bytes.length > 0 ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : undefined;
}
