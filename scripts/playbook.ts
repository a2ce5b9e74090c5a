// Rebuilds docs/playbook.md from the plan table and the step library: `node --import tsx scripts/playbook.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { playbookMarkdown } from '../src/core/playbook.js';

const target = fileURLToPath(new URL('../docs/playbook.md', import.meta.url));
writeFileSync(target, playbookMarkdown());
process.stdout.write(`wrote ${target}\n`);
