import { countdownText } from '../../../core/countdown.js';
import { sentences, trackingText } from '../../../core/i18n/tracking-text.js';
import { normalizeThumbprint, nothingTrackedText, whyNothingTracked } from '../../../core/tracking.js';
import { trackDiagnosis } from '../../../tracking/track-certificates.js';
import { displayName } from '../../blocks/certificate-line.js';
import { context, escapeMrkdwn, header, LIMITS, type SlackBlock, section, truncate } from '../../blocks/kit.js';
import { channelRef, userRef } from '../../blocks/mentions.js';
import type { Subcommand } from '../../deps.js';
import type { TrackingListenerDeps } from '../../tracking-deps.js';
import { publishHome } from './refresh.js';

/** Lines per section in `/certcheck list`; sections fill up to Slack's 50 blocks. */
const LIST_LINES_PER_SECTION = 10;

/**
 * `/certcheck track <paste>`, `/certcheck list`, `/certcheck untrack <thumbprint>`. `deps` is read
 * at call time: the app hands it over when it registers tracking, before any command arrives.
 */
export function createTrackSubcommands(get: () => TrackingListenerDeps): Record<string, Subcommand> {
  return {
    async track({ command, rest, respond, client }) {
      const deps = get();
      const lang = await deps.language.forUser(client, command.user_id);
      const t = trackingText[lang].track;
      if (rest === '') return void (await respond({ response_type: 'ephemeral', text: t.usage }));
      const now = deps.now();
      const diagnosis = deps.diagnose(rest, { now, defaultLanguage: lang });
      // A DM (D…) is no place for reminders: the bot cannot post in a DM between two people.
      const inDm = command.channel_id.startsWith('D');
      const outcome = await trackDiagnosis(deps.tracking.store, diagnosis, {
        addedBy: command.user_id,
        now,
        ...(!inDm && { channel: command.channel_id }),
      });
      if (outcome.tracked.length === 0) {
        const text = nothingTrackedText(whyNothingTracked(diagnosis, outcome.skipped), t);
        return void (await respond({ response_type: 'ephemeral', text }));
      }
      const lines = outcome.tracked.map(
        ({ certificate: c }) =>
          `• *${escapeMrkdwn(displayName(c, lang))}* — ${countdownText(c.notAfter, now, lang, deps.tracking.timeZone)}`,
      );
      if (outcome.skipped.some((s) => s.reason === 'wmsvc')) lines.push(`_${t.skippedWmsvc}_`);
      const channel = inDm ? deps.tracking.defaultChannel : command.channel_id;
      const text = sentences(
        t.tracked(outcome.tracked.length),
        channel ? t.remindIn(channelRef(channel)) : t.dmNoChannel,
      );
      await respond({ response_type: 'ephemeral', text, blocks: [section(`${text}\n${lines.join('\n')}`)] });
      await publishHome(deps, client, command.user_id, lang);
    },

    async list({ command, respond, client }) {
      const deps = get();
      const lang = await deps.language.forUser(client, command.user_id);
      const t = trackingText[lang].list;
      const certificates = await deps.tracking.store.list();
      if (certificates.length === 0) return void (await respond({ response_type: 'ephemeral', text: t.empty }));
      const now = deps.now();
      const lines = certificates.map((c) => {
        const channel = c.channel ?? deps.tracking.defaultChannel;
        const where = [
          channel ? t.channel(channelRef(channel)) : t.noChannel,
          ...(c.owner ? [t.owner(userRef(c.owner))] : []),
        ];
        const estimated = c.estimated ? ` (${trackingText[lang].digest.estimated})` : '';
        return `• *${escapeMrkdwn(displayName(c, lang))}* — ${countdownText(c.notAfter, now, lang, deps.tracking.timeZone)}${estimated} · \`${c.thumbprint}\` · ${where.join(' · ')}`;
      });
      const blocks: SlackBlock[] = [header(t.title(certificates.length))];
      let shown = 0;
      let textUsed = 0;
      // Sections of ten lines until Slack's limits (50 blocks, ~12k characters) would be reached.
      while (shown < lines.length && blocks.length < 48) {
        const chunk = truncate(lines.slice(shown, shown + LIST_LINES_PER_SECTION).join('\n'), LIMITS.section);
        if (textUsed + chunk.length > LIMITS.messageText - 500) break;
        textUsed += chunk.length;
        blocks.push(section(chunk));
        shown += LIST_LINES_PER_SECTION;
      }
      if (shown < lines.length) blocks.push(context(trackingText[lang].home.more(lines.length - shown)));
      await respond({ response_type: 'ephemeral', text: t.title(certificates.length), blocks });
    },

    async untrack({ command, rest, respond, client }) {
      const deps = get();
      const lang = await deps.language.forUser(client, command.user_id);
      const t = trackingText[lang].untrack;
      const thumbprint = normalizeThumbprint(rest);
      if (!thumbprint) return void (await respond({ response_type: 'ephemeral', text: t.usage }));
      const cert = await deps.tracking.store.get(thumbprint);
      const done = cert && (await deps.tracking.store.untrack(thumbprint, command.user_id, deps.now().toISOString()));
      await respond({
        response_type: 'ephemeral',
        text: done ? t.done(displayName(cert, lang)) : t.notTracked(thumbprint),
      });
      if (done) await publishHome(deps, client, command.user_id, lang);
    },
  };
}
