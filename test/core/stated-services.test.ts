import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Diagnosis } from '../../src/core/model.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// The one certificate of an openssl -text paste lists no services; the admin's sentence about it
// ("bound to IIS and SMTP") says what its replacement is enabled for, instead of `-Services <services>`.

const fixture = readFileSync(
  new URL('../fixtures/corpus-extra/w19-e2013cu23-openssl-text-1024-sha1.txt', import.meta.url),
  'utf8',
);
const openssl = fixture.slice(fixture.indexOf('$ openssl'));

const paste = (prose: string) => `${prose}\n\n${openssl}`;
const enableCommand = (d: Diagnosis) =>
  d.steps.map((s) => s.command ?? '').find((c) => /^Enable-ExchangeCertificate .*-Services/.test(c)) ?? '';

describe('the services the admin states for the one certificate shown', () => {
  it('English: "bound to IIS and SMTP" enables the new certificate for IIS,SMTP and probes 443 and 25', () => {
    const d = diagnose(
      paste("Exchange 2013 CU23 (EX13-WT1). How do I replace it? It's the one bound to IIS and SMTP."),
      {
        now: REFERENCE_NOW,
      },
    );
    assert.match(enableCommand(d), /-Services IIS,SMTP$/);
    const commands = d.steps.map((s) => s.command ?? '').join('\n');
    assert.doesNotMatch(commands, /<services>/);
    assert.match(commands, /certcheck probe mail\.wingtiptoys\.com:443/);
    assert.match(commands, /certcheck probe mail\.wingtiptoys\.com:25/);
  });

  it('Japanese: 「IIS と SMTP に割り当てています」 reads the same', () => {
    const d = diagnose(
      paste(
        'Exchange 2013 CU23 の EX13-WT1 です。この証明書は IIS と SMTP に割り当てています。交換方法を教えてください。',
      ),
      {
        now: REFERENCE_NOW,
      },
    );
    assert.equal(d.language, 'ja');
    assert.match(enableCommand(d), /-Services IIS,SMTP$/);
    assert.doesNotMatch(d.steps.map((s) => s.command ?? '').join('\n'), /<services>|<サービス>/);
  });

  it('a sentence that denies a service, or names none, adds nothing', () => {
    const only = diagnose(paste("Exchange 2013 CU23 (EX13-WT1). It's only bound to IIS. It is not used for SMTP."), {
      now: REFERENCE_NOW,
    });
    assert.match(enableCommand(only), /-Services IIS$/);
    const none = diagnose(paste('Exchange 2013 CU23 (EX13-WT1). Our auditor flagged this certificate.'), {
      now: REFERENCE_NOW,
    });
    assert.doesNotMatch(enableCommand(none), /-Services (IIS|SMTP)/);
  });
});
