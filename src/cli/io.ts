import type { Env } from '../config.js';

/**
 * Everything a CLI command touches of the outside world, injected so that `runCli(argv, io)`
 * runs end to end in tests with a fixed clock and captured output.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The whole of standard input, decoded as UTF-8. */
  readStdin(): Promise<string>;
  /** A file's bytes; rejects when it cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  env: Env;
  /** The real clock in production, a fixed one in tests. */
  now(): Date;
  /** Colours only on a terminal. */
  isTTY: boolean;
}

/** The exit status of a command: 0 done, 1 usage or input error, 2 something stayed undone. */
export type ExitCode = 0 | 1 | 2;

/** A usage error: one clear line on standard error, exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}
