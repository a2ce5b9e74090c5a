import { parseArgs } from 'node:util';
import { diagnose } from '../core/diagnose.js';
import { languageSchema } from '../core/model.js';
import { renderReport } from './report.js';
import { trackedLines } from './tracked-lines.js';
import type { CliCommand } from './commands.js';
import { UsageError } from './io.js';

export const diagnoseCommand: CliCommand = {
  summary: 'Diagnose a paste (event text, certificate, Get-ExchangeCertificate output, thumbprint…).',
  usage: 'certcheck diagnose [FILE | -] [--json] [--lang en|ja] [--now ISO-8601] [--warn-days N]',
  async run(args, io) {
    const { values, positionals } = parseOptions(args);
    const lang = values.lang === undefined ? undefined : languageSchema.safeParse(values.lang);
    if (lang && !lang.success) throw new UsageError(`--lang takes en or ja, not '${values.lang}'`);
    const now = values.now === undefined ? io.now() : new Date(values.now);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now takes an ISO-8601 time, not '${values.now}'`);
    const warnDays = values['warn-days'] === undefined ? 30 : Number(values['warn-days']);
    if (!Number.isInteger(warnDays) || warnDays < 0) {
      throw new UsageError(`--warn-days takes a whole number of days, not '${values['warn-days']}'`);
    }
    if (positionals.length > 1) throw new UsageError('give one FILE (or - for standard input)');
    const file = positionals[0];
    let text: string;
    if (file === undefined || file === '-') {
      text = await io.readStdin();
    } else {
      try {
        text = new TextDecoder().decode(await io.readFile(file));
      } catch (error) {
        io.stderr(`certcheck diagnose: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
        return 1;
      }
    }
    const diagnosis = diagnose(text, { now, warnDays, ...(lang?.success && { lang: lang.data }) });
    if (values.json) {
      io.stdout(`${JSON.stringify(diagnosis, null, 2)}\n`);
      return 0;
    }
    io.stdout(renderReport(diagnosis, { color: io.isTTY && !io.env.NO_COLOR }));
    for (const line of await trackedLines(diagnosis, io)) io.stdout(`${line}\n`);
    return 0;
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        lang: { type: 'string' },
        now: { type: 'string' },
        'warn-days': { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
