import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { diagnose } from '../../../src/core/diagnose.js';
import { cmdletUses, commandProblems, type Release, releasesOf } from '../../../src/core/knowledge/cmdlet-catalogue.js';
import type { PlanValues } from '../../../src/core/knowledge/plan-model.js';
import { PLAN_TABLE } from '../../../src/core/knowledge/plan-table.js';
import { STEP_LIBRARY } from '../../../src/core/knowledge/step-library.js';
import type { ExchangeVersion, Language, Step } from '../../../src/core/model.js';
import { buildSteps } from '../../../src/core/steps.js';
import { REFERENCE_NOW } from '../../helpers/clock.js';

// The rule: every cmdlet and parameter a step names must exist in the Exchange version it is shown
// for ('unknown' shows the 2013+ form, and its title must say where it differs on 2007/2010); no
// template field may stay unfilled, and every step says why.

const plans = [...PLAN_TABLE.values()];
const VERSIONS: ExchangeVersion[] = ['2007', '2010', '2013+', 'unknown'];
const EDGES = ['yes', 'no', 'unknown'] as const;
const LANGUAGES: Language[] = ['en', 'ja'];
const OLDER: Release[] = ['2007', '2010'];

/** What a paste gives at most, and what it gives at least (nothing: every stand-in shows). */
const VALUE_SETS: Record<string, PlanValues> = {
  full: {
    thumbprint: '3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C',
    fqdn: 'mail.contoso.com',
    domains: 'EX01,EX01.contoso.com',
    server: 'EX01',
    serverFqdn: 'EX01.contoso.com',
    connector: 'Default Frontend EX01',
    pinned: '<I>CN=Contoso Issuing CA, O=Contoso, C=US<S>CN=mail.contoso.com, O=Contoso, C=US',
    subject: 'CN=mail.contoso.com',
    cn: 'mail.contoso.com',
    services: 'IMAP,POP,IIS,SMTP',
    peer: 'EDGE01.dmz.contoso.com',
    peerHost: 'EDGE01',
    queue: 'EX01\\3',
    site: 'Default-First-Site-Name',
  },
  federationServices: { thumbprint: '3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C', services: 'SMTP,Federation' },
  none: {},
};

const UNFILLED = /\{[A-Za-z]\w*\}/;
const NAMES_A_VERSION = /20(07|10|13)/;

/** Everything wrong with one rendered step shown for `version`. */
function stepProblems(step: Step, version: ExchangeVersion, where: string): string[] {
  const problems: string[] = [];
  if (!step.why?.trim()) problems.push(`${where}: no why`);
  for (const [field, text] of [
    ['title', step.title],
    ['why', step.why ?? ''],
    ['command', step.command ?? ''],
  ] as const) {
    const unfilled = UNFILLED.exec(text);
    if (unfilled) problems.push(`${where}: unfilled ${unfilled[0]} in the ${field}`);
  }
  if (step.command === undefined) return problems;
  // With the release unknown, a step given for the releases its condition names is checked for those.
  const said = version === 'unknown' ? releasesSaid(step.title) : undefined;
  for (const p of commandProblems(step.command, said ?? releasesOf(version))) problems.push(`${where}: ${p}`);
  if (version === 'unknown' && !said && !NAMES_A_VERSION.test(step.title)) {
    const older = OLDER.filter((release) => commandProblems(step.command as string, [release]).length > 0);
    if (older.length > 0) {
      problems.push(`${where}: the command is wrong on Exchange ${older.join('/')} but the title does not say so`);
    }
  }
  return problems;
}

/** The releases a step's "If AdminDisplayVersion shows Version 14.x …" names (8.x 2007, 14.x 2010, 15.x 2013 and later). */
function releasesSaid(title: string): Release[] | undefined {
  const m = /AdminDisplayVersion\s*(?:shows|が)\s*Version\s+(\d+)\.x(?:\s*(?:or|または)\s*(\d+)\.x)?/.exec(title);
  if (!m) return undefined;
  return [m[1], m[2]].flatMap((major): Release[] =>
    major === '15' ? ['2013', '2016', '2019'] : major === '14' ? ['2010'] : major === '8' ? ['2007'] : [],
  );
}

