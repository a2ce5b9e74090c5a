import { z } from 'zod';

/**
 * Remediation knowledge as data: a step library (each step written once), and a plan table (a
 * finding's plan as ordered step ids, with branches on named conditions over the server's facts).
 * Both are validated when the module loads, so a typo in a step id fails every test at once.
 */

const text = z.object({ en: z.string().min(1), ja: z.string().min(1) });
export type Wording = z.infer<typeof text>;

export const commandVersionSchema = z.enum(['2007', '2010', '2013+', 'unknown']);

export const libraryStepSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Where it runs; resolved against the server's roles and version. */
  role: z.enum(['hub', 'edge', 'cas', 'mailbox', 'any', 'transport', 'client-access']),
  title: text,
  why: text,
  /** How to see that it worked, said to the admin. */
  verify: text.optional(),
  /** One command per version family; `default` is the 2013-and-later form, shown when the version is unknown. */
  command: z
    .object({
      default: z.string().min(1),
      '2007': z.string().min(1).optional(),
      '2010': z.string().min(1).optional(),
      '2013+': z.string().min(1).optional(),
    })
    .optional(),
  /** With the version unknown: what differs on 2007/2010, said after the title. */
  unknownNote: text.optional(),
  /** Only for these version families ('unknown' included when listed). */
  versions: z.array(commandVersionSchema).optional(),
  /** The values it cannot do without; a missing one stays a visible placeholder in the command. */
  needs: z.array(z.string()).optional(),
  /**
   * Where it goes in the answer: the checks that the new certificate serves (verify) come after
   * everything that moves services onto it; removing the old one (cleanup) only after those checks;
   * and the check of the new certificate's own state (final) last.
   */
  phase: z.enum(['main', 'verify', 'cleanup', 'final']).optional(),
  /**
   * Runs on the server named by the event's peer (12019), not on the one that logged it; or on the
   * server a copy comes from (`source`: inside an `each` block, the server the plan is about), or on
   * the server that made a certificate request (`requester`: where its private key is), or on a
   * Mailbox server even when the paste is an Edge's (`mailbox-side`: the Hybrid Configuration Wizard
   * runs in the organisation, never on an Edge).
   */
  runsOn: z.enum(['peer', 'edge', 'hub', 'anywhere', 'source', 'requester', 'mailbox-side']).optional(),
});
export type LibraryStep = z.infer<typeof libraryStepSchema>;

export interface Branch {
  if: string;
  yes?: PlanEntry[];
  no?: PlanEntry[];
}
/** The other servers of the paste a block of steps repeats for, one block per server. */
export const serverListSchema = z.enum(['sharedWith', 'hybridPeers', 'renewedElsewhere', 'otherMailbox']);
export type ServerList = z.infer<typeof serverListSchema>;
export interface EachServer {
  each: ServerList;
  do: PlanEntry[];
}
/**
 * A step id, a branch on a named condition, a named fragment shared by several plans, or steps
 * repeated on each other server the paste shows (each server's own commands, in its own blocks).
 */
export type PlanEntry = string | Branch | { use: string } | EachServer;

export const planEntrySchema: z.ZodType<PlanEntry> = z.lazy(() =>
  z.union([
    z.string(),
    z.object({ if: z.string(), yes: z.array(planEntrySchema).optional(), no: z.array(planEntrySchema).optional() }),
    z.object({ use: z.string() }),
    z.object({ each: serverListSchema, do: z.array(planEntrySchema) }),
  ]),
);

export const planDefinitionSchema = z.object({
  id: z.string(),
  reference: z.string(),
  /** What the plan is for, in the admin's words (the playbook's heading). */
  summary: text,
  entries: z.array(planEntrySchema),
});
export type PlanDefinition = z.infer<typeof planDefinitionSchema>;
