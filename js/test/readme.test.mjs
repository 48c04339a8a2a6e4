// The JavaScript and TypeScript examples of the documentation run as written: every ```js block
// of every page (from the repository root, importing the package by name), and every ```ts block
// passes `tsc --strict`. The ```html block of js/README.md runs in the browser test.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const JS = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(JS, '..');

/** Every Markdown page a user reads, relative to the repository root. */
function pages() {
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', 'CONTRIBUTING.md', 'js/README.md', 'python/README.md', ...docs].filter((page) =>
    existsSync(join(ROOT, page)),
  );
}

function blocks(page, language) {
  const text = readFileSync(join(ROOT, page), 'utf8');
  return [...text.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => match[1]);
}

// Inside js/ so that `import 'metaevents'` resolves to this package (self-reference).
const WORK = join(JS, 'dist', 'readme');

const examples = pages().flatMap((page) => blocks(page, 'js').map((code, index) => ({ page, index, code })));

test('the README and js/README.md have JavaScript examples', () => {
  const pagesWithExamples = new Set(examples.map(({ page }) => page));
  assert.ok(pagesWithExamples.has('README.md'));
  assert.ok(examples.filter(({ page }) => page === 'js/README.md').length >= 4);
});

for (const { page, index, code } of examples) {
  test(`${page} example ${index + 1} runs`, () => {
    mkdirSync(WORK, { recursive: true });
    const file = join(WORK, `${page.replaceAll('/', '_')}-${index + 1}.mjs`);
    writeFileSync(file, code);
    try {
      const env = { ...process.env };
      delete env.SIGNING_SECRET;
      const output = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', env });
      assert.ok(output.length > 0, 'prints something');
      assert.ok(!output.includes('undefined'), `prints no undefined value:\n${output}`);
    } catch (error) {
      assert.fail(`${page} example ${index + 1} failed:\n${error.stdout ?? ''}${error.stderr ?? error}`);
    } finally {
      rmSync(file, { force: true });
    }
  });
}

test('the TypeScript examples pass tsc --strict', () => {
  const typed = pages().flatMap((page) => blocks(page, 'ts').map((code, index) => ({ page, index, code })));
  assert.ok(typed.length > 0);
  const dir = join(WORK, 'types');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = typed.map(({ page, index, code }) => {
    const name = `${page.replaceAll('/', '_').replace('.md', '')}-${index + 1}.ts`;
    writeFileSync(join(dir, name), code);
    return name;
  });
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../test/types/tsconfig.json', files }));
  const tsc = join(JS, 'node_modules', '.bin', 'tsc');
  try {
    execFileSync(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: JS, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
