import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { healthRoutes, PROBE_PATHS } from '../../src/health.js';
import { parseYamlDocuments, type YamlValue } from './yaml-subset.js';

/**
 * No image can be built or cluster reached here, so the container and Kubernetes files are checked
 * as text: they parse, name every variable src/config.ts reads, reference the Secret and ConfigMap
 * they ship with, and point the probes at endpoints the app serves.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'kubernetes');
type Map = { [key: string]: YamlValue };

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const asMap = (value: YamlValue | undefined, what: string): Map => {
  assert.ok(value !== null && typeof value === 'object' && !Array.isArray(value), `${what} is a mapping`);
  return value as Map;
};
const asList = (value: YamlValue | undefined, what: string): YamlValue[] => {
  assert.ok(Array.isArray(value), `${what} is a list`);
  return value;
};

function manifests(): Map[] {
  return readdirSync(K8S)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => parseYamlDocuments(readFileSync(join(K8S, f), 'utf8')).map((d) => asMap(d, f)));
}

const byKind = (kind: string) => {
  const found = manifests().filter((m) => m.kind === kind);
  assert.equal(found.length, 1, `one ${kind}`);
  return found[0]!;
};

/** The variables src/config.ts reads: the keys of its schema. */
function configVariables(): string[] {
  const source = read('src/config.ts');
  const schema = source.slice(source.indexOf('const configSchema = z.object({'));
  const body = schema.slice(0, schema.indexOf('\n});'));
  const names = [...body.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
  assert.ok(names.includes('DATABASE_URL') && names.includes('SLACK_BOT_TOKEN'), 'read the schema');
  return names;
}

/** What config.ts needs that has no usable default for replicas: tokens, and a shared database. */
const REQUIRED = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL'];
const SERVED = new Set(healthRoutes({ store: { ping: async () => {} } }).map((r) => r.path));

describe('Kubernetes manifests', () => {
  test('every file parses; kustomization lists files that exist, and not the Secret template', () => {
    const kustomization = asMap(
      parseYamlDocuments(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8'))[0],
      'kustomization',
    );
    const resources = asList(kustomization.resources, 'resources');
    for (const r of resources) assert.ok(existsSync(join(K8S, String(r))), `${r} exists`);
    assert.ok(!resources.includes('secret.example.yaml'), 'a template with placeholders is never applied');
    assert.ok(manifests().length >= 5);
  });

  test('Deployment: 2 replicas, probes on /readyz and /livez of a named port, limits, a grace period covering the drain, non-root', () => {
    const deployment = byKind('Deployment');
    const spec = asMap(deployment.spec, 'spec');
    assert.equal(spec.replicas, 2);
    const pod = asMap(asMap(spec.template, 'template').spec, 'pod spec');
    const [container] = asList(pod.containers, 'containers').map((c) => asMap(c, 'container'));
    assert.ok(container);
    const ports = asList(container.ports, 'ports').map((p) => asMap(p, 'port').name);
    const readiness = asMap(asMap(container.readinessProbe, 'readinessProbe').httpGet, 'readiness httpGet');
    const liveness = asMap(asMap(container.livenessProbe, 'livenessProbe').httpGet, 'liveness httpGet');
    assert.equal(readiness.path, PROBE_PATHS.readiness);
    assert.equal(liveness.path, PROBE_PATHS.liveness);
    for (const probe of [readiness, liveness]) {
      assert.ok(SERVED.has(String(probe.path)), `${probe.path} is served`);
      assert.ok(ports.includes(probe.port as string), `probe port ${probe.port} is a container port`);
    }
    const resources = asMap(container.resources, 'resources');
    const limits = asMap(resources.limits, 'limits');
    assert.ok(limits.cpu && limits.memory, 'cpu and memory limits');
    assert.ok(asMap(resources.requests, 'requests').memory, 'memory request');
    // Drain: preStop + in-flight requests + the reminder post in flight (Slack client timeout 30 s).
    const preStop = asList(
      asMap(asMap(asMap(container.lifecycle, 'lifecycle').preStop, 'preStop').exec, 'exec').command,
      'command',
    );
    const grace = pod.terminationGracePeriodSeconds as number;
    assert.ok(
      grace >= Number(preStop.at(-1)) + 30 + 10,
      `grace ${grace} s covers preStop, the post in flight and closing`,
    );
    const security = asMap(pod.securityContext, 'pod securityContext');
    assert.equal(security.runAsNonRoot, true);
    assert.notEqual(security.runAsUser, 0);
    assert.equal(asMap(container.securityContext, 'securityContext').allowPrivilegeEscalation, false);
  });

  test('every variable config.ts reads is named; the secrets come from the Secret, the rest from the ConfigMap', () => {
    const deployment = byKind('Deployment');
    const pod = asMap(asMap(asMap(deployment.spec, 'spec').template, 'template').spec, 'pod');
    const container = asMap(asList(pod.containers, 'containers')[0], 'container');
    const configMap = byKind('ConfigMap');
    const configMapName = asMap(configMap.metadata, 'metadata').name;
    const fromConfigMap = asList(container.envFrom, 'envFrom').map(
      (e) => asMap(asMap(e, 'envFrom').configMapRef, 'ref').name,
    );
    assert.deepEqual(fromConfigMap, [configMapName]);
    const secret = asMap(
      parseYamlDocuments(readFileSync(join(K8S, 'secret.example.yaml'), 'utf8'))[0],
      'secret.example.yaml',
    );
    const secretName = asMap(secret.metadata, 'metadata').name;
    const secretKeys = Object.keys(asMap(secret.stringData, 'stringData'));
    const env = asList(container.env, 'env').map((e) => asMap(e, 'env'));
    const fromSecret = env.map((e) => {
      const ref = asMap(asMap(e.valueFrom, `${e.name}.valueFrom`).secretKeyRef, `${e.name} secretKeyRef`);
      assert.equal(ref.name, secretName, `${e.name} comes from the Secret`);
      assert.ok(secretKeys.includes(String(ref.key)), `the Secret template has ${ref.key}`);
      return String(e.name);
    });
    for (const name of REQUIRED) assert.ok(fromSecret.includes(name), `${name} from the Secret`);
    const named = new Set([...fromSecret, ...Object.keys(asMap(configMap.data, 'data'))]);
    for (const variable of configVariables()) assert.ok(named.has(variable), `${variable} is named in the manifests`);
    for (const value of Object.values(asMap(secret.stringData, 'stringData'))) {
      assert.match(String(value), /^<.*>$/, 'the template holds visible placeholders, never a value');
    }
  });

  test('Service selects the pods and targets named ports', () => {
    const service = asMap(byKind('Service').spec, 'service spec');
    const deployment = asMap(byKind('Deployment').spec, 'spec');
    const labels = asMap(asMap(asMap(deployment.template, 'template').metadata, 'metadata').labels, 'labels');
    for (const [k, v] of Object.entries(asMap(service.selector, 'selector'))) assert.equal(labels[k], v);
    const container = asMap(asList(asMap(asMap(deployment.template, 'template').spec, 'pod').containers, 'c')[0], 'c');
    const ports = asList(container.ports, 'ports').map((p) => asMap(p, 'port').name);
    for (const p of asList(service.ports, 'ports')) assert.ok(ports.includes(asMap(p, 'port').targetPort as string));
  });
});

describe('compose.yaml', () => {
  test('Postgres with a health check, two replicas on it, every variable named, a stop grace period', () => {
    const compose = asMap(parseYamlDocuments(read('compose.yaml'))[0], 'compose');
    const services = asMap(compose.services, 'services');
    const postgres = asMap(services.postgres, 'postgres');
    assert.match(String(postgres.image), /^postgres:\d+/);
    assert.ok(postgres.healthcheck);
    const app = asMap(services.certcheck, 'certcheck');
    assert.equal(asMap(app.deploy, 'deploy').replicas, 2);
    assert.equal(asMap(asMap(app.depends_on, 'depends_on').postgres, 'postgres').condition, 'service_healthy');
    const environment = asMap(app.environment, 'environment');
    assert.match(String(environment.DATABASE_URL), /^postgres:\/\/.+@postgres:5432\//);
    for (const variable of configVariables()) assert.ok(variable in environment, `${variable} is named`);
    assert.ok(Number.parseInt(String(app.stop_grace_period), 10) >= 45);
    const check = asList(asMap(app.healthcheck, 'healthcheck').test, 'test').join(' ');
    assert.match(check, new RegExp(`${PROBE_PATHS.liveness}\\b`));
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  test('multi-stage, production dependencies only, non-root, a health check on /livez', () => {
    const stages = [...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]);
    assert.ok(stages.length >= 2, 'a build stage and a runtime stage');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    assert.match(dockerfile, /npm prune --omit=dev|npm ci --omit=dev/);
    assert.match(runtime, /COPY --from=build \/app\/node_modules/);
    assert.doesNotMatch(runtime, /COPY (src|test|bench)\b/);
    const user = /^USER\s+(\S+)/m.exec(runtime)?.[1];
    assert.ok(user && user !== 'root' && user !== '0', 'runs as an unprivileged user');
    const healthcheck = /^HEALTHCHECK[\s\S]*?CMD (.*)$/m.exec(runtime)?.[1] ?? '';
    assert.match(healthcheck, new RegExp(`${PROBE_PATHS.liveness}\\b`));
    assert.ok(SERVED.has(PROBE_PATHS.liveness));
    // The container runs what `npm start` runs, node flags included.
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start.split(' ');
    assert.equal(start.at(-1), 'dist/main.js');
    const cmd = /^CMD (\[.*\])$/m.exec(runtime.replace(/^HEALTHCHECK[\s\S]*?CMD .*$/m, ''))?.[1] ?? '[]';
    assert.deepEqual(JSON.parse(cmd), start);
    assert.ok(existsSync(join(ROOT, 'src', 'main.ts')), 'dist/main.js is built from src/main.ts');
  });

  test('.dockerignore keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['.env', 'node_modules', 'dist', 'data', '*.db', '.git'])
      assert.ok(ignored.includes(entry), entry);
  });
});

test('the YAML reader refuses what it does not understand instead of misreading it', () => {
  assert.deepEqual(parseYamlDocuments('a: 1\nb:\n  - x: "y"\n    z: [ ]\n'.replace('[ ]', '[]')), [
    { a: 1, b: [{ x: 'y', z: [] }] },
  ]);
  assert.deepEqual(parseYamlDocuments('k: "v # not a comment" # a comment\n---\n- 1\n- two\n'), [
    { k: 'v # not a comment' },
    [1, 'two'],
  ]);
  assert.throws(() => parseYamlDocuments('a: &anchor 1\n'), /outside the YAML subset/);
  assert.throws(() => parseYamlDocuments('a: |\n  text\n'), /outside the YAML subset/);
  assert.throws(() => parseYamlDocuments('a: 1\na: 2\n'), /duplicate key/);
});
