import type { Diagnosis, Language } from '../core/model.js';
import { looksJapanese } from '../core/normalize.js';
import { lookUpTracked } from '../tracking/look-up-tracked.js';
import { withinTime } from '../within-time.js';
import { type DiagnosisMessageOptions, diagnosisMessage, type TrackedDescription } from './blocks/diagnosis-message.js';
import type { SlackMessage } from './blocks/kit.js';
import { trackedBlocks, trackedSummaries } from './blocks/tracked-blocks.js';
import type { ListenerDeps, WebClient } from './deps.js';
import { describeError } from './describe-error.js';
import { visibleListing } from './listeners/tracking/permission-check.js';
import { newPasteId, type PasteStore, type StoredPaste } from './pastes/paste-store.js';

/**
 * The one path from a paste to a reply that every surface shares: pick the language, diagnose,
 * keep the (redacted) paste for the buttons, render.
 */
export interface Answer {
  diagnosis: Diagnosis;
  pasteId: string;
  /** What the buttons will know of the paste (its text is not kept here). */
  paste: StoredPaste;
  /** What tracking knows of the pasted thumbprints (rendered under the findings). */
  tracked: TrackedDescription;
}

export async function answerPaste(
  deps: ListenerDeps,
  request: { text: string; userId: string; client: WebClient; postedInChannel: boolean },
): Promise<Answer> {
  // A Japanese paste decides the language itself: no need to ask Slack for the user's locale.
  const defaultLanguage = looksJapanese(request.text)
    ? 'ja'
    : await deps.language.forUser(request.client, request.userId);
  return answerNow(deps, { ...request, defaultLanguage });
}

const NOTHING_TRACKED: TrackedDescription = { blocks: [], active: [] };

/** What tracking knows of a diagnosis's thumbprints; a failing store costs these lines, not the answer. */
export async function trackedOf(
  deps: ListenerDeps,
  diagnosis: Diagnosis,
  viewer?: { client: WebClient; userId: string },
): Promise<TrackedDescription> {
  if (diagnosis.thumbprints.length === 0) return NOTHING_TRACKED;
  const { store, timeZone } = deps.tracking;
  try {
    const all = await withinBudget(deps, lookUpTracked(diagnosis.thumbprints, store), [], 'tracking store');
    // A tracked certificate's channel and owner are told only to whoever may see it in a listing.
    const visible =
      viewer && all.length > 0
        ? new Set(
            (
              await visibleListing(
                deps,
                viewer.client,
                viewer.userId,
                all.map((f) => f.certificate),
              )
            ).certificates.map((c) => c.thumbprint),
          )
        : undefined;
    const found = visible ? all.filter((f) => visible.has(f.certificate.thumbprint)) : all;
    const now = deps.now();
    return {
      blocks: trackedBlocks(found, now, diagnosis.language, timeZone),
      active: found.filter((f) => f.certificate.status === 'active').map((f) => f.certificate.thumbprint),
      summaries: trackedSummaries(found, now, diagnosis.language, timeZone),
    };
  } catch (error) {
    deps.logger.warn(`tracking lookup failed: ${describeError(error)}`);
    return NOTHING_TRACKED;
  }
}

/** The answer when the language is already settled: no Slack call, so it can be the ack itself. */
export async function answerNow(
  deps: ListenerDeps,
  request: { text: string; userId: string; client?: WebClient; postedInChannel: boolean; defaultLanguage: Language },
): Promise<Answer> {
  const now = deps.now();
  const diagnosis = await deps.runner.diagnose(request.text, {
    now,
    defaultLanguage: request.defaultLanguage,
    ...(deps.warnDays !== undefined && { warnDays: deps.warnDays }),
  });
  const paste: StoredPaste = {
    text: request.text,
    userId: request.userId,
    privateKey: hasPrivateKey(diagnosis, request.text),
    postedInChannel: request.postedInChannel,
  };
  const viewer = request.client ? { client: request.client, userId: request.userId } : undefined;
  const [pasteId, tracked] = await Promise.all([keepPaste(deps, paste, now), trackedOf(deps, diagnosis, viewer)]);
  return { diagnosis, pasteId, paste: { ...paste, text: '' }, tracked };
}

