/** A Slack user id renders as a mention; anything else (a CLI --owner name) as text. */
export function userRef(value: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(value) ? `<@${value}>` : value;
}

/** A channel id renders as a link; a #name typed on the CLI stays as it is. */
export function channelRef(value: string): string {
  return /^[CGD][A-Z0-9]{2,}$/.test(value) ? `<#${value}>` : value;
}
