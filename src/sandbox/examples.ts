import { readFile } from 'node:fs/promises';

/**
 * The repository's example pastes, offered on the page so that someone trying certcheck sees a
 * real answer without having a paste at hand. Read from examples/ when asked; a missing file is
 * simply not offered.
 */

export interface Example {
  file: string;
  label: string;
  text: string;
}

const EXAMPLES: readonly { file: string; label: string }[] = [
  { file: 'event-12015-exchange2007-hub.txt', label: 'Event 12015: internal transport certificate expired' },
  { file: 'event-12014-hybrid-tlscertificatename.txt', label: 'Event 12014: hybrid send connector certificate' },
  { file: 'event-12015-12014-ja.txt', label: 'Events 12015 and 12014 (Japanese)' },
  { file: 'get-exchangecertificate-fl.txt', label: 'Get-ExchangeCertificate | fl' },
  { file: 'owa-1003-auth-certificate.txt', label: 'OWA event 1003: the Auth certificate' },
  { file: 'certificate-chain.pem', label: 'A certificate chain (PEM)' },
];

/** examples/ at the top of the repository: two folders up from src/sandbox and from dist/sandbox alike. */
export const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

export async function loadExamples(dir: URL = EXAMPLES_DIR): Promise<Example[]> {
  const loaded = await Promise.all(
    EXAMPLES.map(async ({ file, label }) => {
      try {
        return [{ file, label, text: (await readFile(new URL(file, dir), 'utf8')).trimEnd() }];
      } catch {
        return [];
      }
    }),
  );
  return loaded.flat();
}
