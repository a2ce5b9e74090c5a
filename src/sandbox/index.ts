/** The local page that plays Slack against the real app: `npm start` without Slack tokens. */
export { type Sandbox, type SandboxOptions, startSandbox } from './server.js';
export { sandboxAppStarter } from './sandbox-app.js';
export { sandboxRefusal, SANDBOX_DATABASE_PATH, wantsSandbox } from './guard.js';
export { type LocalSandbox, startLocalSandbox } from './start-local.js';