/** The same paste again, in a given language (the buttons). */
export function rediagnose(deps: ListenerDeps, paste: StoredPaste, lang: Language): Promise<Diagnosis> {
  return deps.runner.diagnose(paste.text, {
    now: deps.now(),
    lang,
    ...(deps.warnDays !== undefined && { warnDays: deps.warnDays }),
  });
}

export function render(
  deps: ListenerDeps,
  answer: Pick<Answer, 'diagnosis' | 'paste' | 'pasteId'>,
  options: Omit<DiagnosisMessageOptions, 'now' | 'pasteId' | 'privateKey'> = {},
): SlackMessage {
  // A paste with a private key is never quoted, not even its first line.
  const { about, ...rest } = options;
  return diagnosisMessage(answer.diagnosis, {
    ...rest,
    ...(about !== undefined && !answer.paste.privateKey && { about }),
    now: deps.now(),
    pasteId: answer.pasteId,
    ...(answer.paste.privateKey && { privateKey: { postedInChannel: answer.paste.postedInChannel } }),
  });
}

/**
 * The core's finding, or the key block itself: the adapter must never make a key public, even if
 * a recogniser misses it.
 */
function hasPrivateKey(diagnosis: Diagnosis, text: string): boolean {
  return (
    diagnosis.findings.some((f) => f.code === 'PRIVATE_KEY_IN_INPUT') || /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)
  );
}

/** How long the ack waits for the database: Slack wants an answer within 3 s, database or not. */
const STORE_BUDGET_MS = 1000;

/**
 * Keeps the paste for the reply's buttons. While the store answers, the write goes after the ack:
 * the paste gets its id now and is written once the reply is on its way (a click comes seconds
 * later). Once a write failed (the database is down), or while many characters wait to be written,
 * the reply waits for its own write again: a store that fails or is slow costs the buttons that
 * need the paste, never the answer (the id is then empty and the reply shows no such button).
 */
async function keepPaste(deps: ListenerDeps, paste: StoredPaste, now: Date): Promise<string> {
  const writes = writesTo(deps.pastes);
  if (writes.failing || writes.pendingChars + paste.text.length > MAX_PENDING_CHARS) {
    const id = await withinBudget(deps, deps.pastes.put(paste, now), '', 'paste store');
    writes.failing = id === '';
    return id;
  }
  const id = newPasteId();
  writes.pendingChars += paste.text.length;
  setImmediate(() => {
    deps.pastes.put(paste, now, id).then(
      () => {
        writes.pendingChars -= paste.text.length;
      },
      (error: unknown) => {
        writes.pendingChars -= paste.text.length;
        writes.failing = true;
        deps.logger.warn(`paste store unavailable; a reply's buttons will say it expired: ${describeError(error)}`);
      },
    );
  });
  return id;
}

/** Characters of pastes waiting to be written after their acks, at most (each is held until then). */
const MAX_PENDING_CHARS = 4 * 1024 * 1024;

interface PasteWrites {
  pendingChars: number;
  failing: boolean;
}

/** Per store, so that two apps in one process (tests, replicas) keep their own count. */
const writesByStore = new WeakMap<PasteStore, PasteWrites>();

function writesTo(store: PasteStore): PasteWrites {
  let writes = writesByStore.get(store);
  if (!writes) {
    writes = { pendingChars: 0, failing: false };
    writesByStore.set(store, writes);
  }
  return writes;
}

/** The store's answer, or `fallback` when it fails or takes longer than the ack can wait. */
function withinBudget<T>(deps: ListenerDeps, work: Promise<T>, fallback: T, what: string): Promise<T> {
  const done = work.catch((error: unknown) => {
    deps.logger.warn(`${what} unavailable; answering without it: ${describeError(error)}`);
    return fallback;
  });
  return withinTime(done, STORE_BUDGET_MS, () => {
    deps.logger.warn(`${what} did not answer within ${STORE_BUDGET_MS} ms; answering without it`);
    return fallback;
  });
}
