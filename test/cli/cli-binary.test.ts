import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/temp-db.js';

const BINARY = join('dist', 'cli.js');
const dir = tempDir('cli-binary');

/** A listing of 600 certificates: a report far larger than a pipe's buffer, so writes are still pending. */
function bigListing(): string {
  const blocks = Array.from({ length: 600 }, (_, i) =>
    [
      `CertificateDomains : {host${i}.contoso.com}`,
      'Issuer             : CN=Contoso Issuing CA',
      'NotAfter           : 12/10/2026 12:00:00 AM',
      'NotBefore          : 12/10/2025 12:00:00 AM',
      'Services           : IIS, SMTP',
      `Subject            : CN=host${i}.contoso.com`,
      `Thumbprint         : ${i.toString(16).toUpperCase().padStart(4, '0').repeat(10)}`,
    ].join('\n'),
  );
  return `Get-ExchangeCertificate | fl\n\n${blocks.join('\n\n')}\n`;
}

test('certcheck diagnose FILE | head -3: a reader that closes the pipe ends the CLI quietly, exit 0', {
  skip: existsSync(BINARY) ? false : `${BINARY} is missing: run \`npm run build\` first`,
}, async () => {
  mkdirSync(dir, { recursive: true });
  const paste = join(dir, 'big-listing.txt');
  writeFileSync(paste, bigListing());
  const child = spawn(process.execPath, [BINARY, 'diagnose', paste], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DATABASE_URL: `file:${join(dir, 'unused.db')}` },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let firstChunk = '';
  child.stdout.once('data', (chunk: Buffer) => {
    firstChunk = chunk.toString();
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.match(firstChunk, /contoso\.com/, 'the report started');
  assert.doesNotMatch(stderr, /EPIPE|Error|\n {4}at /, stderr);
  assert.equal(code, 0);
});
