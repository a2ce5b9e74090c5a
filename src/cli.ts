#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import type { CliIo } from './cli/io.js';
import { runCli } from './cli/run-cli.js';
import { pasteFromBytes } from './core/paste-bytes.js';

// The composition root of the command line: the real process, the real clock.

// `certcheck diagnose … | head -3`: the reader closed the pipe because it has what it wants.
// Nothing is wrong and nothing more can be said: stop quietly, as the other filters in a pipe do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    // A pipe from Windows PowerShell may carry UTF-16: read stdin like a file.
    return pasteFromBytes(new Uint8Array(Buffer.concat(chunks))).text;
  },
  readFile: async (path) => new Uint8Array(await readFile(path)),
  env: process.env,
  now: () => new Date(),
  isTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
};

runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`certcheck: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
