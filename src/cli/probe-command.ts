import type { ProbeVerdict } from '../core/probe/judge-probe.js';
import { judgeProbe } from '../core/probe/judge-probe.js';
import { probeText } from '../core/probe/probe-text.js';
import { type ProbeTarget, parseTarget } from '../core/probe/target.js';
import type { Language } from '../core/model.js';
import { probeEndpoint } from '../probe/probe-endpoint.js';
import { mapBounded } from '../probe/pool.js';
import type { CliCommand } from './commands.js';
import { parseCommandArgs, parseNow, UsageError } from './io.js';
import { renderReport } from './report.js';
import { terminalSafe, terminalSafeJson } from './terminal-safe.js';
import { chooseTimeZone, timeZoneOption } from './time-zone.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 256;

export const probeCommand: CliCommand = {
  summary:
    'Connect to a server (SMTP/IMAP/POP3 STARTTLS, or TLS) and diagnose the certificate chain it presents right now.',
  usage:
    'certcheck probe TARGET… [--json] [--now ISO-8601] [--timeout MS] [--concurrency N] [--lang en|ja] [--warn-days N] [--tz ZONE]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, {
      json: { type: 'boolean' },
      now: { type: 'string' },
      timeout: { type: 'string' },
      concurrency: { type: 'string' },
      lang: { type: 'string' },
      'warn-days': { type: 'string' },
      ...timeZoneOption,
    });
    const now = parseNow(values.now, io);
    const timeZone = chooseTimeZone(values.tz, io);
    const timeoutMs = wholeNumber(values.timeout, '--timeout', 'milliseconds', DEFAULT_TIMEOUT_MS, 1, 600_000);
    const concurrency = wholeNumber(
      values.concurrency,
      '--concurrency',
      'connections',
      DEFAULT_CONCURRENCY,
      1,
      MAX_CONCURRENCY,
    );
    const warnDays = wholeNumber(values['warn-days'], '--warn-days', 'days', 30, 0, 100_000);
    const language = languageOf(values.lang, io.env.CERTCHECK_LANG);
    if (positionals.length === 0)
      throw new UsageError('give at least one TARGET (HOST, HOST:PORT or a URL such as smtp://mail.contoso.com)');
    const targets: ProbeTarget[] = [];
    for (const text of positionals) {
      const parsed = parseTarget(text);
      if (!parsed.ok) throw new UsageError(parsed.problem);
      targets.push(...parsed.targets);
    }
    // The JSON has no steps; the text report shows them, and only then is the step library loaded.
    const buildSteps = values.json ? undefined : (await import('../core/steps.js')).buildSteps;
    const verdicts = await mapBounded(targets, concurrency, async (target) =>
      judgeProbe(await probeEndpoint(target, { timeoutMs }), {
        now,
        language,
        warnDays,
        // The JSON's sentences count in UTC, to the day; the text report in the reader's zone.
        ...(!values.json && { timeZone }),
        ...(buildSteps && { buildSteps }),
      }),
    );
    if (values.json) {
      io.stdout(`${terminalSafeJson({ endpoints: verdicts.map((v) => v.report) })}\n`);
      return 0;
    }
    const color = io.isTTY && !io.env.NO_COLOR;
    io.stdout(verdicts.map((verdict) => renderEndpoint(verdict, language, { color, timeZone })).join('\n'));
    return 0;
  },
};

function wholeNumber(
  value: string | undefined,
  option: string,
  unit: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) {
    throw new UsageError(`${option} takes a whole number of ${unit} from ${min} to ${max}, not '${value}'`);
  }
  return n;
}

function languageOf(option: string | undefined, env: string | undefined): Language {
  // Checked by hand rather than with the model's schema: the probe's start-up stays without zod.
  const isLanguage = (value: string | undefined): value is Language => value === 'en' || value === 'ja';
  if (option !== undefined && !isLanguage(option)) throw new UsageError(`--lang takes en or ja, not '${option}'`);
  return option ?? (isLanguage(env) ? env : 'en');
}

/** The diagnosis report (made inert for the terminal by the report), with what the server said before TLS. */
function renderEndpoint(
  { diagnosis, report }: ProbeVerdict,
  language: Language,
  options: { color: boolean; timeZone: string },
): string {
  const label = probeText[language].label;
  const [first = '', ...rest] = renderReport(diagnosis, options).split('\n');
  const lines = [first];
  if (report.banner !== null) {
    // The server's own words, first line only: no escape sequence of theirs reaches the terminal.
    lines.push(`  ${label.greeting}: ${terminalSafe(report.banner.split('\n')[0] ?? '').slice(0, 200)}`);
  }
  return [...lines, ...rest].join('\n');
}
