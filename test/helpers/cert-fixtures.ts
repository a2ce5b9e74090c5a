import { readFileSync } from 'node:fs';

/** Test certificates and corpus pastes under test/fixtures (never the shared reference folder). */
export function corpusText(name: string): string {
  return readFileSync(new URL(`../fixtures/corpus/${name}`, import.meta.url), 'utf8');
}

export function certText(name: string): string {
  return readFileSync(new URL(`../fixtures/certs/${name}`, import.meta.url), 'utf8');
}

export interface CertFacts {
  thumbprint: string;
  notBefore: string;
  notAfter: string;
  subject: string;
  issuer: string;
  san: string | null;
  serial: string;
}

/** Ground truth computed by openssl when the fixtures were made (SHA-1 thumbprints, validity). */
export const certFacts: Record<string, CertFacts> = JSON.parse(certText('facts.json'));

/** The PEM body of a fixture as bare base64 on one line, the way p07 pastes it. */
export function bareBase64(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}
