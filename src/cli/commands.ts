import { diagnoseCommand } from './diagnose-command.js';
import type { CliIo, ExitCode } from './io.js';
import { listCommand } from './list-command.js';
import { remindCommand } from './remind-command.js';
import { trackCommand } from './track-command.js';
import { untrackCommand } from './untrack-command.js';

export interface CliCommand {
  /** One line for `certcheck --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/** The routing table of the CLI: one line per command. */
export const commands: Record<string, CliCommand> = {
  diagnose: diagnoseCommand,
  track: trackCommand,
  list: listCommand,
  untrack: untrackCommand,
  remind: remindCommand,
};
