import { randomBytes } from 'node:crypto';
import { redactPrivateKeys } from '../core/normalize.js';

/**
 * Recent pastes, so that buttons (share, language, all steps, post to thread) can re-render an
 * answer without carrying the paste in a 2000-character button value. Private keys are redacted
 * on the way in: a key never sits in memory longer than the request that brought it.
 */
export interface CachedPaste {
  /** The paste with every private-key body removed. */
  text: string;
  userId: string;
  /** The paste carried a private key: never make this answer public. */
  privateKey: boolean;
  /** It was posted in a conversation others can read (a mention or a shortcut's message). */
  postedInChannel: boolean;
}

/** Matches the life of a response_url (30 minutes), after which the buttons could not answer anyway. */
const PASTE_TTL_MS = 30 * 60 * 1000;

export class PasteCache {
  readonly #entries = new Map<string, CachedPaste & { expires: number }>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = PASTE_TTL_MS,
    private readonly maxEntries = 500,
  ) {}

  put(entry: CachedPaste): string {
    const id = randomBytes(9).toString('base64url');
    const at = this.now().getTime();
    this.#evict(at);
    this.#entries.set(id, { ...entry, text: redactPrivateKeys(entry.text), expires: at + this.ttlMs });
    return id;
  }

  get(id: string): CachedPaste | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now().getTime()) {
      this.#entries.delete(id);
      return undefined;
    }
    const { expires: _, ...paste } = entry;
    return paste;
  }

  get size(): number {
    return this.#entries.size;
  }

  #evict(at: number) {
    for (const [id, entry] of this.#entries) if (entry.expires <= at) this.#entries.delete(id);
    // Map keeps insertion order: the first keys are the oldest.
    while (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
