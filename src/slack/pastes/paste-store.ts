import { randomBytes } from 'node:crypto';
import { redactPrivateKeys } from '../../core/normalize.js';

/**
 * The pastes behind a reply's buttons (share, language, all steps, post to thread, track): a
 * button value holds 2000 characters and a paste up to 1 MiB, so the button carries an id and the
 * paste lives here until the reply's response_url would have expired anyway. Any process that
 * shares the store can answer the click (a restart, a second replica).
 */
export interface StoredPaste {
  /** The paste with every private-key body removed: a key is never kept past its request. */
  text: string;
  userId: string;
  /** The paste carried a private key: never make this answer public. */
  privateKey: boolean;
  /** It was posted in a conversation others can read (a mention or a shortcut's message). */
  postedInChannel: boolean;
}

export interface PasteStore {
  /**
   * Keeps the paste (its private keys removed) until `now` + the store's time to live, under `id`
   * when given (an id handed out before the write, so the reply need not wait for it).
   */
  put(paste: StoredPaste, now: Date, id?: string): Promise<string>;
  /** The paste, unless it expired before `now` or was never kept. */
  get(id: string, now: Date): Promise<StoredPaste | undefined>;
  close(): Promise<void>;
}

/** The life of a response_url: after it, the buttons could not answer anyway. */
export const PASTE_TTL_MS = 30 * 60 * 1000;

export const newPasteId = (): string => randomBytes(12).toString('base64url');

/** What is kept: the paste with its private keys removed. */
export const storable = (paste: StoredPaste): StoredPaste => ({ ...paste, text: redactPrivateKeys(paste.text) });

/**
 * One process's memory: for tests and for a single process without a database file. Bounded in
 * count and characters, since pastes reach 1 MiB.
 */
export function createMemoryPasteStore(
  options: { ttlMs?: number; maxEntries?: number; maxChars?: number } = {},
): PasteStore {
  const ttlMs = options.ttlMs ?? PASTE_TTL_MS;
  const maxEntries = options.maxEntries ?? 500;
  const maxChars = options.maxChars ?? 32 * 1024 * 1024;
  const entries = new Map<string, StoredPaste & { expires: number }>();
  let chars = 0;
  const remove = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    chars -= entry.text.length;
    entries.delete(id);
  };
  return {
    async put(paste, now, given) {
      const kept = storable(paste);
      const at = now.getTime();
      // Every entry lives the same time, so insertion order is expiry order: stop at the first live one.
      for (const [id, entry] of entries) {
        const full = entries.size >= maxEntries || chars + kept.text.length > maxChars;
        if (entry.expires > at && !full) break;
        remove(id);
      }
      const id = given ?? newPasteId();
      entries.set(id, { ...kept, expires: at + ttlMs });
      chars += kept.text.length;
      return id;
    },
    async get(id, now) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expires <= now.getTime()) {
        remove(id);
        return undefined;
      }
      const { expires: _, ...paste } = entry;
      return paste;
    },
    async close() {
      entries.clear();
      chars = 0;
    },
  };
}
