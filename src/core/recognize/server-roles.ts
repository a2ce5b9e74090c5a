import type { ServerRoleName } from './evidence.js';

/**
 * `ServerRole : Mailbox, ClientAccess, HubTransport` (Get-ExchangeServer), HealthChecker's
 * `Server Role: MultiRole`: the roles named, as the facts model knows them.
 */
export function rolesFromServerRole(value: string): ServerRoleName[] {
  const roles = new Set<ServerRoleName>();
  for (const word of value.split(/[\s,]+/)) {
    const w = word.toLowerCase();
    if (w === 'mailbox') roles.add('mailbox');
    else if (w === 'clientaccess') roles.add('cas');
    else if (w === 'hubtransport' || w === 'bridgeheadserver') roles.add('hub');
    else if (w === 'edge' || w === 'edgetransport') roles.add('edge');
    else if (w === 'multirole') {
      roles.add('mailbox');
      roles.add('cas');
    }
  }
  return [...roles];
}
