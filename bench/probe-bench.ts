import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chainPem } from '../test/probe/fixtures.js';
import { makeCertificate, type TestCertificate } from '../test/probe/helpers/test-certs.js';
import { startSmtp, type TestServer } from '../test/probe/helpers/servers.js';
import { scaled } from './mode.js';
import type { BenchResult } from './result.js';

const ENDPOINTS = scaled(200, 10);
/** The serial openssl loop runs over this many of them: enough for a steady per-endpoint figure. */
const SAMPLE = scaled(20, 2);
const CONCURRENCY = ENDPOINTS;
const TARGET_RATIO = 20;
const NOW = '2026-12-07T12:00:00Z';

/**
 * 200 loopback SMTP endpoints with STARTTLS, each presenting its own certificate (its own expiry):
 * one `certcheck probe` process over all of them, against what an admin does by hand, a serial
 * `openssl s_client -starttls smtp … | openssl x509 -enddate` per endpoint, timed in the same run
 * over a sample. Both are compared per endpoint, and the expiry each reads must agree.
 */
export async function benchProbe(): Promise<BenchResult[]> {
  const ca = makeCertificate({
    cn: 'Bench Issuing CA',
    ca: true,
    notBefore: '2025-01-01T00:00:00Z',
    notAfter: '2035-01-01T00:00:00Z',
  });
  const first = makeCertificate({ cn: 'key holder', notBefore: NOW, notAfter: NOW });
  const leaves: TestCertificate[] = Array.from({ length: ENDPOINTS }, (_, i) =>
    makeCertificate({
      keyOf: first,
      cn: `mail${i}.contoso.com`,
      sans: [`mail${i}.contoso.com`],
      issuer: ca,
      notBefore: '2026-01-01T00:00:00Z',
      notAfter: new Date(Date.parse('2027-01-01T00:00:00Z') + i * 86_400_000).toISOString(),
    }),
  );
  const servers: TestServer[] = [];
  for (const leaf of leaves) {
    servers.push(await startSmtp({ name: 'mail.contoso.com', key: leaf.keyPem, cert: chainPem(leaf, ca) }));
  }
  const cli = compiledCli();
  try {
    const targets = servers.map((s) => `smtp://127.0.0.1:${s.port}`);
    // One warm-up run, so the file cache is warm for both sides alike.
    await run(process.execPath, [...cli.args, 'probe', '--json', '--now', NOW, targets[0]!]);
    const started = performance.now();
    const probe = await run(process.execPath, [
      ...cli.args,
      'probe',
      '--json',
      '--now',
      NOW,
      '--concurrency',
      String(CONCURRENCY),
      ...targets,
    ]);
    const probeMs = performance.now() - started;
    const endpoints = (JSON.parse(probe.stdout) as { endpoints: { chain: { notAfter: string }[] }[] }).endpoints;
    if (endpoints.length !== ENDPOINTS) throw new Error(`certcheck probe returned ${endpoints.length} endpoints`);

    const sample = servers.filter((_, i) => i % (ENDPOINTS / SAMPLE) === 0);
    const opensslStarted = performance.now();
    for (const server of sample) {
      const index = servers.indexOf(server);
      const enddate = await opensslEnddate(server.port);
      const expected = endpoints[index]?.chain[0]?.notAfter;
      if (!expected || Date.parse(enddate) !== Date.parse(expected)) {
        throw new Error(`endpoint ${index}: openssl read ${enddate}, certcheck ${expected}`);
      }
    }
    const opensslMs = performance.now() - opensslStarted;
    const probeRate = (ENDPOINTS * 1000) / probeMs;
    const opensslRate = (sample.length * 1000) / opensslMs;
    return [
      {
        name: `probe: ${ENDPOINTS} loopback STARTTLS endpoints in one certcheck probe process (${cli.name}, --concurrency ${CONCURRENCY}, start-up included)`,
        value: probeRate,
        unit: 'endpoints/s',
        baseline: {
          name: `serial openssl s_client -starttls smtp | openssl x509 -enddate over ${sample.length} of them`,
          value: opensslRate,
        },
        ratio: probeRate / opensslRate,
        target: { text: `≥ ${TARGET_RATIO}× the openssl loop`, met: probeRate / opensslRate >= TARGET_RATIO },
      },
      { name: 'probe: whole certcheck probe run', value: probeMs, unit: 'ms' },
    ];
  } finally {
    cli.cleanup();
    await Promise.all(servers.map((s) => s.close()));
  }
}

/** The CLI as it ships: compiled once into a private folder (a shared dist/ may be rebuilt meanwhile). */
function compiledCli(): { name: string; args: string[]; cleanup(): void } {
  // Inside the project, so that the compiled files find node_modules as dist/ does.
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  const out = mkdtempSync(join('node_modules', '.cache', 'certcheck-bench-'));
  const tsc = join('node_modules', '.bin', 'tsc');
  const build = spawnSyncQuiet(tsc, ['-p', 'tsconfig.build.json', '--outDir', out]);
  const cli = join(out, 'cli.js');
  if (existsSync(cli))
    return {
      name: 'compiled',
      args: [join(process.cwd(), cli)],
      cleanup: () => rmSync(out, { recursive: true, force: true }),
    };
  rmSync(out, { recursive: true, force: true });
  console.log(`(could not compile the CLI: ${build}; measuring through tsx, start-up heavier)`);
  return { name: 'through tsx', args: ['--import', 'tsx', join('src', 'cli.ts')], cleanup: () => {} };
}

function spawnSyncQuiet(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 ? 'ok' : ((result.stdout || result.stderr || '').split('\n')[0] ?? '');
}

function run(command: string, args: string[], input?: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve({ stdout, code }) : reject(new Error(`${command} exited ${code}: ${stderr.slice(0, 300)}`)),
    );
    child.stdin.end(input ?? '');
  });
}

/** What an admin types: s_client's output piped into x509, as one shell pipeline per endpoint. */
async function opensslEnddate(port: number): Promise<string> {
  const { stdout } = await run('sh', [
    '-c',
    `openssl s_client -starttls smtp -connect 127.0.0.1:${port} -servername mail.contoso.com </dev/null 2>/dev/null | openssl x509 -noout -enddate`,
  ]);
  const match = /notAfter=(.+)/.exec(stdout);
  if (!match) throw new Error(`openssl gave no enddate for port ${port}`);
  return new Date(match[1]!.trim()).toISOString();
}
