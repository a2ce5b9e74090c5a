import { withBlockIds } from './block-ids.js';
import type { Workspace } from './workspace.js';

/**
 * A response_url as Slack serves it: at most five posts; `replace_original` redraws the message
 * the button was on (in place), `delete_original` removes it, anything else is a new message,
 * visible only to you unless `response_type` is `in_channel`.
 */

const MAX_USES = 5;

export function answerResponseUrl(
  ws: Workspace,
  id: string,
  payload: Record<string, unknown>,
): { status: number; body: string } {
  const target = ws.responseTargets.get(id);
  if (!target) return finish(ws, 404, 'expired_url');
  if (++target.uses > MAX_USES) return finish(ws, 404, 'used_url');
  const source = target.messageId ? ws.byId(target.messageId) : undefined;
  const text = typeof payload.text === 'string' ? payload.text : '';
  const blocks = withBlockIds(Array.isArray(payload.blocks) ? payload.blocks : undefined);
  if (payload.delete_original === true || payload.delete_original === 'true') {
    if (source) ws.remove(source);
    return finish(ws, 200, 'ok', 'delete_original');
  }
  if (payload.replace_original === true || payload.replace_original === 'true') {
    if (!source) return finish(ws, 404, 'message_not_found', 'replace_original');
    ws.replace(source, { text, ...(blocks && { blocks }) });
    return finish(ws, 200, 'ok', 'replace_original');
  }
  if (!text && !blocks?.length) return finish(ws, 400, 'no_text');
  const threadTs = typeof payload.thread_ts === 'string' ? payload.thread_ts : target.threadTs;
  const inChannel = payload.response_type === 'in_channel';
  ws.post({
    channel: target.channel,
    author: 'app',
    text,
    ...(blocks && { blocks }),
    ephemeral: !inChannel,
    ...(threadTs && { threadTs }),
  });
  return finish(ws, 200, 'ok', inChannel ? 'in_channel' : 'ephemeral');
}

function finish(ws: Workspace, status: number, body: string, what?: string) {
  ws.record(
    'response_url',
    [what, status === 200 ? 'ok' : `error: ${body}`].filter(Boolean).join(' · '),
    status === 200,
  );
  return { status, body };
}
