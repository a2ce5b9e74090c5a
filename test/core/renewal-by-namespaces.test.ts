import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diagnose } from '../../src/core/diagnose.js';
import { REFERENCE_NOW } from '../helpers/clock.js';

// HealthChecker lists FriendlyName, Namespaces, Lifetime and "Bound to services", never the subject:
// a renewal already imported is found by the same namespaces (or the same friendly name but for a
// year) and a later expiry, and enabled instead of being requested again.
const OLD = '83DAB825211E7627556593832122294517321F11';
const NEW = '9E1C47A0B3D25F6E88C1047A2B9D3E5F60718C2D';

interface Cert {
  friendly: string;
  thumbprint: string;
  days: number;
  bound: string;
  namespaces: string[];
  internal?: boolean;
}
const cert = (c: Cert) =>
  [
    '        Certificate:',
    `                FriendlyName: ${c.friendly}`,
    `                Thumbprint: ${c.thumbprint}`,
    `                Lifetime in days: ${c.days}`,
    `                Certificate has expired: ${c.days < 0 ? 'True' : 'False'}`,
    `                Certificate status: ${c.days < 0 ? 'DateInvalid' : 'Valid'}`,
    `                Bound to services: ${c.bound}`,
    `                Internal Transport Certificate: ${c.internal ? 'True' : 'False'}`,
    '                Current Auth Certificate: False',
    '                Next Auth Certificate: False',
    ...(c.namespaces.length > 0 ? ['                Namespaces:', ...c.namespaces.map((n) => `                        ${n}`)] : []),
  ].join('\n');
const healthChecker = (question: string, certs: Cert[]) =>
  [
    question,
    '',
    'Exchange Information',
    '--------------------',
    '        Name: EXSV01',
    '        Version: Exchange 2019 CU15 Jul25HU',
    '        Build Number: 15.2.1748.36',
    '        Server Role: Mailbox',
    '',
    'Exchange Server Certificates',
    '----------------------------',
    ...certs.map(cert),
    '        Valid Internal Transport Certificate Found On Server: True',
  ].join('\n');

const NAMES = ['mail.shinano-kogyo.co.jp', 'autodiscover.shinano-kogyo.co.jp'];
const SETUP: Cert = {
  friendly: 'Microsoft Exchange',
  thumbprint: '4B2D8E61A0F37C95D1E4B6028A7C3F91E5D0B248',
  days: 1190,
  bound: 'IMAP, POP, IIS, SMTP',
  namespaces: ['EXSV01', 'EXSV01.shinano.local'],
  internal: true,
};

describe('a renewal HealthChecker shows without a subject', () => {
  const rows: { name: string; question: string; certs: Cert[]; renewed: boolean }[] = [
    {
      name: 'ja: same namespaces, later expiry, bound to None',
      question: '証明書は先週更新して Import までは済んでいます。何が足りないでしょうか?',
      certs: [
        { friendly: 'mail.shinano-kogyo.co.jp', thumbprint: OLD, days: -3, bound: 'IMAP, POP, IIS, SMTP', namespaces: NAMES },
        { friendly: 'mail.shinano-kogyo.co.jp 2027', thumbprint: NEW, days: 362, bound: 'None', namespaces: NAMES },
        SETUP,
      ],
      renewed: true,
    },
    {
      name: 'en: expiring in 9 days, renewal with namespaces in another order',
      question: 'Imported the renewed cert yesterday, what is left?',
      certs: [
        { friendly: 'Mail 2025', thumbprint: OLD, days: 9, bound: 'IIS, SMTP', namespaces: NAMES },
        { friendly: 'Mail 2026', thumbprint: NEW, days: 395, bound: 'None', namespaces: [...NAMES].reverse() },
        SETUP,
      ],
      renewed: true,
    },
    {
      name: 'no namespaces: the same friendly name but for the year',
      question: 'Cert expired, new one imported.',
      certs: [
        { friendly: 'Contoso Web 2025', thumbprint: OLD, days: -1, bound: 'IIS, SMTP', namespaces: [] },
        { friendly: 'Contoso Web 2026', thumbprint: NEW, days: 364, bound: 'None', namespaces: [] },
      ],
      renewed: true,
    },
    {
      name: 'other namespaces: not a renewal, the old one is requested again',
      question: 'Cert expired.',
      certs: [
        { friendly: 'mail', thumbprint: OLD, days: -3, bound: 'IIS, SMTP', namespaces: NAMES },
        { friendly: 'legacy', thumbprint: NEW, days: 300, bound: 'None', namespaces: ['legacy.shinano-kogyo.co.jp'] },
        SETUP,
      ],
      renewed: false,
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const d = diagnose(healthChecker(row.question, row.certs), { now: REFERENCE_NOW });
      const commands = d.steps.map((s) => s.command ?? '').join('\n');
      if (row.renewed) {
        assert.doesNotMatch(commands, /-GenerateRequest|New-ExchangeCertificate/);
        assert.match(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW} -Services \\S*SMTP`));
        const enable = commands.indexOf(`Enable-ExchangeCertificate -Thumbprint ${NEW}`);
        const remove = commands.indexOf(`Remove-ExchangeCertificate -Thumbprint ${OLD}`);
        assert.ok(remove === -1 || remove > enable, commands);
        assert.doesNotMatch(commands, new RegExp(`Remove-ExchangeCertificate -Thumbprint ${SETUP.thumbprint}`));
      } else {
        assert.doesNotMatch(commands, new RegExp(`Enable-ExchangeCertificate -Thumbprint ${NEW}`));
      }
    });
});
