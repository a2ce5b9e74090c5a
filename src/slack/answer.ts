import { looksJapanese } from '../core/normalize.js';
import type { Diagnosis, Language } from '../core/model.js';
import { type DiagnosisMessageOptions, diagnosisMessage, type TrackedDescription } from './blocks/diagnosis-message.js';
import type { SlackMessage } from './blocks/kit.js';
import type { ListenerDeps, WebClient } from './deps.js';
import { describeError } from './describe-error.js';
import type { CachedPaste } from './paste-cache.js';

/**
 * The one path from a paste to a reply that every surface shares: pick the language, diagnose,
 * remember the (redacted) paste for the buttons, render.
 */

export interface Answer {
  diagnosis: Diagnosis;
  pasteId: string;
  paste: CachedPaste;
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
  return withTracked(deps, answerNow(deps, { ...request, defaultLanguage }));
}

/** Adds what tracking knows of the paste's thumbprints; a failing store costs these lines, not the answer. */
export async function withTracked(deps: ListenerDeps, answer: Answer): Promise<Answer> {
  return { ...answer, tracked: await trackedOf(deps, answer.diagnosis) };
}

const NOTHING_TRACKED: TrackedDescription = { blocks: [], active: [] };

/** What tracking knows of a diagnosis's thumbprints; a failing store costs these lines, not the answer. */
export async function trackedOf(deps: ListenerDeps, diagnosis: Diagnosis): Promise<TrackedDescription> {
  if (!deps.describeTracked || diagnosis.thumbprints.length === 0) return NOTHING_TRACKED;
  try {
    return await deps.describeTracked(diagnosis.thumbprints, diagnosis.language);
  } catch (error) {
    deps.logger.warn(`tracking lookup failed: ${describeError(error)}`);
    return NOTHING_TRACKED;
  }
}

/** The answer when the language is already settled: no I/O, so it can be the ack itself. */
export function answerNow(
  deps: ListenerDeps,
  request: { text: string; userId: string; postedInChannel: boolean; defaultLanguage: Language },
): Answer {
  const diagnosis = deps.diagnose(request.text, {
    now: deps.now(),
    defaultLanguage: request.defaultLanguage,
    ...(deps.warnDays !== undefined && { warnDays: deps.warnDays }),
  });
  const paste: CachedPaste = {
    text: request.text,
    userId: request.userId,
    privateKey: hasPrivateKey(diagnosis, request.text),
    postedInChannel: request.postedInChannel,
  };
  const pasteId = deps.cache.put(paste);
  return { diagnosis, pasteId, paste: { ...paste, text: '' }, tracked: NOTHING_TRACKED };
}

/** The same paste again, in a given language (the buttons). */
export function rediagnose(deps: ListenerDeps, paste: CachedPaste, lang: Language): Diagnosis {
  return deps.diagnose(paste.text, {
    now: deps.now(),
    lang,
    ...(deps.warnDays !== undefined && { warnDays: deps.warnDays }),
  });
}

export function render(
  deps: ListenerDeps,
  diagnosis: Diagnosis,
  paste: CachedPaste,
  pasteId: string,
  options: Omit<DiagnosisMessageOptions, 'now' | 'pasteId' | 'privateKey'> = {},
): SlackMessage {
  return diagnosisMessage(diagnosis, {
    ...options,
    now: deps.now(),
    pasteId,
    ...(paste.privateKey && { privateKey: { postedInChannel: paste.postedInChannel } }),
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
