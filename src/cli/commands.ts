import type { CliIo, ExitCode } from './io.js';

export interface CliCommand {
  /** One line for `certcheck --help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<ExitCode>;
}

/**
 * The routing table of the CLI: one line per command. Each command is loaded only when it runs,
 * so a probe from cron does not pay for the tracking store, nor a diagnosis for the network.
 */
export const commands: Record<string, () => Promise<CliCommand>> = {
  diagnose: async () => (await import('./diagnose-command.js')).diagnoseCommand,
  track: async () => (await import('./track-command.js')).trackCommand,
  list: async () => (await import('./list-command.js')).listCommand,
  untrack: async () => (await import('./untrack-command.js')).untrackCommand,
  remind: async () => (await import('./remind-command.js')).remindCommand,
  probe: async () => (await import('./probe-command.js')).probeCommand,
  migrate: async () => (await import('./migrate-command.js')).migrateCommand,
};
