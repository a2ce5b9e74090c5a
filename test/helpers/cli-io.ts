import { readFile } from 'node:fs/promises';
import type { CliIo } from '../../src/cli/io.js';

export interface CapturedIo extends CliIo {
  out: string[];
  err: string[];
}

/**
 * A CliIo with a fixed clock, captured output, real file reads and an optional stdin text; dates
 * shown in UTC unless `env` names another TZ (or sets it undefined, for the system's zone).
 */
export function captureIo(options: {
  now: Date;
  stdin?: string;
  env?: Record<string, string | undefined>;
}): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => options.stdin ?? '',
    readFile: async (path) => new Uint8Array(await readFile(path)),
    env: { TZ: 'UTC', ...options.env },
    now: () => options.now,
    isTTY: false,
  };
}
