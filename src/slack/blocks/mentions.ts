import { escapeMrkdwn } from './kit.js';

/** A Slack user id renders as a mention; anything else (a CLI --owner name) as text, never as markup. */
export function userRef(value: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(value) ? `<@${value}>` : escapeMrkdwn(value);
}

/** A channel id renders as a link; a #name typed on the CLI stays as it is, never as markup. */
export function channelRef(value: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(value) ? `<#${value}>` : escapeMrkdwn(value);
}
