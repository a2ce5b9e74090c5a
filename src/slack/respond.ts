import type { SlackMessage } from './blocks/kit.js';

export interface ResponsePayload extends SlackMessage {
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
}

/**
 * A response_url post outside Bolt's respond() (the modal and the error handler have no respond).
 * Throws on a non-2xx reply like respond() does, so failures reach app.error.
 */
export async function postToResponseUrl(fetchFn: typeof fetch, url: string, payload: ResponsePayload): Promise<void> {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`response_url answered ${response.status}`);
}

/** How long an answer may take to reach Slack before it is given up (its memory released). */
export const POST_TIMEOUT_MS = 15_000;

/**
 * `fetch` that gives up after `ms` unless the caller set its own signal. Bolt's respond() sets none:
 * an answer Slack never accepts would otherwise be held, with its paste, for as long as the socket
 * stays open, and the receiver would count it as held forever.
 */
export function fetchWithin(inner: typeof fetch, ms = POST_TIMEOUT_MS): typeof fetch {
  return (input, init) => inner(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(ms) });
}
