import type { Recognizer, RoleEvidence } from './evidence.js';
import { readListOutput } from './list-records.js';

/**
 * `Test-EdgeSynchronization | fl` (run on a Mailbox server of the subscribed site): each record is
 * one Edge Transport server by its Name, with SyncStatus, FailureDetail and LeaseHolder. The Name is
 * an Edge, whatever the rest of the paste calls it; the server it ran on is not.
 */
export const recognizeEdgeSyncTest: Recognizer = (text, shared) => {
  const roles: RoleEvidence[] = [];
  for (const record of readListOutput(text, shared?.lines?.()).records) {
    const status = record.fields.get('SyncStatus');
    const name = record.fields.get('Name');
    if (status === undefined || !name || !/^[A-Za-z][A-Za-z0-9-]{0,62}$/.test(name)) continue;
    if (roles.some((r) => r.server === name)) continue;
    roles.push({
      role: 'edge',
      strength: 'strong',
      reason: 'test-edgesynchronization',
      server: name,
      quote: `SyncStatus : ${status}`,
    });
  }
  return roles.length > 0 ? { roleEvidence: roles, servers: roles.flatMap((r) => (r.server ? [r.server] : [])) } : {};
};
