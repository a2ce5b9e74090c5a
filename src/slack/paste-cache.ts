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
  #chars = 0;

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = PASTE_TTL_MS,
    private readonly maxEntries = 500,
    /** Pastes reach 1 MiB (shared files): bound the memory as well as the count. */
    private readonly maxChars = 32 * 1024 * 1024,
  ) {}

  put(entry: CachedPaste): string {
    const id = randomBytes(9).toString('base64url');
    const at = this.now().getTime();
    const text = redactPrivateKeys(entry.text);
    this.#evict(at, text.length);
    this.#entries.set(id, { ...entry, text, expires: at + this.ttlMs });
    this.#chars += text.length;
    return id;
  }

  get(id: string): CachedPaste | undefined {
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= this.now().getTime()) {
      this.#delete(id);
      return undefined;
    }
    const { expires: _, ...paste } = entry;
    return paste;
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Every entry lives the same TTL, so Map's insertion order is expiry order: the oldest go first,
   * and the scan stops at the first live one (a put costs O(evicted), not O(size)).
   */
  #evict(at: number, incoming: number) {
    for (const [id, entry] of this.#entries) {
      const full = this.#entries.size >= this.maxEntries || this.#chars + incoming > this.maxChars;
      if (entry.expires > at && !full) break;
      this.#delete(id);
    }
  }

  #delete(id: string) {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#chars -= entry.text.length;
    this.#entries.delete(id);
  }
}
