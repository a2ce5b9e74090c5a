import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * A real, throw-away Postgres server for tests and benches: Debian's `postgresql` binaries, a data
 * folder under the OS temp dir, loopback only, fsync off. initdb refuses to run as root, so as root
 * the server runs as the `postgres` user the package creates (through setpriv).
 *
 * Without the binaries the tests are skipped on a developer machine, and fail under CI=true: a
 * Postgres path that CI silently skips is a path nobody tests.
 */

export interface PostgresServer {
  /** postgres://… of the server's maintenance database. */
  readonly url: string;
  readonly port: number;
  /** A fresh, empty database on this server. */
  newDatabase(): Promise<string>;
  /** Stops the server (fast shutdown), keeping its data: the database is down. */
  pause(): Promise<void>;
  /** Starts it again on the same port and data. */
  resume(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'certcheck';

/** The folder holding initdb and postgres: PG_BIN, else the newest /usr/lib/postgresql/<ver>/bin. */
export function postgresBinaries(): string | undefined {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'postgres'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(root, versions[0], 'bin');
}

/** Why Postgres tests cannot run here, or undefined when they can. Throws under CI. */
export function postgresUnavailable(): string | undefined {
  if (postgresBinaries()) return undefined;
  const reason =
    "no Postgres binaries (install Debian's postgresql, or set PG_BIN to the folder holding initdb and postgres)";
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error(`Postgres tests cannot run under CI: ${reason}`);
  }
  return reason;
}

export interface PostgresOptions {
  /** Serve TLS with this certificate and key (PEM): connections may then use sslmode in the URL. */
  tls?: { cert: string; key: string };
}

export async function startPostgres(options: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinaries();
  if (!bin) throw new Error(postgresUnavailable() ?? 'no Postgres binaries');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'certcheck-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  // setpriv execs the command itself (no parent left in between), so signals reach the server.
  const run = (command: string, args: string[]): [string, string[]] =>
    owner
      ? ['setpriv', [`--reuid=${owner.uid}`, `--regid=${owner.gid}`, '--init-groups', command, ...args]]
      : [command, args];

  const [initCommand, initArgs] = run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    USER,
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const tlsArgs: string[] = [];
  if (options.tls) {
    const cert = join(dir, 'server.crt');
    const key = join(dir, 'server.key');
    writeFileSync(cert, options.tls.cert);
    // Postgres refuses a key others can read.
    writeFileSync(key, options.tls.key, { mode: 0o600 });
    chmodSync(key, 0o600);
    if (owner) for (const file of [cert, key]) chownSync(file, owner.uid, owner.gid);
    tlsArgs.push('-c', 'ssl=on', '-c', `ssl_cert_file=${cert}`, '-c', `ssl_key_file=${key}`);
  }
  const port = await freePort();
  let server: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    const [command, args] = run(join(bin, 'postgres'), [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=32MB',
      ...tlsArgs,
    ]);
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    server = child;
    await waitUntilReady(`postgres://${USER}@127.0.0.1:${port}/postgres`, child, () => log);
  };
  const halt = async () => {
    const child = server;
    server = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // SIGINT is Postgres's fast shutdown: open connections are cut, as in an outage.
    child.kill('SIGINT');
    await exited;
  };
  const killOnExit = () => server?.kill('SIGKILL');
  process.once('exit', killOnExit);

  await start();
  const url = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    async newDatabase() {
      const name = `certcheck_${randomUUID().replaceAll('-', '')}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://${USER}@127.0.0.1:${port}/${name}`;
    },
    pause: halt,
    resume: start,
    async stop() {
      await halt();
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresUser(): { uid: number; gid: number } {
  const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (id.status !== 0 || gid.status !== 0) {
    throw new Error("running as root needs the unprivileged `postgres` user (Debian's postgresql package creates it)");
  }
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * A port nothing listens on right now, on the loopback, for a server started later by another
 * process (Postgres, a replica). It is picked below the kernel's ephemeral range: every other test's
 * `listen(0)` and outgoing connection takes its port from that range, so none of them can take this
 * one in the seconds before the server binds it, nor while a paused Postgres is down.
 */
export async function freePort(): Promise<number> {
  const low = ephemeralRangeStart();
  const floor = 10_000;
  for (let attempt = 0; attempt < 50 && low - floor > 1000; attempt++) {
    const port = floor + Math.floor(Math.random() * (low - floor));
    if (await bindable(port)) return port;
  }
  return listenAnywhere();
}

function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/);
    return Number(low) || 32_768;
  } catch {
    return 32_768;
  }
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

function listenAnywhere(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = performance.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (performance.now() > deadline) throw new Error(`postgres did not start: ${String(error)}\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
