import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import type { Diagnosis } from '../../src/core/model.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { corpusProblems, type Expectation } from '../helpers/corpus-expectations.js';

// Every paste of a corpus, through the CLI as a user runs it, judged by its NAME.expect.json.
// A case whose expectation carries `knownIssue` is skipped with that reason until the code is fixed.
function runCorpus(title: string, folder: string, minCases: number) {
  const dir = fileURLToPath(new URL(`../fixtures/${folder}/`, import.meta.url));
  const cases = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  describe(title, () => {
    it('has the whole corpus', () => assert.ok(cases.length >= minCases, `only ${cases.length} cases`));
    for (const file of cases) {
      const name = file.replace(/\.txt$/, '');
      const expect = JSON.parse(readFileSync(`${dir}${name}.expect.json`, 'utf8')) as Expectation;
      const skip = expect.knownIssue ? `known issue: ${expect.knownIssue}` : false;
      it(`${name}: ${expect.about ?? ''}`, { skip }, async () => {
        const io = captureIo({ now: REFERENCE_NOW });
        const code = await runCli(['diagnose', '--json', '--now', REFERENCE_NOW.toISOString(), `${dir}${file}`], io);
        assert.equal(code, 0, io.err.join(''));
        const stdout = io.out.join('');
        const diagnosis = JSON.parse(stdout) as Diagnosis;
        assert.deepEqual(corpusProblems(diagnosis, expect, stdout + io.err.join('')), []);
      });
    }
  });
}

// The sample corpus (copied from the shared samples).
runCorpus('sample corpus through `certcheck diagnose --json`', 'corpus', 35);
// The second corpus: other paste shapes (XML/Get-WinEvent/Get-EventLog events, fl *, culture dates,
// certutil -store, OpenSSL 1.1, PKCS#7, encrypted keys, wildcards, Slack mangling, mail-flow text).
runCorpus('extra corpus through `certcheck diagnose --json`', 'corpus-extra', 20);
