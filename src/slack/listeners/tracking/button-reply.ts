import { sentences, trackingText } from '../../../core/i18n/tracking-text.js';
import type { Language } from '../../../core/model.js';
import type { TrackedCertificate } from '../../../store/store.js';
import { displayName } from '../../blocks/certificate-line.js';
import { noticeMessage } from '../../blocks/error-message.js';
import { escapeMrkdwn, type SlackMessage } from '../../blocks/kit.js';
import type { ButtonArgs, ListenerDeps } from '../../deps.js';

/** An answer only the user who pressed the button sees: ephemeral on a message, a DM from App Home. */
export async function replyToButton({ body, respond, client }: ButtonArgs, message: SlackMessage): Promise<void> {
  // Home-tab buttons have no response_url.
  if (body.container?.type === 'message') {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
  } else {
    await client.chat.postMessage({ channel: body.user.id, ...message });
  }
}

/**
 * The certificate a tracking button is about, while it is tracked. Otherwise (an old digest, a
 * second click) the user is told, in their language, that it is not tracked (any more) and how
 * to track it.
 */
export async function trackedForButton(
  deps: ListenerDeps,
  args: ButtonArgs,
  thumbprint: string,
): Promise<TrackedCertificate | undefined> {
  const cert = await deps.tracking.store.get(thumbprint);
  if (cert?.status === 'active') return cert;
  const lang = await deps.language.forUser(args.client, args.body.user.id);
  const t = trackingText[lang].notTracked;
  const why = cert ? await whyNotTracked(deps, cert, lang) : t.never(`\`${thumbprint}\``);
  await replyToButton(args, noticeMessage(`ℹ️ ${sentences(why, t.howTo)}`));
  return undefined;
}

/** Untracked, or renewed: and then whether its replacement is tracked (a thumbprint alone tracks nothing). */
async function whyNotTracked(deps: ListenerDeps, cert: TrackedCertificate, lang: Language): Promise<string> {
  const t = trackingText[lang].notTracked;
  const name = escapeMrkdwn(displayName(cert, lang));
  if (cert.status !== 'renewed') return t.untracked(name);
  const renewal = await deps.tracking.store.renewalOf(cert.thumbprint);
  const replacement = renewal && (await deps.tracking.store.get(renewal.newThumbprint));
  return replacement?.status === 'active' ? t.renewed(name) : t.renewedNotReplaced(name);
}
