import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createMemoryPasteStore, type PasteStore } from '../../src/slack/pastes/paste-store.js';
import { openPasteStore } from '../../src/slack/pastes/open-paste-store.js';
import { openSqlitePasteStore } from '../../src/slack/pastes/sqlite-paste-store.js';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../helpers/postgres.js';
import { tempDatabasePath, tempDir } from '../helpers/temp-db.js';

const paste = (text: string) => ({ text, userId: 'U1', privateKey: false, postedInChannel: true });
const at = (iso: string) => new Date(iso);
const dir = tempDir('pastes');

/** What every paste store does: the buttons behind a reply rely on it whichever process answers. */
function contract(
  name: string,
  open: (ttlMs: number) => PasteStore | Promise<PasteStore>,
  skip: string | false = false,
) {
  describe(`${name}: the pastes behind the buttons`, { skip }, () => {
    it('gives a paste back until its time to live is over, like the response_url it serves', async () => {
      const store = await open(30 * 60_000);
      const id = await store.put(paste('12015'), at('2026-11-28T12:00:00Z'));
      assert.deepEqual(await store.get(id, at('2026-11-28T12:29:00Z')), paste('12015'));
      assert.equal(await store.get(id, at('2026-11-28T12:30:00Z')), undefined);
      await store.close();
    });

    it('knows nothing of an id it never gave', async () => {
      const store = await open(60_000);
      assert.equal(await store.get('forged', at('2026-11-28T12:00:00Z')), undefined);
      await store.close();
    });

    it('keeps no private key, only the marker that there was one', async () => {
      const store = await open(60_000);
      const id = await store.put(
        paste('-----BEGIN PRIVATE KEY-----\nMIIEvAIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----'),
        at('2026-11-28T12:00:00Z'),
      );
      const kept = await store.get(id, at('2026-11-28T12:00:01Z'));
      assert.doesNotMatch(kept?.text ?? '', /MIIEvAIBADANBgkq/);
      assert.match(kept?.text ?? '', /BEGIN PRIVATE KEY/);
      await store.close();
    });
  });
}

contract('memory', (ttlMs) => createMemoryPasteStore({ ttlMs }));
contract('SQLite', (ttlMs) => openSqlitePasteStore(tempDatabasePath(dir), { ttlMs }));

const unavailable = postgresUnavailable();
let server: PostgresServer | undefined;
before(async () => {
  if (!unavailable) server = await startPostgres();
});
after(async () => {
  await server?.stop();
});
contract(
  'Postgres',
  async (ttlMs) => {
    if (!server) throw new Error('no Postgres server');
    const { openPgPasteStore } = await import('../../src/slack/pastes/pg-paste-store.js');
    return openPgPasteStore(await server.newDatabase(), { ttlMs });
  },
  unavailable ?? false,
);

describe('the paste store DATABASE_URL names', { skip: unavailable ?? false }, () => {
  it('is shared by two replicas of a Postgres database', async () => {
    if (!server) throw new Error('no Postgres server');
    const url = await server.newDatabase();
    const first = openPasteStore(url);
    const second = openPasteStore(url);
    const id = await first.put(paste('12015 on HUB01'), at('2026-11-28T12:00:00Z'));
    assert.equal((await second.get(id, at('2026-11-28T12:10:00Z')))?.text, '12015 on HUB01');
    await first.close();
    await second.close();
  });

  it('replicas whose first pastes arrive together both create the table without a clash', async () => {
    const postgres = server;
    if (!postgres) throw new Error('no Postgres server');
    for (let round = 0; round < 5; round++) {
      const url: string = await postgres.newDatabase();
      const stores = [openPasteStore(url), openPasteStore(url), openPasteStore(url)];
      const now = at('2026-11-28T12:00:00Z');
      // Each store's first use creates the table: all at once, as replicas answering one button do.
      const ids = await Promise.all(stores.map((store, i) => store.put(paste(`paste ${i}`), now)));
      for (const [i, id] of ids.entries()) assert.equal((await stores[0]?.get(id, now))?.text, `paste ${i}`);
      for (const store of stores) await store.close();
    }
  });
});

describe('SQLite paste store', () => {
  it('a second connection to the same file (another process, after a restart) finds the paste', async () => {
    const path = tempDatabasePath(dir);
    const first = openSqlitePasteStore(path);
    const id = await first.put(paste('12015 on HUB01'), at('2026-11-28T12:00:00Z'));
    await first.close();
    const second = openSqlitePasteStore(path);
    assert.equal((await second.get(id, at('2026-11-28T12:10:00Z')))?.text, '12015 on HUB01');
    await second.close();
  });

  it('pastes put in the same turn are written together, and a row the database refuses loses only itself', async () => {
    const path = tempDatabasePath(dir);
    const store = openSqlitePasteStore(path);
    const now = at('2026-11-28T12:00:00Z');
    await store.put(paste('first'), now, 'taken');
    const results = await Promise.allSettled([
      store.put(paste('a'), now),
      store.put(paste('again'), now, 'taken'),
      store.put(paste('b'), now),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    const [a, , b] = results;
    assert.equal((await store.get(a?.status === 'fulfilled' ? a.value : '', now))?.text, 'a');
    assert.equal((await store.get(b?.status === 'fulfilled' ? b.value : '', now))?.text, 'b');
    assert.equal((await store.get('taken', now))?.text, 'first');
    // A put not awaited before close is still written.
    const late = store.put(paste('late'), now, 'late');
    await store.close();
    assert.equal(await late, 'late');
    const reopened = openSqlitePasteStore(path);
    assert.equal((await reopened.get('late', now))?.text, 'late');
    await reopened.close();
  });
});

describe('memory paste store', () => {
  it('bounds its count and its characters, dropping the oldest', async () => {
    const now = at('2026-11-28T12:00:00Z');
    const byCount = createMemoryPasteStore({ maxEntries: 3 });
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((t) => byCount.put(paste(t), now)));
    assert.equal(await byCount.get(ids[0] ?? '', now), undefined);
    assert.equal((await byCount.get(ids[3] ?? '', now))?.text, 'd');
    const byChars = createMemoryPasteStore({ maxChars: 1000 });
    const first = await byChars.put(paste('x'.repeat(600)), now);
    const second = await byChars.put(paste('y'.repeat(600)), now);
    assert.equal(await byChars.get(first, now), undefined);
    assert.equal((await byChars.get(second, now))?.text.length, 600);
  });
});
