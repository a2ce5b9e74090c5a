import { z } from 'zod';
import { CONDITIONS } from '../facts/conditions.js';
import { type PlanDefinition, type PlanEntry, planDefinitionSchema, planEntrySchema } from './library-model.js';
import { contradictions } from './plan-paths.js';
import { PLAN_ROWS } from './plan-rows.js';
import { STEP_LIBRARY } from './step-library.js';

/** Step sequences several plans share, written once. */
const FRAGMENT_ROWS: Record<string, PlanEntry[]> = {
  'restart-transport': [
    {
      if: 'version>=2013',
      yes: [
        {
          if: 'sourceUnknown',
          // Without an event there is no source to miss: the services are named for the ports they answer.
          yes: [
            {
              if: 'isEdge',
              yes: ['restart-transport-service'],
              no: [{ if: 'eventShown', yes: ['restart-both-transport'], no: ['restart-transport-port-25'] }],
            },
          ],
          no: [{ if: 'sourceFrontEnd', yes: ['restart-frontend-transport'], no: ['restart-transport-service'] }],
        },
      ],
      no: ['restart-transport-service'],
    },
  ],
  // A change no event reported (a chain the server did not send): the services that answer on the
  // SMTP ports, by the server's role.
  'restart-transport-no-event': [
    {
      if: 'version>=2013',
      yes: [{ if: 'isEdge', yes: ['restart-transport-service'], no: ['restart-transport-port-25'] }],
      no: ['restart-transport-service'],
    },
  ],
  'edge-resubscribe': ['edge-new-subscription', 'hub-import-subscription', 'edge-restart-adam', 'hub-start-edgesync'],
  // On 2013+ the Exchange Back End site (444) is bound to Setup's self-signed certificate: rebind it
  // to the replacement first. Asked of the binding itself, not of the issuer, so a renewal that has
  // already asked IsSelfSigned never asks it again here.
  'remove-old-safely': [
    {
      if: 'removable',
      yes: [
        {
          if: 'version>=2013',
          // An Edge Transport server has no IIS: no Exchange Back End site to rebind.
          yes: [{ if: 'shownEdge', no: [{ if: 'oldOnBackEnd444', yes: ['show-backend-444', 'rebind-backend-444'] }] }],
        },
        // Default Web Site (443) too: its Services column is history and a port-25 probe says nothing
        // about 443, so the binding is shown unless the paste settles it.
        {
          if: 'shownEdge',
          no: [
            {
              if: 'oldOnFrontEnd443',
              yes: [{ if: 'iisCaPreferred', yes: ['iis-to-ca-before-remove'], no: ['iis-to-new-before-remove'] }],
            },
          ],
        },
        { use: 'check-before-remove' },
        'remove-old',
      ],
    },
  ],
  // The old certificate goes from a server only after that server itself is shown serving the new
  // one: its 443 binding and its transport events, whichever of them the certificate served (both
  // when the paste does not say).
  'check-before-remove': [
    // An Edge Transport server has no IIS: nothing of it answers on 443.
    {
      if: 'shownEdge',
      no: [
        {
          if: 'certHasIis',
          yes: [{ if: 'version>=2010', yes: ['check-443-here'] }],
          no: [{ if: 'certHasSmtp', no: [{ if: 'version>=2010', yes: ['check-443-here'] }] }],
        },
      ],
    },
    { if: 'certHasSmtp', yes: ['verify-events'], no: [{ if: 'certHasIis', no: ['verify-events'] }] },
  ],
  'ca-request': ['ca-request', 'ca-submit', 'ca-import'],
  // Renewing a certificate: the request keeps every name it had (from the old certificate itself when
  // the paste does not show them all).
  'ca-request-keep-names': [
    {
      if: 'renewFromOldCert',
      yes: [{ if: 'thumbprintKnown', yes: ['show-request-names'], no: ['show-cut-record'] }, 'ca-request-renew'],
      // A public CA refuses the internal and bare host names: the request leaves them out, and the URLs
      // that use them are shown first, to move to a public name.
      no: [{ if: 'internalNamesDropped', yes: ['show-internal-urls', 'ca-request-public'], no: ['ca-request'] }],
    },
    // A certificate refused for its EKU is issued again from another template: the CA is told which.
    { if: 'serverAuthEkuMissing', yes: ['ca-submit-server-auth'], no: ['ca-submit'] },
    'ca-import',
  ],
  // A CA-issued certificate: request, CA, import, enable, then the connectors that pin it and the
  // other servers that present it. One that was the internal transport certificate hands that role to
  // a new self-signed certificate of the server's own (Y), so the CA certificate is not it again.
  'ca-renewal': [
    // The admin imported the renewal on another server only: copied from there with its key, not requested again.
    {
      if: 'importedElsewhere',
      yes: ['show-renewed-on-source', 'export-copy', 'import-copy'],
      no: [{ use: 'ca-request-keep-names' }],
    },
    // Services the paste does not list are read from the old certificate, never left as a placeholder.
    {
      if: 'servicesKnown',
      yes: ['ca-enable'],
      no: [{ if: 'oldInStore', yes: ['ca-enable-as-old'], no: ['ca-enable'] }],
    },
    {
      if: 'knownInternalTransport',
      yes: [
        'new-internal-self-signed',
        'confirm-internal',
        { if: 'isEdge', yes: [{ use: 'edge-resubscribe' }] },
        { use: 'restart-transport' },
      ],
    },
    { if: 'certHasIis', yes: ['restart-iis'] },
    {
      if: 'version>=2013',
      yes: [
        {
          if: 'certHasSmtp',
          yes: [
            {
              // An Edge has no Default Frontend connector and its send connectors come from EdgeSync:
              // the hybrid connectors are set on the Mailbox servers, not here.
              if: 'shownEdge',
              // The Edge's transport reads the new certificate at its restart; a CA certificate enabled
              // with N leaves the internal transport certificate, so the subscription stands.
              yes: [
                'list-connector-pins',
                { if: 'knownInternalTransport', no: ['restart-transport-service', 'edge-subscription-stands'] },
              ],
              no: [
                {
                  if: 'pinsShown',
                  yes: ['set-shown-pins'],
                  no: [
                    {
                      if: 'hybridPinsThis',
                      yes: ['set-receive-pin', { use: 'hybrid-send-pin' }],
                      no: ['list-connector-pins'],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      if: 'sharedWithOthers',
      yes: [
        {
          each: 'sharedWith',
          do: [
            'export-copy',
            'import-copy',
            // As on the first server: services the paste does not list are read from the old certificate
            // there, never left as a placeholder.
            {
              if: 'servicesKnown',
              yes: ['ca-enable'],
              no: [{ if: 'oldInStore', yes: ['ca-enable-as-old'], no: ['ca-enable'] }],
            },
            // Each server whose IIS was moved to the copy restarts its own IIS.
            { if: 'certHasIis', yes: ['restart-iis'] },
            // The copy may be that server's internal transport certificate too: shown, then replaced there.
            {
              if: 'knownInternalTransport',
              yes: [
                {
                  if: 'internalHere',
                  yes: ['new-internal-self-signed', 'confirm-internal', 'restart-transport-service'],
                },
              ],
            },
            // Each member has its own Default Frontend connector: where it pins the old certificate it is
            // pointed at the copy too, and the Front End Transport service there reads it again.
            {
              if: 'version>=2013',
              yes: [
                {
                  if: 'servicesIncludeSmtp',
                  yes: [
                    {
                      if: 'shownEdge',
                      no: [{ if: 'hybridPinsThis', yes: ['set-receive-pin', 'restart-transport-port-25'] }],
                    },
                  ],
                },
              ],
            },
          ],
        },
        // "DAG of 3" with one other named: the rest are listed and given the copy by name.
        { if: 'othersBeyondNamed', yes: [{ if: 'version>=2010', yes: ['list-other-servers', 'import-on-others'] }] },
      ],
      no: [{ use: 'copy-to-others' }],
    },
    { use: 'remove-old-safely' },
    { if: 'knownInternalTransport', yes: [{ use: 'verify-transport' }] },
    'verify-new-certificate',
    // A load balancer that terminates TLS presents its own copy: it gets the new certificate too.
    { if: 'offloadSaid', yes: ['offload-export', 'offload-install'] },
    { if: 'certHasIis', yes: ['verify-https-probe'] },
    { if: 'certHasSmtp', yes: ['verify-starttls-probe'] },
  ],
  // Other servers the paste speaks of but does not show: the copy is exported here and imported on
  // each of them from here (-Server, 2010 and later), their names left for the admin to fill in.
  'copy-to-others': [
    {
      if: 'othersSaid',
      yes: [
        {
          if: 'version>=2010',
          yes: [
            'export-for-others',
            'list-other-servers',
            'import-on-others',
            // Each of them presents the copy on 25 and 443 only once the services there start again.
            { if: 'servicesIncludeSmtp', yes: ['restart-others-smtp'] },
            { if: 'servicesIncludeIis', yes: ['restart-others-iis'] },
          ],
          no: ['ca-other-servers'],
        },
      ],
    },
  ],
  // A self-signed (Setup or internal transport) certificate: a new one for the server's names.
  'self-signed-renewal': [
    {
      // The paste shows the renewal done (InternalTransportCertificateThumbprint names a newer one of
      // the same name): no further certificate, only what follows it (an Edge's new subscription).
      if: 'internalRenewedAlready',
      yes: [
        { if: 'internalRenewedShown', yes: ['internal-renewed-done'], no: ['internal-renewed-said'] },
        {
          if: 'isEdge',
          yes: [{ use: 'edge-resubscribe' }],
          no: [{ if: 'edgeSubscribed', yes: ['hub-start-edgesync'] }],
        },
        { use: 'restart-transport' },
        { use: 'remove-old-safely' },
        { use: 'verify-transport' },
      ],
      no: [
        {
          if: 'ownNamesKnown',
          yes: [{ if: 'knownSelfSigned', no: [{ if: 'thumbprintKnown', yes: ['show-old-cert'] }] }],
          no: [{ if: 'thumbprintKnown', yes: ['show-old-names'] }],
        },
        // Each answer gets its own check: only after Y is the new certificate the internal transport one.
        {
          if: 'isInternalTransport',
          yes: ['new-internal-self-signed', 'confirm-internal'],
          no: ['new-self-signed-not-internal', 'confirm-internal-kept'],
        },
        {
          if: 'isEdge',
          yes: [{ use: 'edge-resubscribe' }],
          no: [
            {
              // Decided by the paste: the step then still says it is for a 443 binding on the expired certificate.
              if: 'iisCaCandidate',
              yes: [{ if: 'iisServedByExpiredSetupCert', yes: ['enable-iis-ca'] }],
              no: [{ if: 'iisServedByExpiredSetupCert', yes: ['enable-iis-new'] }],
            },
            // IMAP and POP follow the old certificate only when no valid CA certificate serves them.
            {
              if: 'oldServesImapPop',
              yes: [{ if: 'caServesImapPop', yes: ['imap-pop-stay-on-ca'], no: ['enable-imap-pop-new'] }],
            },
          ],
        },
        { use: 'restart-transport' },
        { use: 'remove-old-safely' },
        { use: 'verify-transport' },
        // An Edge faces partners on 25 by its own name: what it presents there is checked from outside.
        { if: 'shownEdge', yes: ['verify-starttls-probe'] },
        'verify-new-certificate',
      ],
    },
  ],
  // Each other hybrid server has its own Default Frontend connector pinning the certificate: the
  // renewed certificate on it (copied there if missing), enabled for SMTP, its connector, its restart.
  'hybrid-peers': [
    {
      each: 'hybridPeers',
      do: [
        { if: 'renewedOnServer', no: ['export-copy', 'import-copy'] },
        { if: 'renewedHasSmtp', no: ['enable-smtp-new'] },
        'set-receive-pin',
        // A server with a Default Frontend connector is a Mailbox server, never an Edge: its Front End
        // Transport service reads the connector, its Transport service the certificate.
        'restart-transport-port-25',
        'verify-events',
      ],
    },
  ],
  'hybrid-send-pin': [{ if: 'o365ConnectorNamed', yes: ['set-o365-send-pin-named'], no: ['set-o365-send-pin'] }],
  'verify-transport': ['verify-events', { if: 'edgeSubscribed', yes: ['verify-edgesync'] }],
  'verify-starttls': ['verify-events', 'verify-starttls-probe', { if: 'edgeSubscribed', yes: ['verify-edgesync'] }],
};

function stepIds(entries: readonly PlanEntry[]): string[] {
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    if ('use' in entry) return [];
    if ('each' in entry) return stepIds(entry.do);
    return [...stepIds(entry.yes ?? []), ...stepIds(entry.no ?? [])];
  });
}

function conditionNamesIn(entries: readonly PlanEntry[]): string[] {
  return entries.flatMap((entry) => {
    if (typeof entry === 'string' || 'use' in entry) return [];
    if ('each' in entry) return conditionNamesIn(entry.do);
    return [entry.if, ...conditionNamesIn(entry.yes ?? []), ...conditionNamesIn(entry.no ?? [])];
  });
}

function fragmentsIn(entries: readonly PlanEntry[]): string[] {
  return entries.flatMap((entry) => {
    if (typeof entry === 'string') return [];
    if ('use' in entry) return [entry.use];
    if ('each' in entry) return fragmentsIn(entry.do);
    return [...fragmentsIn(entry.yes ?? []), ...fragmentsIn(entry.no ?? [])];
  });
}

/** Every id a plan names must exist: checked when the module loads, so a typo fails at once. */
function check(where: string, entries: readonly PlanEntry[], fragments: ReadonlyMap<string, PlanEntry[]>): void {
  for (const id of stepIds(entries)) if (!STEP_LIBRARY.has(id)) throw new Error(`${where}: unknown step ${id}`);
  for (const name of conditionNamesIn(entries)) {
    const condition = CONDITIONS[name];
    if (!condition) throw new Error(`${where}: unknown condition ${name}`);
    for (const id of condition.shownBy ?? []) if (!STEP_LIBRARY.has(id)) throw new Error(`${name}: unknown step ${id}`);
  }
  for (const use of fragmentsIn(entries)) if (!fragments.has(use)) throw new Error(`${where}: unknown fragment ${use}`);
}

/**
 * Parses and checks a plan table: unknown ids, and steps no server can reach because a condition is
 * asked again under itself. Exported so a test can feed it a broken row.
 */
export function loadPlanTable(
  rows: readonly PlanDefinition[] = PLAN_ROWS,
  fragmentRows: Readonly<Record<string, PlanEntry[]>> = FRAGMENT_ROWS,
): { plans: Map<string, PlanDefinition>; fragments: Map<string, PlanEntry[]> } {
  const fragments = new Map(
    Object.entries(fragmentRows).map(([name, entries]) => [name, z.array(planEntrySchema).parse(entries)]),
  );
  for (const [name, entries] of fragments) check(`fragment ${name}`, entries, fragments);
  const plans = new Map<string, PlanDefinition>();
  for (const row of z.array(planDefinitionSchema).parse(rows)) {
    if (plans.has(row.id)) throw new Error(`plan ${row.id} is written twice`);
    check(`plan ${row.id}`, row.entries, fragments);
    const unreachable = contradictions(`plan ${row.id}`, row.entries, fragments);
    if (unreachable.length > 0) throw new Error(unreachable.join('\n'));
    plans.set(row.id, row);
  }
  return { plans, fragments };
}

const loaded = loadPlanTable();
export const PLAN_TABLE: ReadonlyMap<string, PlanDefinition> = loaded.plans;
export const FRAGMENTS: ReadonlyMap<string, PlanEntry[]> = loaded.fragments;
