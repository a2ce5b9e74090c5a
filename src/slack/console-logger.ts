import { type Logger, LogLevel } from '@slack/bolt';

const ORDER: LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

/** Bolt's Logger on the console: one line per message, at LOG_LEVEL and above. */
export function createConsoleLogger(level: LogLevel): Logger {
  let current = level;
  let name = 'certcheck';
  const at =
    (l: LogLevel, write: (line: string) => void) =>
    (...msg: unknown[]) => {
      if (ORDER.indexOf(l) < ORDER.indexOf(current)) return;
      write(`[${l.toUpperCase()}] ${name} ${msg.map((m) => (typeof m === 'string' ? m : String(m))).join(' ')}`);
    };
  return {
    debug: at(LogLevel.DEBUG, console.log),
    info: at(LogLevel.INFO, console.log),
    warn: at(LogLevel.WARN, console.error),
    error: at(LogLevel.ERROR, console.error),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}

export const LOG_LEVELS = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
} as const;
