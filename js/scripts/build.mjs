// Builds the npm package into js/dist:
//   1. cargo build of bindings/wasm for wasm32-unknown-unknown (profile wasm-release: size first);
//   2. wasm-bindgen (the CLI version must equal the wasm-bindgen crate in Cargo.lock) for the
//      nodejs, web and bundler targets;
//   3. wasm-opt -Oz from the binaryen npm package (Debian's is too old and breaks the module),
//      once, copied to the three targets (their .wasm files are identical);
//   4. the JS wrapper (src/*.js, plus CommonJS twins of api.js and binding.js), the types and
//      the LICENSE of the repository (copied into js/, the package root).
//
//   node scripts/build.mjs            (npm run build)
//   SKIP_CARGO=1 node scripts/build.mjs   reuses the last cargo output

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const JS = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(JS, '..');
const SRC = join(JS, 'src');
const DIST = join(JS, 'dist');
const CRATE = 'metaevents-wasm';
const NAME = 'metaevents_wasm';
const TARGETS = { node: 'nodejs', web: 'web', bundler: 'bundler' };

function run(command, args, options = {}) {
  console.error(`$ ${command} ${args.join(' ')}`);
  execFileSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
}

function lockedVersion(name) {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const match = lock.match(new RegExp(`\\[\\[package\\]\\]\\nname = "${name}"\\nversion = "([^"]+)"`));
  if (!match) throw new Error(`${name} is not in Cargo.lock`);
  return match[1];
}

function checkWasmBindgen() {
  const wanted = lockedVersion('wasm-bindgen');
  let found = '';
  try {
    found = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // reported below
  }
  if (found !== `wasm-bindgen ${wanted}`) {
    throw new Error(
      `wasm-bindgen ${wanted} is needed (the version of the crate in Cargo.lock), found ${JSON.stringify(found) || 'none'}: ` +
        `cargo install wasm-bindgen-cli --version ${wanted} (scripts/test-js installs it)`,
    );
  }
}

/** The CommonJS twin of one of our ES modules: `import {x} from './y.js'` and `export` lines only. */
function toCommonJs(source, file) {
  const names = [];
  let text = source.replace(
    /^import \{ ([\w, ]+) \} from '\.\/([\w]+)\.js';$/gm,
    "const { $1 } = require('./$2.cjs');",
  );
  text = text.replace(/^export (class|function|const|let) (\w+)/gm, (_, keyword, name) => {
    names.push(name);
    return `${keyword} ${name}`;
  });
  if (/^\s*(import|export)\b/m.test(text)) throw new Error(`${file}: cannot make CommonJS of it (import/export left)`);
  return `'use strict';\n\n${text}\nmodule.exports = { ${names.join(', ')} };\n`;
}

function size(file) {
  const bytes = readFileSync(file);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;

// 1. cargo
if (!process.env.SKIP_CARGO) {
  run('cargo', ['build', '--locked', '--profile', 'wasm-release', '--target', 'wasm32-unknown-unknown', '-p', CRATE]);
}
const cargoOut = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm-release', `${NAME}.wasm`);

// 2. wasm-bindgen, into one directory: the three targets produce the same .wasm (its imports
// are named after the out-name, which they share), so the package ships it once; only the glue
// files differ and get distinct names: metaevents_wasm.js + _bg.js (bundler, which imports the
// .wasm by that name), metaevents_wasm_web.js (finds the .wasm beside it by URL) and
// metaevents_wasm_node.cjs (reads it from its own directory).
checkWasmBindgen();
rmSync(DIST, { recursive: true, force: true });
const WASM_DIR = join(DIST, 'wasm');
const scratch = join(DIST, 'scratch');
for (const [dir, target] of Object.entries(TARGETS)) {
  run('wasm-bindgen', [
    cargoOut,
    '--target',
    target,
    '--out-dir',
    join(scratch, dir),
    '--out-name',
    NAME,
    '--no-typescript',
  ]);
}
const bindgenOut = join(scratch, 'node', `${NAME}_bg.wasm`);
for (const dir of ['web', 'bundler']) {
  if (!readFileSync(join(scratch, dir, `${NAME}_bg.wasm`)).equals(readFileSync(bindgenOut))) {
    throw new Error(`wasm-bindgen gave the ${dir} target another .wasm than nodejs: the targets cannot share it`);
  }
}
mkdirSync(WASM_DIR, { recursive: true });
copyFileSync(join(scratch, 'bundler', `${NAME}.js`), join(WASM_DIR, `${NAME}.js`));
copyFileSync(join(scratch, 'bundler', `${NAME}_bg.js`), join(WASM_DIR, `${NAME}_bg.js`));
copyFileSync(join(scratch, 'web', `${NAME}.js`), join(WASM_DIR, `${NAME}_web.js`));
copyFileSync(join(scratch, 'node', `${NAME}.js`), join(WASM_DIR, `${NAME}_node.cjs`));

// 3. wasm-opt, once
const wasmOpt = join(JS, 'node_modules', '.bin', 'wasm-opt');
const optimised = join(WASM_DIR, `${NAME}_bg.wasm`);
run(wasmOpt, ['-Oz', '--strip-debug', '--strip-producers', bindgenOut, '-o', optimised]);
const before = size(cargoOut);
const between = size(bindgenOut);
const after = size(optimised);
rmSync(scratch, { recursive: true });

// 4. the wrapper and its types
for (const file of [
  'api.js',
  'binding.js',
  'node.js',
  'node.cjs',
  'web.js',
  'bundler.js',
  'index.d.ts',
  'events.d.ts',
  'web.d.ts',
]) {
  copyFileSync(join(SRC, file), join(DIST, file));
}
for (const file of ['api', 'binding']) {
  writeFileSync(join(DIST, `${file}.cjs`), toCommonJs(readFileSync(join(SRC, `${file}.js`), 'utf8'), `${file}.js`));
}
// The licence text, where npm expects it (the package root; npm always packs a LICENSE there).
copyFileSync(join(ROOT, 'LICENSE'), join(JS, 'LICENSE'));
writeFileSync(
  join(DIST, 'index.d.cts'),
  readFileSync(join(SRC, 'index.d.ts'), 'utf8').replaceAll("'./events.js'", "'./events.cjs'"),
);
copyFileSync(join(SRC, 'events.d.ts'), join(DIST, 'events.d.cts'));

const sizes = { cargo: before, wasmBindgen: between, wasmOpt: after };
// Outside dist/ so it stays out of the package; read by the tests' size report.
writeFileSync(join(ROOT, 'target', 'metaevents-wasm-sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
console.error(
  `built ${relative(ROOT, DIST)}: .wasm ${kib(after.raw)} (${kib(after.gzip)} gzipped); ` +
    `cargo ${kib(before.raw)}, after wasm-bindgen ${kib(between.raw)}`,
);
