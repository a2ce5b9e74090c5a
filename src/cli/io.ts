import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { Env } from '../config.js';
import { pasteFromBytes } from '../core/paste-bytes.js';

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
  /** Standard input is a terminal: say how to end a paste instead of seeming to hang. */
  stdinIsTTY?: boolean;
}

/** The exit status of a command: 0 done, 1 usage or input error, 2 something stayed undone. */
export type ExitCode = 0 | 1 | 2;

/** A usage error: one clear line on standard error, exit 1. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** node:util's parseArgs with positionals, its complaints turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(readableParseError(error as NodeJS.ErrnoException));
  }
}

/** node:util's messages are written for programmers; say what to type instead. */
function readableParseError(error: NodeJS.ErrnoException): string {
  const option = /'(-{1,2}[\w-]+)/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /ambiguous/.test(error.message)
        ? `${option} takes a value: write ${option}=VALUE when the value starts with '-'`
        : `${option} takes a value`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'too many arguments';
    default:
      return error.message;
  }
}

/** `--now` when given (a usage error unless ISO-8601), else the injected clock. */
export function parseNow(value: string | undefined, io: CliIo): Date {
  if (value === undefined) return io.now();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now takes an ISO-8601 time, not '${value}'`);
  return now;
}

/**
 * The paste: FILE's text, or standard input for none or `-`. An unreadable file is reported with
 * its error code only, and gives undefined.
 */
export async function readPaste(file: string | undefined, io: CliIo, command: string): Promise<string | undefined> {
  if (file === undefined || file === '-') {
    if (io.stdinIsTTY) io.stderr('Paste the text, then press Ctrl-D (Ctrl-Z and Enter on Windows).\n');
    return io.readStdin();
  }
  try {
    // Windows PowerShell writes `> file.txt` as UTF-16; a .cer or .pfx is binary: the core reads all of them.
    return pasteFromBytes(await io.readFile(file)).text;
  } catch (error) {
    io.stderr(
      `certcheck ${command}: cannot read ${file}: ${READ_ERRORS[(error as NodeJS.ErrnoException).code ?? ''] ?? (error as Error).message}\n`,
    );
    return undefined;
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file (ENOENT)',
  EACCES: 'permission denied (EACCES)',
  EISDIR: 'it is a folder, not a file (EISDIR)',
};
