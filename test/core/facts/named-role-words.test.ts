import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

// A role word the admin gives one server by name is that server's alone: the other servers listed
// beside it (an Edge pair in parentheses) are not made Mailbox servers by it, so the one Mailbox server
// named stays the only Hub/Mailbox side a step can run on.

describe('a role word given to one named server', () => {
  for (const [lang, text] of [
    [
      'en',
      'Exchange 2019 CU14, the servers in the DMZ (EDGE19-01 / EDGE19-02) log 12017. The Mailbox server is EXMB-07.',
    ],
    [
      'ja',
      'Exchange 2019 CU14 の DMZ のサーバー 2 台（EDGE19-01、EDGE19-02）で 12017 が出ます。メールボックス サーバーは EXMB-07 です。',
    ],
  ] as const) {
    it(lang, () => {
      const d = diagnose(text, { now: REFERENCE_NOW });
      const roles = new Map((d.servers ?? []).map((s) => [s.name, s.roles.map((r) => r.value)]));
      assert.deepEqual([...roles.keys()].sort(), ['EDGE19-01', 'EDGE19-02', 'EXMB-07']);
      assert.ok(roles.get('EXMB-07')?.includes('mailbox'), JSON.stringify([...roles]));
      for (const edge of ['EDGE19-01', 'EDGE19-02'])
        assert.ok(!roles.get(edge)?.includes('mailbox'), `${edge}: ${JSON.stringify(roles.get(edge))}`);
    });
  }
});
