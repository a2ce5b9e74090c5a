import { commands } from './commands.js';
import { type CliIo, type ExitCode, UsageError } from './io.js';

/** `certcheck <command> …`: the diagnosis core and the tracking store, without Slack. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await helpText());
    return name ? 0 : 1;
  }
  if (name === '--version') {
    io.stdout('certcheck 0.1.0\n');
    return 0;
  }
  const load = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!load) {
    io.stderr(`certcheck: unknown command '${name}'. Try: ${Object.keys(commands).join(', ')} (certcheck --help)\n`);
    return 1;
  }
  const command = await load();
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(`${command.summary}\n\nusage: ${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      // The contract's one clear line: the problem, then how the command is written.
      io.stderr(`certcheck ${name}: ${error.message} (usage: ${command.usage})\n`);
      return 1;
    }
    throw error;
  }
}

async function helpText(): Promise<string> {
  const all = await Promise.all(Object.values(commands).map((load) => load()));
  const rows = all.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `certcheck: diagnose Exchange and Windows certificate problems from a paste.\n\nCommands:\n${rows.join('\n')}\n`;
}
