import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import type { Diagnosis } from '../../src/core/model.js';
import { captureIo } from '../helpers/cli-io.js';
import { REFERENCE_NOW } from '../helpers/clock.js';
import { corpusProblems, type Expectation } from '../helpers/corpus-expectations.js';

// The sample corpus (copied from the shared samples): every paste, through the CLI as a user runs it.
const dir = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();

describe('sample corpus through `certcheck diagnose --json`', () => {
  it('has the whole corpus', () => assert.ok(cases.length >= 35, `only ${cases.length} cases`));
  for (const file of cases) {
    const name = file.replace(/\.txt$/, '');
    const expect = JSON.parse(readFileSync(`${dir}${name}.expect.json`, 'utf8')) as Expectation;
    it(`${name}: ${expect.about ?? ''}`, async () => {
      const io = captureIo({ now: REFERENCE_NOW });
      const code = await runCli(['diagnose', '--json', '--now', REFERENCE_NOW.toISOString(), `${dir}${file}`], io);
      assert.equal(code, 0, io.err.join(''));
      const stdout = io.out.join('');
      const diagnosis = JSON.parse(stdout) as Diagnosis;
      assert.deepEqual(corpusProblems(diagnosis, expect, stdout + io.err.join('')), []);
    });
  }
});
