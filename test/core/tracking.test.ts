import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import type { Language } from '../../src/core/model.js';
import { trackableCertificates, trackedLabel, trackedSubject } from '../../src/core/tracking.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

const corpus = (name: string) => readFileSync(join('test', 'fixtures', 'corpus', `${name}.txt`), 'utf8');

describe("trackedLabel: never a blank name, in the viewer's language", () => {
  const rows: { name: string; subject: string; domains: string[]; servers: string[]; lang: Language; want: string }[] =
    [
      {
        name: 'a subject stays',
        subject: 'CN=EX2016',
        domains: ['ex2016'],
        servers: [],
        lang: 'en',
        want: 'CN=EX2016',
      },
      {
        name: 'no subject: the first domain as a CN',
        subject: '',
        domains: ['smtp.contoso.com', 'mail.contoso.com'],
        servers: ['EX01'],
        lang: 'en',
        want: 'CN=smtp.contoso.com',
      },
      {
        name: 'neither: what it is, and the server that logged it by its host name',
        subject: ' ',
        domains: [],
        servers: ['HUB2010.corp.contoso.com'],
        lang: 'en',
        want: 'Internal transport certificate (HUB2010)',
      },
      {
        name: 'in Japanese',
        subject: '',
        domains: [],
        servers: ['HUB2010.corp.contoso.com'],
        lang: 'ja',
        want: '内部トランスポート証明書 (HUB2010)',
      },
      {
        name: 'an IP address stays whole',
        subject: '',
        domains: [],
        servers: ['10.0.0.5'],
        lang: 'en',
        want: 'Internal transport certificate (10.0.0.5)',
      },
      {
        name: 'no server known',
        subject: '',
        domains: [],
        servers: [],
        lang: 'en',
        want: 'Internal transport certificate',
      },
    ];
  for (const { name, subject, domains, servers, lang, want } of rows) {
    test(name, () =>
      assert.equal(trackedLabel({ subject: trackedSubject({ subject, domains }), domains, servers }, lang), want),
    );
  }
});

describe('trackableCertificates', () => {
  test("a 12017 event: stored without a language, labelled by its server in the viewer's language", () => {
    for (const trackerLang of ['en', 'ja'] as const) {
      const diagnosis = diagnose(corpus('s04-e2010-hub-12017-expiring'), { now: REFERENCE_NOW, lang: trackerLang });
      const [cert] = trackableCertificates(diagnosis).certificates;
      assert.ok(cert);
      assert.equal(cert.subject, '', "nothing in the tracker's language is stored");
      assert.deepEqual(cert.servers, ['HUB2010.corp.contoso.com'], 'the full name stays in servers');
      assert.equal(trackedLabel(cert, 'en'), 'Internal transport certificate (HUB2010)');
      assert.equal(trackedLabel(cert, 'ja'), '内部トランスポート証明書 (HUB2010)');
    }
  });

  test("a label stored by an older version is shown in the viewer's language", () => {
    const servers = ['HUB2010.corp.contoso.com'];
    assert.equal(
      trackedLabel({ subject: '内部トランスポート証明書 (HUB2010)', domains: [], servers }, 'en'),
      'Internal transport certificate (HUB2010)',
    );
    assert.equal(
      trackedLabel({ subject: 'Internal transport certificate (HUB2010)', domains: [], servers }, 'ja'),
      '内部トランスポート証明書 (HUB2010)',
    );
  });
});
