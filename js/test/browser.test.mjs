// A real browser: headless Chromium (Debian's, never a download) loads a page served on
// 127.0.0.1 that imports the web build (`metaevents/web`, ES module + .wasm), normalizes the
// event vectors and runs the filter cases, and writes the results into the page; the test reads
// them back and compares them with the expected records (the Rust core's output).

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const JS = fileURLToPath(new URL('..', import.meta.url));
const VECTORS = join(JS, '..', 'tests', 'vectors');
const CHROMIUM = process.env.METAEVENTS_CHROMIUM ?? '/usr/bin/chromium';
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** The events vectors (parse, stream and http modes, their options) and every filter group. */
function plan() {
  const eventsDir = join(VECTORS, 'events');
  const files = readdirSync(eventsDir);
  const events = files
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.expected.json'.length);
      const expected = JSON.parse(readFileSync(join(eventsDir, file), 'utf8'));
      const input = files.find((other) => other.startsWith(`${name}.input.`));
      return {
        name,
        input,
        inputBase64: expected.inputBase64,
        headers: expected.headers,
        mode: expected.mode ?? 'parse',
        options: expected.options,
        expected: expected.records,
      };
    })
    .filter((vector) => vector.input !== undefined || vector.inputBase64 !== undefined);
  const filtersDir = join(VECTORS, 'filters');
  const filters = readdirSync(filtersDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((group) => {
      const spec = JSON.parse(readFileSync(join(filtersDir, group), 'utf8'));
      return { group, corpus: spec.corpus ?? 'corpus.ndjson', cases: spec.cases };
    });
  return { events, filters };
}

function serve(routes) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const route = Object.entries(routes).find(
      ([prefix]) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
    );
    let file = null;
    if (route) {
      const [prefix, target] = route;
      if (typeof target === 'function') {
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/json' }).end(target());
        return;
      }
      const candidate = resolve(target, `.${path.slice(prefix.length).replace(/^\/?/, '/')}`);
      if (
        (candidate === target || candidate.startsWith(target + sep)) &&
        existsSync(candidate) &&
        statSync(candidate).isFile()
      )
        file = candidate;
    }
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (file === null) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    response.end(readFileSync(file));
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

/** The ```html block of js/README.md. */
function readmeBrowserExample() {
  const readme = readFileSync(join(JS, 'README.md'), 'utf8');
  const block = readme.match(/^```html\n([\s\S]*?)^```$/m);
  assert.ok(block, 'js/README.md has a browser example');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"></head><body>\n${block[1]}</body></html>\n`;
}

let server;
let browser;
let work;

before(async () => {
  work = plan();
  const page = resolve(JS, 'test', 'browser', 'index.html');
  const body = JSON.stringify({ events: work.events.map(({ expected, ...rest }) => rest), filters: work.filters });
  server = await serve({
    '/plan.json': () => body,
    '/dist': resolve(JS, 'dist'),
    '/vectors': resolve(VECTORS),
    '/index.html': page,
    // The browser example of js/README.md, as written: it imports the package from node_modules.
    '/readme.html': readmeBrowserExample,
    '/node_modules/metaevents/dist': resolve(JS, 'dist'),
    '/event.json': () => readFileSync(join(VECTORS, 'events', 'datahub-tag-added-dataset.input.json'), 'utf8'),
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test('the web build in headless Chromium gives the vectors their expected records and matches', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/index.html`);
  await page.waitForSelector('#out[data-done="1"]', { state: 'attached', timeout: 60_000 });
  const text = await page.textContent('#out');
  await page.close();
  assert.deepEqual(problems, []);
  assert.ok(!text.startsWith('FAILED'), text);
  const result = JSON.parse(text);

  assert.match(result.checks.userAgent, /HeadlessChrome|Chrome/);
  assert.equal(result.checks.plainObjects, true);
  assert.deepEqual(result.checks.validation, { kind: 'webhook.validation', source: 'atlan', message: 'Hello' });

  assert.ok(work.events.length > 0);
  for (const vector of work.events) {
    const actual = result.events[vector.name];
    assert.ok(actual, `${vector.name}: no result`);
    assert.equal(actual.length, vector.expected.length, `${vector.name}: number of records`);
    vector.expected.forEach((wanted, index) => {
      const got = actual[index];
      const where = `${vector.name} record ${index}`;
      if (wanted.error) {
        assert.ok(got.error, `${where}: expected an error, got ${JSON.stringify(got)}`);
        assert.equal(got.error.isError, true, `${where}: errors are Error objects`);
        for (const key of ['kind', 'line', 'path']) {
          if (key in wanted.error) assert.equal(got.error[key], wanted.error[key], `${where}: error ${key}`);
        }
        if ('messageContains' in wanted.error)
          assert.ok(got.error.message.includes(wanted.error.messageContains), where);
      } else {
        assert.deepEqual(got, wanted, where);
      }
    });
  }

  let cases = 0;
  for (const { group, cases: groupCases } of work.filters) {
    groupCases.forEach((testCase, index) => {
      cases += 1;
      const actual = result.filters[group][index];
      const where = `${group}: ${testCase.name}`;
      if (testCase.error) {
        assert.equal(actual.error?.kind, testCase.error.kind, where);
        if ('path' in testCase.error) assert.equal(actual.error.path, testCase.error.path, where);
      } else {
        assert.deepEqual(actual.byEvent, testCase.matches, `${where}: matches()`);
        assert.deepEqual(actual.byBytes, testCase.matches, `${where}: filterNdjson()`);
      }
    });
  }
  assert.ok(cases > 0);
});

test('the browser example of js/README.md runs in headless Chromium', async () => {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  const logged = page.waitForEvent('console', { predicate: (message) => message.type() === 'log', timeout: 60_000 });
  const { port } = server.address();
  await page.goto(`http://127.0.0.1:${port}/readme.html`);
  const message = await logged;
  await page.close();
  assert.deepEqual(problems, []);
  assert.equal(message.text(), 'tag.added');
});
