import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { diagnose } from '../src/core/diagnose.js';
import type { BenchResult } from './result.js';

const NOW = new Date('2026-11-28T12:00:00Z');

/**
 * Pastes diagnosed per second over the sample corpus, and for the certificate pastes the cost of a
 * full diagnosis against Node's bare X509Certificate parse of the same certificates (the floor).
 */
export async function benchCore(): Promise<BenchResult[]> {
  const dir = new URL('../test/fixtures/corpus/', import.meta.url);
  const pastes = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const pems = pastes.filter((p) => p.includes('-----BEGIN CERTIFICATE-----'));
  const ders = pems.flatMap((p) =>
    [...p.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) =>
      Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64'),
    ),
  );

  const corpusRate = rate(() => {
    for (const paste of pastes) diagnose(paste, { now: NOW });
  }, pastes.length);
  const pemRate = rate(() => {
    for (const pem of pems) diagnose(pem, { now: NOW });
  }, pems.length);
  const x509Rate = rate(() => {
    for (const der of ders) new X509Certificate(der);
  }, ders.length);
  const big = `${pastes.join('\n\n')}\n${'noise line that matches nothing\n'.repeat(30_000)}`.slice(0, 1024 * 1024);
  const bigRate = rate(() => diagnose(big, { now: NOW }), 1, 3);
  return [
    { name: 'core: corpus pastes diagnosed', value: corpusRate, unit: 'pastes/s' },
    {
      name: 'core: certificate pastes diagnosed (PEM → findings + steps)',
      value: pemRate,
      unit: 'pastes/s',
      baseline: { name: "Node's bare X509Certificate parse of one certificate", value: x509Rate },
      ratio: pemRate / x509Rate,
    },
    { name: 'core: 1 MiB paste diagnosed', value: 1000 / bigRate, unit: 'ms' },
  ];
}

/** Operations per second over at least `minMs`, after a warm-up. */
function rate(run: () => void, operationsPerRun: number, minRuns = 20, minMs = 1500): number {
  run();
  let runs = 0;
  const start = performance.now();
  while (runs < minRuns || performance.now() - start < minMs) {
    run();
    runs++;
  }
  return (runs * operationsPerRun * 1000) / (performance.now() - start);
}
