import { diagnose } from '../core/diagnose.js';
import { languageSchema } from '../core/model.js';
import type { CliCommand } from './commands.js';
import { parseCommandArgs, parseNow, readPaste, UsageError } from './io.js';
import { renderReport } from './report.js';
import { chooseTimeZone, timeZoneOption } from './time-zone.js';
import { trackedLines } from './tracked-lines.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';

export const diagnoseCommand: CliCommand = {
  summary: 'Diagnose a paste (event text, certificate, Get-ExchangeCertificate output, thumbprint…).',
  usage: 'certcheck diagnose [FILE | -] [--json] [--lang en|ja] [--now ISO-8601] [--warn-days N] [--tz ZONE]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      now: { type: 'string' },
      'warn-days': { type: 'string' },
      ...timeZoneOption,
    });
    const lang = values.lang === undefined ? undefined : languageSchema.safeParse(values.lang);
    if (lang && !lang.success) throw new UsageError(`--lang takes en or ja, not '${values.lang}'`);
    const now = parseNow(values.now, io);
    const timeZone = chooseTimeZone(values.tz, io);
    const warnDays = values['warn-days'] === undefined ? 30 : Number(values['warn-days']);
    if (!Number.isInteger(warnDays) || warnDays < 0) {
      throw new UsageError(`--warn-days takes a whole number of days, not '${values['warn-days']}'`);
    }
    if (positionals.length > 1) throw new UsageError('give one FILE (or - for standard input)');
    const text = await readPaste(positionals[0], io, 'diagnose');
    if (text === undefined) return 1;
    const options = { now, warnDays, ...(lang?.success && { lang: lang.data }) };
    if (values.json) {
      // The contract's sentences count in UTC, to the day, whoever reads them.
      io.stdout(`${terminalSafeJson(diagnose(text, options))}\n`);
      return 0;
    }
    const diagnosis = diagnose(text, { ...options, timeZone });
    io.stdout(renderReport(diagnosis, { color: io.isTTY && !io.env.NO_COLOR, timeZone }));
    for (const line of await trackedLines(diagnosis, io, timeZone)) io.stdout(`${terminalSafe(line)}\n`);
    return 0;
  },
};
