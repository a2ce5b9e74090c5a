import type { Language } from '../../core/model.js';

/** The words of tracking's permission checks, said privately to the user who was refused. */
export interface PermissionText {
  /** `who` lists who may (the channel's members, the owner, admins). */
  refused: (action: string, name: string, who: string) => string;
  lookupFailed: (action: string) => string;
  members: (channelRef: string) => string;
  owner: (userRef: string) => string;
  admins: string;
  or: string;
  actions: Record<'untrack' | 'snooze' | 'renew' | 'move', string>;
  trackInto: {
    notAMember: (channelRef: string) => string;
    botCannotPost: (channelRef: string) => string;
    lookupFailed: (channelRef: string) => string;
  };
  /** Said in the reminder channel, so nothing disappears silently. */
  announce: {
    untracked: (name: string, userRef: string) => string;
    snoozed: (name: string, until: string, userRef: string) => string;
    renewed: (name: string, userRef: string, newThumbprint: string) => string;
    moved: (name: string, userRef: string, channelRef: string) => string;
  };
  /** Above an admin's listing. */
  adminView: string;
  hidden: (count: number) => string;
}

const en: PermissionText = {
  refused: (action, name, who) => `🔒 You cannot ${action} *${name}*: only ${who} can.`,
  lookupFailed: (action) =>
    `🔒 certcheck could not check with Slack whether you may ${action} this certificate, so nothing was changed. Try again in a minute.`,
  members: (channel) => `members of ${channel}`,
  owner: (user) => `its owner ${user}`,
  admins: 'workspace admins',
  or: ', ',
  actions: { untrack: 'untrack', snooze: 'snooze', renew: 'mark renewed', move: 'move' },
  trackInto: {
    notAMember: (channel) => `You can only track certificates into a channel you are a member of; you are not in ${channel}.`,
    botCannotPost: (channel) => `certcheck cannot post in ${channel}: invite it there first (\`/invite @certcheck\`).`,
    lookupFailed: (channel) =>
      `certcheck could not check with Slack whether you and certcheck are in ${channel}. Try again in a minute.`,
  },
  announce: {
    untracked: (name, user) => `🚫 *${name}* was untracked by ${user}: no more reminders for it.`,
    snoozed: (name, until, user) => `💤 *${name}* was snoozed until ${until} by ${user}.`,
    renewed: (name, user, tp) => `✅ *${name}* was marked renewed by ${user} → \`${tp}\`.`,
    moved: (name, user, channel) => `↪️ *${name}* now reminds in ${channel} (moved by ${user}).`,
  },
  adminView: 'Admin view: every tracked certificate, in every channel.',
  hidden: (count) => `${count} more ${count === 1 ? 'is' : 'are'} tracked in channels you are not in.`,
};

const ja: PermissionText = {
  refused: (action, name, who) => `🔒 *${name}* を${action}できません。${action}できるのは ${who} だけです。`,
  lookupFailed: (action) =>
    `🔒 この証明書を${action}できるかどうか Slack に確認できなかったため、何も変更していません。少し待ってからもう一度お試しください。`,
  members: (channel) => `${channel} のメンバー`,
  owner: (user) => `所有者の ${user}`,
  admins: 'ワークスペースの管理者',
  or: '、',
  actions: { untrack: '追跡解除', snooze: 'スヌーズ', renew: '更新済みに', move: '移動' },
  trackInto: {
    notAMember: (channel) => `追跡先にできるのは自分が参加しているチャンネルだけです。${channel} には参加していません。`,
    botCannotPost: (channel) => `certcheck は ${channel} に投稿できません。先に招待してください (\`/invite @certcheck\`)。`,
    lookupFailed: (channel) =>
      `あなたと certcheck が ${channel} に参加しているかどうか Slack に確認できませんでした。少し待ってからもう一度お試しください。`,
  },
  announce: {
    untracked: (name, user) => `🚫 ${user} が *${name}* の追跡を解除しました。今後リマインダーは送られません。`,
    snoozed: (name, until, user) => `💤 ${user} が *${name}* を ${until} までスヌーズしました。`,
    renewed: (name, user, tp) => `✅ ${user} が *${name}* を更新済みにしました → \`${tp}\``,
    moved: (name, user, channel) => `↪️ ${user} が *${name}* のリマインダー先を ${channel} に移動しました。`,
  },
  adminView: '管理者表示: すべてのチャンネルで追跡中の証明書を表示しています。',
  hidden: (count) => `ほかに、参加していないチャンネルで追跡中の証明書が ${count} 件あります。`,
};

export const permissionText: Record<Language, PermissionText> = { en, ja };
