import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('PROBE_ALLOW in the configuration', () => {
  it('unset or empty: probing from Slack is off', () => {
    assert.deepEqual(loadConfig({}).probeAllow, { names: [], networks: [] });
    assert.deepEqual(loadConfig({ PROBE_ALLOW: '  ' }).probeAllow, { names: [], networks: [] });
  });

  it('reads names and networks', () => {
    const { probeAllow } = loadConfig({ PROBE_ALLOW: 'mail.contoso.com, 10.0.0.0/8 2001:db8::/32' });
    assert.deepEqual(probeAllow.names, ['mail.contoso.com']);
    assert.deepEqual(
      probeAllow.networks.map((n) => n.text),
      ['10.0.0.0/8', '2001:db8::/32'],
    );
  });

  it('a bad entry is a configuration error naming PROBE_ALLOW and the entry', () => {
    assert.throws(
      () => loadConfig({ PROBE_ALLOW: 'mail.contoso.com, *.contoso.com' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.length === 1 &&
        /^PROBE_ALLOW: '\*\.contoso\.com': wildcards are not allowed/.test(error.problems[0] ?? ''),
    );
  });
});
