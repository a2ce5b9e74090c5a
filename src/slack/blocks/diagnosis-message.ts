import type { Diagnosis } from '../../core/model.js';
import { slackText } from '../i18n/slack-text.js';
import { ids } from '../ids.js';
import { type ReplyModel, type ReplyOptions, replyModel } from '../view/reply-model.js';
import {
  blocksTextLength,
  button,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  type SlackBlock,
  type SlackMessage,
  section,
  truncate,
} from './kit.js';
import { userRef } from './mentions.js';
import { addSteps, findingsSection, referencesContext } from './plan-blocks.js';
import { privateKeyWarningBlocks } from './private-key-warning.js';
import { withSlackDate } from './slack-date.js';

export type { TrackedDescription } from '../view/reply-model.js';
export { isNothing } from '../view/reply-model.js';
export type DiagnosisMessageOptions = ReplyOptions;

/** Blocks kept free after the steps: step note, references, notes, actions. */
const TAIL_BLOCKS = 4;

/** The verdict first, the countdown at a glance, then exactly what to run, within Slack's limits. */
export function diagnosisMessage(diagnosis: Diagnosis, options: ReplyOptions): SlackMessage {
  return replyMessage(replyModel(diagnosis, options));
}

/** The reply's blocks, top to bottom, in one pass over the model. */
export function replyMessage(model: ReplyModel): SlackMessage {
  const t = slackText[model.lang];
  const blocks: SlackBlock[] = model.privateKey
    ? privateKeyWarningBlocks(model.lang, model.privateKey.postedInChannel)
    : [header(model.verdict)];
  if (model.privateKey?.verdictBelowWarning) blocks.push(section(`*${escapeMrkdwn(model.verdict)}*`));
  if (model.about) blocks.push(context(`💬 ${t.about}: ${escapeMrkdwn(model.about)}`));
  const meta = [
    ...(model.sharedBy ? [t.sharedBy(userRef(model.sharedBy))] : []),
    ...(model.facts ? [escapeMrkdwn(model.facts)] : []),
  ];
  if (meta.length > 0) blocks.push(context(...meta));

  for (const cert of model.certificates) {
    const details = cert.details.length ? ` · ${escapeMrkdwn(cert.details.join(' · '))}` : '';
    const first = `*${escapeMrkdwn(cert.name)}*${details}`;
    blocks.push(section(cert.thumbprint ? `${first}\n${t.thumbprint} \`${escapeMrkdwn(cert.thumbprint)}\`` : first));
    if (cert.countdown) {
      const { estimated, text, at, serverTime } = cert.countdown;
      const shown = serverTime ? text : withSlackDate(text, at.toISOString(), model.lang);
      blocks.push(context(`⏱ ${estimated ? '~' : ''}${shown}`));
    }
  }
  if (model.certificatesOmitted > 0) blocks.push(context(t.certificatesOmitted(model.certificatesOmitted)));
  if (model.certificatesFine.length > 0) {
    const names = truncate(model.certificatesFine.join(', '), 300);
    blocks.push(context(t.certificatesFine(model.certificatesFine.length, escapeMrkdwn(names))));
  }

  const findings = findingsSection(model.plan);
  if (findings) blocks.push(findings);
  blocks.push(...model.trackedBlocks);
  const { shortened, textLength } = addSteps(blocks, model.plan, TAIL_BLOCKS);
  // The sources and notes take what room is left; the buttons below them always fit.
  let room = LIMITS.messageText - BUTTONS_TEXT - textLength;
  const references = room >= 200 ? referencesContext(model.plan, Math.min(room, LIMITS.section)) : undefined;
  if (references) {
    blocks.push(references);
    room -= blocksTextLength([references]);
  }
  if (model.notes.length > 0 && blocks.length < LIMITS.blocks - 1) {
    pushWithin(blocks, context(escapeMrkdwn(model.notes.join(' · '))), room);
  }
  const buttons = model.buttons
    .filter((b) => shortened || !b.onlyWhenShortened)
    .map((b) => button(b.label, b.actionId, b.value, b.style));
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: ids.blocks.actions, elements: buttons });

  const fallback = [escapeMrkdwn(model.verdict), model.fallbackCountdown].filter(Boolean).join(' — ');
  return { text: truncate(fallback, LIMITS.fallback), blocks: blocks.slice(0, LIMITS.blocks) };
}

/** Text kept free for the buttons: their labels count toward Slack's total too. */
const BUTTONS_TEXT = 300;

/** A context block, shortened to the `room` (text) the message has left (or left out when nothing is). */
function pushWithin(blocks: SlackBlock[], block: SlackBlock, room: number): void {
  const length = blocksTextLength([block]);
  if (length <= room) return void blocks.push(block);
  if (block.type !== 'context' || room < 200) return;
  const [first] = block.elements;
  if (first && 'text' in first && typeof first.text === 'string') blocks.push(context(truncate(first.text, room)));
}
