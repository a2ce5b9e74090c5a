// The diagnosis core takes text and `now` and returns data: it must not read the clock or the
// environment. Biome's noRestrictedImports keeps I/O modules out; this catches the globals.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const forbidden = [
  [/\bDate\.now\s*\(/, 'reads the clock (Date.now)'],
  [/\bnew Date\s*\(\s*\)/, 'reads the clock (new Date())'],
  [/\bDateTime\.(now|local)\s*\(\s*\)/, 'reads the clock (DateTime.now/local)'],
  [/\bprocess\.(env|argv|stdin|stdout|stderr|exit|cwd)\b/, 'touches the process'],
  [/\bMath\.random\s*\(/, 'is not deterministic (Math.random)'],
  [/\bconsole\./, 'logs (the core returns data; adapters log)'],
];
const problems = [];
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (path.endsWith('.ts')) {
      readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line)) return;
        for (const [re, why] of forbidden) if (re.test(line)) problems.push(`${path}:${i + 1}: ${why}`);
      });
    }
  }
}
walk('src/core');
if (problems.length) {
  console.error(`src/core must stay pure:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('core purity: ok');
