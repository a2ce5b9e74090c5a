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
