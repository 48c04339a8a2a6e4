// The JavaScript examples of the README run as written (from the repository root, importing
// the package by name).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const JS = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(JS, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const section = README.slice(README.indexOf('<!-- js:start -->'), README.indexOf('<!-- js:end -->'));
const blocks = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]);

test('the README has JavaScript examples', () => assert.ok(blocks.length >= 2));

blocks.forEach((code, index) => {
  test(`README example ${index + 1} runs`, () => {
    // Inside js/ so that `import 'metaevents'` resolves to this package (self-reference).
    const dir = join(JS, 'dist', 'readme');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `example-${index + 1}.mjs`);
    writeFileSync(file, code);
    try {
      const output = execFileSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
      assert.ok(output.length > 0, 'prints something');
    } catch (error) {
      assert.fail(`example ${index + 1} failed:\n${error.stdout ?? ''}${error.stderr ?? error}`);
    } finally {
      rmSync(file, { force: true });
    }
  });
});
