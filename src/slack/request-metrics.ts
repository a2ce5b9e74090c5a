import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Metrics } from '../metrics.js';

/** The `/certcheck` words counted by name; anything else is a paste to diagnose (never a label of its own). */
const SUBCOMMANDS = new Set(['track', 'list', 'untrack', 'probe', 'help']);

/**
 * Bolt global middleware: counts every slash command, event and interaction this replica receives,
 * with bounded labels (a subcommand word, an event type, an action or callback id), then goes on.
 */
export function countSlackRequests(metrics: Metrics): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    // Read in place, not copied into a new object for every request.
    const b = body as unknown as Record<string, unknown>;
    try {
      if (typeof b.command === 'string') {
        const word = firstWord(typeof b.text === 'string' ? b.text : '');
        metrics.slashCommand(word === '' ? 'empty' : SUBCOMMANDS.has(word) ? word : 'diagnose');
      } else if (b.type === 'event_callback') {
        const event = b.event as { type?: unknown } | undefined;
        metrics.event(typeof event?.type === 'string' ? event.type : 'unknown');
      } else if (typeof b.type === 'string') {
        metrics.interaction(b.type, interactionId(b));
      }
    } catch {
      // Counting never stands in the way of an answer.
    }
    await next();
  };
}

/** The first word, lower-cased, without splitting the rest: the text may be a 1 MiB paste. */
function firstWord(text: string): string {
  return (/^\s*(\S{1,20})/.exec(text)?.[1] ?? '').toLowerCase();
}

function interactionId(body: Record<string, unknown>): string {
  const actions = body.actions as { action_id?: unknown }[] | undefined;
  const first = actions?.[0]?.action_id;
  if (typeof first === 'string') return first;
  const view = body.view as { callback_id?: unknown } | undefined;
  if (typeof view?.callback_id === 'string') return view.callback_id;
  return typeof body.callback_id === 'string' ? body.callback_id : '';
}
