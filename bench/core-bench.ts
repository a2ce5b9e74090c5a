import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { parseCertificateDer } from '../src/core/certificate.js';
import { diagnose } from '../src/core/diagnose.js';
import { scaled } from './mode.js';
import { type BenchResult, median } from './result.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
/** How long each measured loop runs (after its warm-up). */
const LOOP_MS = scaled(1500, 30);

/**
 * The core on the sample corpus, in CPU time: short pastes without certificates in microseconds,
 * certificate pastes against Node's bare X509Certificate parse of the same certificates (the
 * floor), the whole corpus per second, and one 1 MiB paste.
 */
export async function benchCore(): Promise<BenchResult[]> {
  const dir = new URL('../test/fixtures/corpus/', import.meta.url);
  const pastes = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const short = pastes.filter((p) => Buffer.byteLength(p) <= 2048 && !p.includes('-----BEGIN'));
  const withCertificates = pastes.filter((p) => p.includes('-----BEGIN CERTIFICATE-----'));

  // Each short paste's own median, then the median over the pastes (and the slowest of them).
  const shortMicros = short.map((paste) => microsPerCall(() => diagnose(paste, { now: NOW })));
  // The floor parses each certificate block of the same pastes from its PEM text.
  const blocks = withCertificates.map((p) => p.match(PEM_BLOCK) ?? []);
  const diagnoseMicros = microsPerCall(() => {
    for (const paste of withCertificates) diagnose(paste, { now: NOW });
  });
  const x509Micros = microsPerCall(() => {
    for (const pemBlocks of blocks) for (const block of pemBlocks) new X509Certificate(block);
  });
  // The core's own certificate parse from the same PEM text (base64 decoded here, as Node decodes it).
  const parseMicros = microsPerCall(() => {
    for (const pemBlocks of blocks)
      for (const block of pemBlocks) parseCertificateDer(Buffer.from(pemBody(block), 'base64'), 'pem');
  });
  const corpusMicros = microsPerCall(() => {
    for (const paste of pastes) diagnose(paste, { now: NOW });
  });
  const big = `${pastes.join('\n\n')}\n${'noise line that matches nothing\n'.repeat(40_000)}`.slice(0, 1024 * 1024);
  const bigMs = microsPerCall(() => diagnose(big, { now: NOW }), scaled(3, 1)) / 1000;
  const shortMedian = median(shortMicros);
  const certificateRatio = diagnoseMicros / x509Micros;
  const parseThroughput = x509Micros / parseMicros;
  return [
    {
      name: `core: diagnose a paste ≤ 2 KiB without certificates (median of ${short.length} corpus pastes; slowest ${Math.round(Math.max(...shortMicros))} µs)`,
      value: shortMedian,
      unit: 'µs',
      target: { text: '≤ 50 µs', met: shortMedian <= 50 },
    },
    {
      name: `core: diagnose the ${withCertificates.length} certificate pastes (${blocks.flat().length} certificates)`,
      value: diagnoseMicros,
      unit: 'µs',
      baseline: { name: "Node's X509Certificate parse of the same PEM blocks", value: x509Micros },
      ratio: certificateRatio,
      target: { text: 'ratio ≤ 1.5', met: certificateRatio <= 1.5 },
    },
    {
      name: `core: certificate parsing throughput (the same ${blocks.flat().length} PEM blocks)`,
      value: 1e6 / (parseMicros / blocks.flat().length),
      unit: 'certificates/s',
      baseline: { name: "Node's bare X509Certificate", value: 1e6 / (x509Micros / blocks.flat().length) },
      ratio: parseThroughput,
      target: { text: 'ratio ≥ 0.5', met: parseThroughput >= 0.5 },
    },
    {
      name: `core: corpus pastes diagnosed (${pastes.length} pastes)`,
      value: (pastes.length * 1e6) / corpusMicros,
      unit: 'pastes/s',
    },
    {
      name: 'core: 1 MiB paste (the corpus, then noise lines) diagnosed',
      value: bigMs,
      unit: 'ms',
      target: { text: '≤ 200 ms', met: bigMs <= 200 },
    },
  ];
}

/**
 * CPU microseconds per call: the median over batches of calls, each batch at least 10 ms of CPU,
 * after a warm-up, until LOOP_MS has passed and at least `minBatches` were timed. CPU time rather
 * than wall time: on a shared machine other processes' work lengthens the wall clock of both sides
 * of a ratio differently, while the CPU a call costs stays put (the process runs no other thread
 * here but V8's own, whose garbage collection is part of the cost).
 */
function microsPerCall(run: () => unknown, minBatches = 9): number {
  for (let i = 0; i < 3; i++) run();
  let perBatch = 1;
  for (;;) {
    const started = cpuMicros();
    for (let i = 0; i < perBatch; i++) run();
    if (cpuMicros() - started >= 10_000 || perBatch >= 1 << 16) break;
    perBatch *= 2;
  }
  const samples: number[] = [];
  const deadline = performance.now() + LOOP_MS;
  while (samples.length < minBatches || performance.now() < deadline) {
    const started = cpuMicros();
    for (let i = 0; i < perBatch; i++) run();
    samples.push((cpuMicros() - started) / perBatch);
    if (samples.length >= minBatches && LOOP_MS < 100) break;
  }
  return median(samples);
}

function pemBody(block: string): string {
  return block.replace(/-----(?:BEGIN|END) CERTIFICATE-----|\s/g, '');
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}
