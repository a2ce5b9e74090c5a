import { z } from 'zod';
import { type LibraryStep, libraryStepSchema } from './library-model.js';
import { AUTH_STEPS } from './steps-auth.js';
import { CA_STEPS } from './steps-ca.js';
import { CHAIN_ISSUER_STEPS } from './steps-chain-issuer.js';
import { CONNECTOR_FQDN_STEPS } from './steps-connector-fqdn.js';
import { EDGE_CONNECTOR_STEPS } from './steps-edge-connectors.js';
import { EMS_STEPS } from './steps-ems.js';
import { HYBRID_CONNECTOR_STEPS } from './steps-hybrid-connectors.js';
import { IMAP_POP_STEPS } from './steps-imap-pop.js';
import { MISC_STEPS } from './steps-misc.js';
import { NAME_MISMATCH_STEPS } from './steps-name-mismatch.js';
import { OVERWRITE_PROMPT_STEPS } from './steps-overwrite-prompt.js';
import { PRIVATE_KEY_STEPS } from './steps-private-key.js';
import { PUBLIC_NAME_STEPS } from './steps-public-names.js';
import { RENEWED_STEPS } from './steps-renewed.js';
import { SHOW_STEPS } from './steps-show.js';
import { SMTP_PRESENTED_STEPS } from './steps-smtp-presented.js';
import { SMTP_RESPONSE_STEPS } from './steps-smtp-responses.js';
import { TRANSPORT_STEPS } from './steps-transport.js';
import { VERIFY_STEPS } from './steps-verify.js';
import { VERSION_BRANCH_STEPS } from './steps-version-branch.js';

/** Every remediation step certcheck knows, each written once and validated when this module loads. */
function load(): Map<string, LibraryStep> {
  const all = [
    ...SHOW_STEPS,
    ...TRANSPORT_STEPS,
    ...EDGE_CONNECTOR_STEPS,
    ...SMTP_PRESENTED_STEPS,
    ...CA_STEPS,
    ...PUBLIC_NAME_STEPS,
    ...VERSION_BRANCH_STEPS,
    ...CHAIN_ISSUER_STEPS,
    ...CONNECTOR_FQDN_STEPS,
    ...AUTH_STEPS,
    ...IMAP_POP_STEPS,
    ...PRIVATE_KEY_STEPS,
    ...RENEWED_STEPS,
    ...NAME_MISMATCH_STEPS,
    ...OVERWRITE_PROMPT_STEPS,
    ...MISC_STEPS,
    ...SMTP_RESPONSE_STEPS,
    ...HYBRID_CONNECTOR_STEPS,
    ...EMS_STEPS,
    ...VERIFY_STEPS.map((step) => ({ ...step, phase: step.phase ?? ('verify' as const) })),
  ];
  const steps = z.array(libraryStepSchema).parse(all);
  const byId = new Map<string, LibraryStep>();
  for (const step of steps) {
    if (byId.has(step.id)) throw new Error(`step ${step.id} is written twice`);
    byId.set(step.id, step);
  }
  return byId;
}

export const STEP_LIBRARY: ReadonlyMap<string, LibraryStep> = load();
