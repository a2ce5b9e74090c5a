import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saysOtherServers } from '../../../src/core/facts/plan-requests.js';
import { withoutDagDenials } from '../../../src/core/recognize/dag-mentions.js';
import { recognizeEvents } from '../../../src/core/recognize/events.js';

/** A DAG denied (HealthChecker's Standalone Server, "no DAG", 「DAG なし」) is no DAG and no other server. */
describe('DAG mentions', () => {
  const denied = [
    '        Server Role: Mailbox\n        DAG Name: Standalone Server\n        AD Site: Default-First-Site-Name',
    'DAG Name: Standalone',
    'Single Exchange 2019 server, no DAG.',
    'EX01 is not in a DAG.',
    "It isn't part of any DAG",
    'We run it without a DAG',
    'non-DAG mailbox server',
    'DAG: none',
    '単体の Exchange 2019 サーバーで、DAG なしです。',
    'DAG は構成していません。',
    'DAGは組んでいません',
    'スタンドアロン サーバーで DAG は未構成',
    'DAG名: スタンドアロン',
  ];
  for (const text of denied) {
    it(`denied: ${text.trim().split('\n').at(-2) ?? text}`, () => {
      assert.equal(saysOtherServers(text), false);
      assert.doesNotMatch(withoutDagDenials(text), /DAG/);
      assert.equal(withoutDagDenials(text).length, text.length);
      const roles = recognizeEvents(text).roleEvidence ?? [];
      assert.ok(!roles.some((r) => r.reason === 'prose' && /DAG/i.test(r.quote ?? '')), JSON.stringify(roles));
    });
  }
  const said = [
    '        DAG Name: DAG01\n        AD Site: HQ',
    'Two DAG members, EX01 and EX02.',
    'Our DAG has 3 servers',
    'DAG メンバーは EX01 と EX02 です。',
    'No errors on the DAG members since yesterday.',
  ];
  for (const text of said) {
    it(`said: ${text.trim().split('\n')[0]}`, () => {
      assert.equal(saysOtherServers(text), true);
      assert.match(withoutDagDenials(text), /DAG/);
    });
  }
});

/** A load balancer denied, or a deployment said to be one server, is no other server to copy a renewal to. */
describe('load balancers and single servers', () => {
  const none: string[] = [
    'ロードバランサーはなく、EXCH-TK01 一台構成です。',
    'ロード バランサーはありません。',
    '負荷分散装置は使っていません。',
    '1 台構成の Exchange 2016 です。',
    'No load balancer, single-server deployment.',
    'We have one Exchange server (EX01), without a load balancer.',
  ];
  for (const text of none) it(`none: ${text}`, () => assert.equal(saysOtherServers(text), false));
  const others: string[] = [
    'Behind the load balancer are EX01 and EX02.',
    'DAG of 3 behind a VIP',
    'Only one server in the DAG still has the old certificate.',
    '負荷分散装置の背後に 2 台あります。',
    '1 台だけ古い証明書のままです (DAG メンバー)。',
  ];
  for (const text of others) it(`others: ${text}`, () => assert.equal(saysOtherServers(text), true));
});
