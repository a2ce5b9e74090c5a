import { IANAZone } from 'luxon';
import { type CliIo, UsageError } from './io.js';

/** The option every command that shows an expiry takes. */
export const timeZoneOption = { tz: { type: 'string' } } as const;

/**
 * The zone expiry dates are shown in: `--tz` (an IANA name; anything else is a usage error), else
 * the TZ environment variable when it names one, else the system's zone, else UTC.
 */
export function chooseTimeZone(option: string | undefined, io: Pick<CliIo, 'env'>): string {
  if (option !== undefined) {
    if (!isZone(option)) {
      throw new UsageError(`--tz takes a time zone name such as Asia/Tokyo, Europe/London or UTC, not '${option}'`);
    }
    return option;
  }
  // TZ=:Asia/Tokyo is the POSIX way of naming a zone file; a POSIX rule (JST-9) is no zone name.
  const fromEnv = io.env.TZ?.replace(/^:/, '');
  if (fromEnv && isZone(fromEnv)) return fromEnv;
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return system && isZone(system) ? system : 'UTC';
}

const isZone = (name: string) => name.trim() === name && name !== '' && IANAZone.isValidZone(name);