describe('the cmdlet catalogue catches what the rule forbids', () => {
  const cases: [string, Release, RegExp][] = [
    [
      'New-ExchangeCertificate -GenerateRequest -RequestFile C:\\r.req',
      '2016',
      /-RequestFile does not exist on Exchange 2016/,
    ],
    [
      'New-ExchangeCertificate -GenerateRequest -RequestFile C:\\r.req',
      '2010',
      /-RequestFile does not exist on Exchange 2010/,
    ],
    ['New-ExchangeCertificate -GenerateRequest -Path C:\\r.req', '2013', /-Path does not exist on Exchange 2013/],
    ["Import-ExchangeCertificate -FileName 'C:\\c.pfx'", '2019', /-FileName does not exist on Exchange 2019/],
    [
      "Import-ExchangeCertificate -FileData ([System.IO.File]::ReadAllBytes('C:\\c.cer'))",
      '2007',
      /-FileData does not exist on Exchange 2007/,
    ],
    [
      'Get-TransportService EX01 | fl InternalTransportCertificateThumbprint',
      '2010',
      /Get-TransportService does not exist on Exchange 2010/,
    ],
    ['Get-TransportServer EX01', '2016', /Get-TransportServer does not exist on Exchange 2016/],
    [
      'New-EdgeSubscription -FileData ([System.IO.File]::ReadAllBytes(\'C:\\e.xml\')) -Site "S"',
      '2007',
      /-FileData does not exist/,
    ],
    ['Set-AuthConfig -PublishCertificate', '2010', /Set-AuthConfig does not exist on Exchange 2010/],
    ['Set-SendConnector "X" -TlsCertificateName $n', '2010', /-TlsCertificateName does not exist on Exchange 2010/],
    [
      'Restart-Service MSExchangeTransport, MSExchangeFrontEndTransport',
      '2010',
      /MSExchangeFrontEndTransport does not exist/,
    ],
    [
      'Enable-ExchangeCertificate -Thumbprint X -Services IIS,UM',
      '2019',
      /-Services UM does not exist on Exchange 2019/,
    ],
    [
      'New-ExchangeCertificate -DomainName Federation -Services Federation',
      '2007',
      /-Services Federation does not exist on Exchange 2007/,
    ],
    ['Get-ExchangeCertificate -Server EX01', '2007', /-Server does not exist on Exchange 2007/],
    ['Export-Certificate -Cert X', '2013', /Export-Certificate is not in the cmdlet catalogue/],
  ];
  for (const [command, release, problem] of cases) {
    it(`${command} on ${release}`, () => assert.match(commandProblems(command, [release]).join('\n'), problem));
  }

  it('reads parameters at their nesting level', () => {
    const uses = cmdletUses(
      'New-EdgeSubscription -FileData ([byte[]]$(Get-Content -Path C:\\e.xml -Encoding Byte -ReadCount 0)) -Site "S"   # -Bogus',
    );
    assert.deepEqual(
      uses.map((u) => [u.cmdlet, u.parameters.map((p) => p.name)]),
      [
        ['New-EdgeSubscription', ['FileData', 'Site']],
        ['Get-Content', ['Path', 'Encoding', 'ReadCount']],
      ],
    );
  });

  it('leaves operators in script blocks alone and reads -Services lists', () => {
    const command =
      "Get-ExchangeCertificate | ? { $_.Services -match 'SMTP' -and -not $_.IsSelfSigned } | fl Thumbprint";
    assert.deepEqual(commandProblems(command, ['2007', '2019']), []);
    assert.deepEqual(
      commandProblems('Enable-ExchangeCertificate -Thumbprint X -Services IMAP, POP, IIS, SMTP', ['2019']),
      [],
    );
  });
});

describe('every step of the library', () => {
  const templates = [...STEP_LIBRARY.values()].map((step) => [step.id, step] as const);

  it('has a title and a why in English and Japanese', () => {
    const missing = templates.flatMap(([where, t]) =>
      LANGUAGES.flatMap((lang) => [
        ...(t.title[lang]?.trim() ? [] : [`${where}: no ${lang} title`]),
        ...(t.why?.[lang]?.trim() ? [] : [`${where}: no ${lang} why`]),
      ]),
    );
    assert.deepEqual(missing, []);
  });

  it('explains in the title what differs when a 2007/2010 variant is hidden behind the 2013+ default', () => {
    const silent = templates.flatMap(([where, t]) => {
      const command = t.command;
      if (command === undefined) return [];
      if (t.versions && !t.versions.includes('unknown')) return [];
      const differs = (['2007', '2010'] as const).some(
        (v) => command[v] !== undefined && command[v] !== command.default,
      );
      return differs && !t.unknownNote ? [`${where}: has a 2007/2010 variant but no unknownNote`] : [];
    });
    assert.deepEqual(silent, []);
  });
});

describe('every plan, for every version and Edge context', () => {
  for (const plan of plans) {
    it(`${plan.id}: names only cmdlets and parameters the version has`, () => {
      const problems: string[] = [];
      for (const version of VERSIONS) {
        for (const edge of EDGES) {
          for (const frontEnd of [false, true]) {
            for (const language of LANGUAGES) {
              for (const [setName, values] of Object.entries(VALUE_SETS)) {
                const { steps } = buildSteps([{ plan: plan.id, values }], { version, edge, frontEnd, language });
                steps.forEach((step, i) => {
                  const where = `${version}/edge=${edge}/fe=${frontEnd}/${language}/${setName} step ${i + 1}`;
                  problems.push(...stepProblems(step, version, where));
                });
              }
            }
          }
        }
      }
      assert.deepEqual([...new Set(problems)], []);
    });
  }

  it('gives at least one step for each plan on each version', () => {
    const empty = plans.flatMap((plan) =>
      VERSIONS.filter(
        (version) =>
          buildSteps([{ plan: plan.id, values: VALUE_SETS.full as PlanValues }], {
            version,
            edge: 'yes',
            frontEnd: false,
            language: 'en',
          }).steps.length === 0,
      ).map((version) => `${plan.id} on ${version}`),
    );
    assert.deepEqual(empty, []);
  });
});

describe('every corpus sample, diagnosed as it is', () => {
  const dir = new URL('../../fixtures/corpus/', import.meta.url);
  const names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it('has the corpus', () => assert.ok(names.length >= 35, `only ${names.length} samples`));
  for (const name of names) {
    it(name, () => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const problems: string[] = [];
      for (const lang of LANGUAGES) {
        const d = diagnose(text, { now: REFERENCE_NOW, lang });
        d.steps.forEach((step, i) => {
          problems.push(...stepProblems(step, d.exchangeVersion, `${lang} (${d.exchangeVersion}) step ${i + 1}`));
        });
      }
      assert.deepEqual(problems, []);
    });
  }
});
