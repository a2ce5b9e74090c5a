import { z } from 'zod';

const slackErrorData = z.looseObject({ error: z.string().optional() });

/**
 * An error for the log: its name, code and Slack error string, and its message with tokens
 * masked — never the request, which can carry a paste or a token.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'non-error thrown';
  const code = 'code' in error && typeof error.code === 'string' ? ` ${error.code}` : '';
  const data = 'data' in error ? slackErrorData.safeParse(error.data) : undefined;
  const slackError = data?.success && data.data.error ? ` (${data.data.error})` : '';
  return `${error.name}${code}${slackError}: ${redactSecrets(error.message).slice(0, 300)}`;
}

function redactSecrets(text: string): string {
  return text.replace(/xox[abpre]-[A-Za-z0-9-]+/g, 'xox?-…').replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-…');
}
