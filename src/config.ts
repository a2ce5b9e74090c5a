import { z } from 'zod';
import { type Language, languageSchema } from './core/model.js';
import { type ProbeAllowList, parseProbeAllow } from './core/probe/allow-list.js';

/** Days before expiry at which a reminder goes out, when REMINDER_DAYS does not say. */
export const DEFAULT_REMINDER_DAYS: readonly number[] = [60, 30, 14, 7, 3, 1, 0];

/**
 * The environment, read once and validated: the only module that looks at `process.env`
 * (callers pass it in). Empty strings count as unset, and every problem is reported at once.
 */

const emptyAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());

const daysList = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'a comma-separated list of whole days, e.g. 60,30,14,7,3,1,0')
  .transform((s) => [...new Set(s.split(',').map((d) => Number.parseInt(d.trim(), 10)))].sort((a, b) => b - a));

const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error'], { error: 'debug, info, warn or error' });

const configSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    emptyAsUnset,
    z.string().startsWith('xoxb-', 'a bot token starts with xoxb- (OAuth & Permissions page)').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: z.preprocess(
    emptyAsUnset,
    z.string().startsWith('xapp-', 'an app-level token starts with xapp- (Basic Information page)').optional(),
  ),
  PORT: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number({ error: 'a port number from 0 to 65535, e.g. 3000' })
      .int('a whole port number, e.g. 3000')
      .min(0, 'a port number from 0 to 65535')
      .max(65535, 'a port number from 0 to 65535')
      .default(3000),
  ),
  METRICS_PORT: z.preprocess(
    emptyAsUnset,
    z.coerce
      .number({ error: 'a port number from 1 to 65535, e.g. 9464' })
      .int('a whole port number, e.g. 9464')
      .min(1, 'a port number from 1 to 65535')
      .max(65535, 'a port number from 1 to 65535')
      .optional(),
  ),
  SLACK_API_URL: z.preprocess(emptyAsUnset, z.url('a URL such as https://slack.com/api/').optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(
        /^(file:.+|postgres(ql)?:\/\/.+)/i,
        'a file: URL such as file:./data/certcheck.db, or postgres://user:password@host:5432/certcheck',
      )
      .default('file:./data/certcheck.db'),
  ),
  REMINDER_CRON: z.preprocess(emptyAsUnset, z.string().default('0 9 * * 1-5')),
  REMINDER_TZ: z.preprocess(
    emptyAsUnset,
    z.string().refine(isTimeZone, 'an IANA time zone such as UTC or Asia/Tokyo').default('UTC'),
  ),
  REMINDER_DAYS: z.preprocess(emptyAsUnset, daysList.default([...DEFAULT_REMINDER_DAYS])),
  REMINDER_CHANNEL: optionalString,
  CERTCHECK_LANG: z.preprocess(emptyAsUnset, z.enum(languageSchema.options, { error: 'en or ja' }).default('en')),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? emptyAsUnset(v.toLowerCase()) : v),
    logLevelSchema.default('info'),
  ),
  PROBE_ALLOW: z.preprocess(emptyAsUnset, z.string().optional()).transform((text, ctx) => {
    const parsed = parseProbeAllow(text);
    if (parsed.ok) return parsed.allow;
    for (const problem of parsed.problems) ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface Config {
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
  };
  port: number;
  /** METRICS_PORT: /metrics and the probes on a port of their own, off the one Slack reaches. */
  metricsPort?: number;
  /** DATABASE_URL as given: `file:…` (SQLite) or `postgres://…` (shared by replicas); open it with openStore. */
  databaseUrl: string;
  /** Path of the SQLite file (the DATABASE_URL without `file:`), or ':memory:'; empty on Postgres. */
  databasePath: string;
  reminders: {
    cron: string;
    timeZone: string;
    /** Descending thresholds in days. */
    days: number[];
    defaultChannel?: string;
  };
  defaultLanguage: Language;
  logLevel: z.infer<typeof logLevelSchema>;
  /** What `/certcheck probe` may connect to; empty (the default) turns probing from Slack off. */
  probeAllow: ProbeAllowList;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`certcheck is not configured correctly:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** Reads and validates the environment; throws one ConfigError naming every bad variable. */
export function loadConfig(env: Env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  return {
    slack: {
      ...(e.SLACK_BOT_TOKEN && { botToken: e.SLACK_BOT_TOKEN }),
      ...(e.SLACK_SIGNING_SECRET && { signingSecret: e.SLACK_SIGNING_SECRET }),
      ...(e.SLACK_APP_TOKEN && { appToken: e.SLACK_APP_TOKEN }),
      ...(e.SLACK_API_URL && { apiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/` }),
    },
    port: e.PORT,
    ...(e.METRICS_PORT !== undefined && { metricsPort: e.METRICS_PORT }),
    databaseUrl: e.DATABASE_URL,
    databasePath: /^file:/i.test(e.DATABASE_URL) ? e.DATABASE_URL.replace(/^file:(\/\/)?/, '') : '',
    reminders: {
      cron: e.REMINDER_CRON,
      timeZone: e.REMINDER_TZ,
      days: e.REMINDER_DAYS,
      ...(e.REMINDER_CHANNEL && { defaultChannel: e.REMINDER_CHANNEL }),
    },
    defaultLanguage: e.CERTCHECK_LANG,
    logLevel: e.LOG_LEVEL,
    probeAllow: e.PROBE_ALLOW,
  };
}

/**
 * What running the bot needs beyond loadConfig: a token, and in HTTP mode a signing secret.
 * Returns the problems (empty when the bot can start).
 */
export function slackStartProblems(config: Config): string[] {
  const problems: string[] = [];
  if (!config.slack.botToken) problems.push('SLACK_BOT_TOKEN: not set (the bot token, xoxb-…)');
  if (!config.slack.appToken && !config.slack.signingSecret) {
    problems.push('SLACK_SIGNING_SECRET: not set; HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return problems;
}
