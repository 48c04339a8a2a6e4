// Packaging: `npm pack` the package, install the tarball into a fresh project, and use it from
// there as a user would: Node ESM, CommonJS, the web build in Node (initSync), the bundler build
// (Node's experimental ES module integration of WebAssembly stands in for a bundler), and
// TypeScript resolving its types.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const JS = fileURLToPath(new URL('..', import.meta.url));
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const EVENT = JSON.stringify({
  entityUrn: 'urn:li:dataset:(urn:li:dataPlatform:snowflake,analytics.public.customers,PROD)',
  entityType: 'dataset',
  category: 'TAG',
  operation: 'ADD',
  modifier: 'urn:li:tag:PII',
  parameters: { tagUrn: 'urn:li:tag:PII' },
  auditStamp: { time: 1767600000000, actor: 'urn:li:corpuser:jdoe' },
});

let work;
let packed;

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, {
      cwd,
      encoding: 'utf8',
      stdio: 'pipe',
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
  } catch (error) {
    throw new Error(`${command} ${args.join(' ')} failed:\n${error.stdout}${error.stderr}`);
  }
}

before(() => {
  work = mkdtempSync(join(tmpdir(), 'metaevents-package-'));
  [packed] = JSON.parse(run(NPM, ['pack', '--json', '--pack-destination', work], JS));
  const project = join(work, 'project');
  run('mkdir', ['-p', project], work);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }),
  );
  run(NPM, ['install', '--no-audit', '--no-fund', '--ignore-scripts', join(work, packed.filename)], project);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const project = () => join(work, 'project');

const CHECK = `
  const event = parse(${JSON.stringify(EVENT)});
  const filter = new Filter({ kind: 'tag.added', 'entity.platform': 'snowflake' });
  let error = null;
  try { parse('{'); } catch (caught) { error = caught; }
  console.log(JSON.stringify({
    kind: event.kind,
    matches: filter.matches(event),
    lines: filter.filterNdjson(${JSON.stringify(`${EVENT}\n{}\n${EVENT}\n`)}),
    error: [error instanceof Error, error instanceof ParseError, error.kind, error.line],
    kinds: catalog().kinds.length > 30,
  }));
`;
const EXPECTED = { kind: 'tag.added', matches: true, lines: [0, 2], error: [true, true, 'syntax', 1], kinds: true };

function runScript(name, text, nodeArgs = []) {
  writeFileSync(join(project(), name), text);
  return JSON.parse(
    run(process.execPath, [...nodeArgs, name], project())
      .trim()
      .split('\n')
      .at(-1),
  );
}

test('the tarball holds the built package and nothing else', (t) => {
  const files = packed.files.map((file) => file.path).sort();
  for (const wanted of [
    'package.json',
    'dist/node.js',
    'dist/node.cjs',
    'dist/web.js',
    'dist/bundler.js',
    'dist/index.d.ts',
    'dist/index.d.cts',
    'dist/web.d.ts',
    'dist/wasm/metaevents_wasm_bg.wasm',
  ]) {
    assert.ok(files.includes(wanted), `${wanted} missing from ${files.join(', ')}`);
  }
  assert.ok(files.includes('LICENSE'), `LICENSE missing from ${files.join(', ')}`);
  assert.ok(
    files.every((file) => ['package.json', 'README.md', 'LICENSE'].includes(file) || file.startsWith('dist/')),
    files.join(', '),
  );
  assert.equal(files.filter((file) => file.endsWith('.wasm')).length, 1, 'the three builds share one .wasm');
  const size = statSync(join(work, packed.filename)).size;
  t.diagnostic(
    `tarball ${packed.filename}: ${(size / 1024).toFixed(1)} KiB, unpacked ${(packed.unpackedSize / 1024).toFixed(1)} KiB`,
  );
  const wasm = readFileSync(join(JS, 'dist', 'wasm', 'metaevents_wasm_bg.wasm'));
  t.diagnostic(
    `.wasm ${(wasm.length / 1024).toFixed(1)} KiB, ${(gzipSync(wasm, { level: 9 }).length / 1024).toFixed(1)} KiB gzipped`,
  );
});

test('ES module import from Node', () => {
  assert.deepEqual(
    runScript('esm.mjs', `import { Filter, ParseError, catalog, parse } from 'metaevents';\n${CHECK}`),
    EXPECTED,
  );
});

test('CommonJS require from Node', () => {
  assert.deepEqual(
    runScript('cjs.cjs', `const { Filter, ParseError, catalog, parse } = require('metaevents');\n${CHECK}`),
    EXPECTED,
  );
});

test('the web build, loaded with initSync in Node', () => {
  const script = `
    import { readFileSync } from 'node:fs';
    import initWeb, { initSync, Filter, ParseError, catalog, parse } from 'metaevents/web';
    let early = null;
    try { parse('{}'); } catch (caught) { early = caught.message; }
    if (!/init/.test(early)) throw new Error('no hint to call init: ' + early);
    initSync(readFileSync(new URL('./wasm/metaevents_wasm_bg.wasm', import.meta.resolve('metaevents/web'))));
    await initWeb();
    ${CHECK}
  `;
  assert.deepEqual(runScript('web.mjs', script), EXPECTED);
});

test('the bundler build (ES module integration of WebAssembly)', () => {
  const script = `
    const { Filter, ParseError, catalog, parse } = await import(new URL('./bundler.js', import.meta.resolve('metaevents/web')));
    ${CHECK}
  `;
  assert.deepEqual(runScript('bundler.mjs', script, ['--experimental-wasm-modules', '--no-warnings']), EXPECTED);
});

test('TypeScript finds the types of the installed package', () => {
  writeFileSync(
    join(project(), 'main.ts'),
    `import { parse, Filter, type Event } from 'metaevents';\nconst parsed = parse('{}');\nconst event: Event | null = parsed.kind === 'webhook.validation' ? null : parsed;\nconst ok: boolean = event !== null && new Filter({ kind: 'tag.*' }).matches(event);\nconsole.log(ok);\n`,
  );
  writeFileSync(
    join(project(), 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'es2022',
        types: [],
      },
      files: ['main.ts'],
    }),
  );
  run(join(JS, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], project());
});
