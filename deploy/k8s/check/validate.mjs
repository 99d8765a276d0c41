// Checks deploy/k8s without a cluster: every document against the Kubernetes API schema of its kind
// (kubernetes-models, generated from the Kubernetes OpenAPI), unknown fields refused; then what a schema cannot see:
// the kustomization lists files that exist, every ConfigMap/Secret a workload reads is defined (or is the Secret of
// secret.example.yaml), selectors match their pod labels, probes call the API's health endpoints, and the
// migration Job runs the API's migrate command. Exit 1 with the findings.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..');
// Each kind: its model (schema validation) and its module and TypeScript type (unknown fields, below).
const kinds = {
  'v1/Namespace': [Namespace, 'v1', 'INamespace'], 'v1/ConfigMap': [ConfigMap, 'v1', 'IConfigMap'], 'v1/Secret': [Secret, 'v1', 'ISecret'],
  'v1/Service': [Service, 'v1', 'IService'], 'apps/v1/Deployment': [Deployment, 'apps/v1', 'IDeployment'],
  'apps/v1/StatefulSet': [StatefulSet, 'apps/v1', 'IStatefulSet'], 'batch/v1/Job': [Job, 'batch/v1', 'IJob'],
  'networking.k8s.io/v1/Ingress': [Ingress, 'networking.k8s.io/v1', 'IIngress'],
  'policy/v1/PodDisruptionBudget': [PodDisruptionBudget, 'policy/v1', 'IPodDisruptionBudget'],
};
const problems = [];
const docs = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  for (const parsed of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
    if (parsed.errors.length) { problems.push(`${file}: ${parsed.errors[0].message}`); continue; }
    const doc = parsed.toJS();
    if (doc) docs.push({ file, doc });
  }
}

for (const { file, doc } of docs) {
  const where = `${file}: ${doc.kind}/${doc.metadata?.name}`;
  if (doc.kind === 'Kustomization') {
    for (const r of doc.resources ?? []) if (!readdirSync(dir).includes(r)) problems.push(`${where}: resource ${r} does not exist`);
    continue;
  }
  const [Model] = kinds[`${doc.apiVersion}/${doc.kind}`] ?? [];
  if (!Model) { problems.push(`${where}: no schema for ${doc.apiVersion} ${doc.kind}`); continue; }
  try {
    new Model(doc).validate();
  } catch (e) {
    problems.push(`${where}: ${e.message.split('\n').slice(0, 4).join(' ')}`);
  }
}

// Unknown fields: the schemas allow extra properties, so a misspelt field (readinesProbe) would pass them. The models'
// TypeScript types do not: each document becomes an object literal of its kind's type, and tsc's excess-property
// check names every field the kind does not have.
const typed = docs.filter(({ doc }) => kinds[`${doc.apiVersion}/${doc.kind}`]);
const source = typed.map(({ file, doc }, i) => {
  const [, module, type] = kinds[`${doc.apiVersion}/${doc.kind}`];
  return `// ${file}: ${doc.kind}/${doc.metadata?.name}\nimport type { ${type} as T${i} } from 'kubernetes-models/${module}';\nexport const d${i}: T${i} = ${JSON.stringify(doc, null, 1)};`;
}).join('\n');
const work = mkdtempSync(join(dir, 'check', '.work-')); // beside node_modules, where tsc finds the types
writeFileSync(join(work, 'manifests.ts'), source);
const tsc = spawnSync(process.execPath, [join(dir, 'check/node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--typeRoots', join(dir, 'check/node_modules/@types'), join(work, 'manifests.ts')], { encoding: 'utf8', env: { ...process.env, NODE_PATH: join(dir, 'check/node_modules') } });
if (tsc.status !== 0) {
  const lines = source.split('\n');
  for (const line of (tsc.stdout + tsc.stderr).split('\n').filter((l) => l.includes('error TS'))) {
    const at = Number(/manifests\.ts\((\d+),/.exec(line)?.[1] ?? 0);
    const header = lines.slice(0, at).reverse().find((l) => l.startsWith('// ')) ?? '';
    problems.push(`${header.slice(3)}: ${line.replace(/^.*error TS\d+: /, '')}`);
  }
}
rmSync(work, { recursive: true, force: true });

// References between the manifests.
const defined = new Set(docs.filter(({ doc }) => ['ConfigMap', 'Secret'].includes(doc.kind)).map(({ doc }) => `${doc.kind}/${doc.metadata.name}`));
for (const { file, doc } of docs) {
  const pod = doc.spec?.template;
  if (!pod) continue;
  const where = `${file}: ${doc.kind}/${doc.metadata.name}`;
  const selector = doc.spec.selector?.matchLabels ?? {};
  for (const [k, v] of Object.entries(selector)) if (pod.metadata?.labels?.[k] !== v) problems.push(`${where}: selector ${k}=${v} does not match the pod's labels`);
  for (const c of pod.spec.containers) {
    for (const from of c.envFrom ?? []) {
      if (from.configMapRef && !defined.has(`ConfigMap/${from.configMapRef.name}`)) problems.push(`${where}: ConfigMap ${from.configMapRef.name} is not defined`);
      if (from.secretRef && !defined.has(`Secret/${from.secretRef.name}`)) problems.push(`${where}: Secret ${from.secretRef.name} is not defined (secret.example.yaml)`);
    }
    if (c.image === 'keyaccount') {
      for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe].filter(Boolean)) {
        if (!['/health/ready', '/health/live'].includes(probe.httpGet?.path)) problems.push(`${where}: a probe calls ${probe.httpGet?.path}, not /health/ready or /health/live`);
      }
      const ports = (c.ports ?? []).map((p) => p.containerPort);
      if (doc.kind === 'Deployment' && !ports.includes(8080)) problems.push(`${where}: the API listens on 8080 (ASPNETCORE_URLS in the ConfigMap)`);
      if (doc.kind === 'Job' && JSON.stringify(c.args) !== '["migrate"]') problems.push(`${where}: the migration Job runs the API with the argument migrate`);
    }
  }
}
for (const { file, doc } of docs.filter(({ doc }) => doc.kind === 'Service')) {
  const pods = docs.filter(({ doc: d }) => d.spec?.template && Object.entries(doc.spec.selector).every(([k, v]) => d.spec.template.metadata.labels?.[k] === v));
  if (pods.length === 0) problems.push(`${file}: Service/${doc.metadata.name} selects no workload`);
}
for (const { file, doc } of docs.filter(({ doc }) => doc.kind === 'Ingress')) {
  for (const rule of doc.spec.rules) for (const p of rule.http.paths) {
    if (!docs.some(({ doc: d }) => d.kind === 'Service' && d.metadata.name === p.backend.service.name)) problems.push(`${file}: the Ingress sends to Service ${p.backend.service.name}, which is not defined`);
  }
}

const found = docs.map(({ doc }) => doc.kind);
console.log(`deploy/k8s: ${docs.length} documents (${[...new Set(found)].join(', ')}), ${problems.length} problems`);
for (const p of problems) console.log('  ' + p);
process.exit(problems.length ? 1 : 0);
