// Writes src/events.d.ts, the per-kind part of the TypeScript types, from the core's catalog
// (`catalog()` of the built package), so the types cannot drift from it.
//
//   npm run build && npm run gen-types
//
// test/types.test.mjs renders it again and fails when the checked-in file differs.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const OUTPUT = fileURLToPath(new URL('../src/events.d.ts', import.meta.url));

const TS_TYPES = {
  string: 'string',
  urn: 'string',
  integer: 'number',
  timestamp: 'number',
  boolean: 'boolean',
  json: 'unknown',
  urn_list: 'string[]',
  string_list: 'string[]',
  object: 'Record<string, unknown>',
  object_list: 'Record<string, unknown>[]',
};

const PLATFORM_NAMES = { datahub: 'DataHub', atlan: 'Atlan', atlas: 'Apache Atlas', openmetadata: 'OpenMetadata' };

/** `A`, `A and B`, `A, B and C`. */
function listed(names) {
  return names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** `tag.added` → `TagAdded`, `custom_metadata.updated` → `CustomMetadataUpdated`. */
export function typeName(kind) {
  return kind
    .split(/[._]/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function comment(lines, indent) {
  const text = lines.filter(Boolean).map((line) => line.replaceAll('*/', '*\\/'));
  if (text.length === 1) return `${indent}/** ${text[0]} */\n`;
  return `${indent}/**\n${text.map((line) => `${indent} * ${line}`).join('\n')}\n${indent} */\n`;
}

/**
 * The details of one kind: the union of its parameters over every catalog entry (every
 * platform). A parameter is required only when every entry of the kind requires it; one a
 * platform lacks is optional and says which platforms carry it.
 */
function detailsOf(kind, entries) {
  const params = new Map();
  for (const entry of entries) {
    for (const param of entry.params) {
      const seen = params.get(param.name);
      if (seen === undefined) {
        params.set(param.name, {
          ...param,
          sources: new Set([entry.source]),
          count: param.required ? 1 : 0,
          entries: 1,
        });
      } else {
        if (seen.type !== param.type) {
          throw new Error(`${kind}: parameter ${param.name} is ${seen.type} in one entry and ${param.type} in another`);
        }
        seen.sources.add(entry.source);
        seen.entries += 1;
        if (param.required) seen.count += 1;
      }
    }
  }
  const kindSources = new Set(entries.map((entry) => entry.source));
  return [...params.values()].map((param) => ({
    name: param.name,
    type: TS_TYPES[param.type] ?? 'unknown',
    required: param.count === entries.length,
    description: param.description,
    only:
      param.sources.size < kindSources.size
        ? listed([...param.sources].map((source) => PLATFORM_NAMES[source] ?? source))
        : null,
  }));
}

/** The text of src/events.d.ts for a catalog (the value of `catalog()`). */
export function render(catalog) {
  const out = [];
  out.push(
    '// Generated from the core catalog by scripts/gen-types.mjs: do not edit.',
    '// `npm run build && npm run gen-types` rewrites it; test/types.test.mjs checks it is current.',
    '',
  );
  const sources = catalog.sources ?? ['datahub', 'atlan'];
  out.push('/** The platform an event came from. */');
  out.push(`export type Source = ${sources.map((source) => JSON.stringify(source)).join(' | ')};`, '');
  const kinds = catalog.kinds.map((info) => info.kind);
  out.push('/** Every normalized kind. */');
  out.push(`export type EventKind =\n${kinds.map((kind) => `  | ${JSON.stringify(kind)}`).join('\n')};`, '');
  const families = [...new Set(catalog.kinds.map((info) => info.family))];
  out.push('/** Every kind family (the part of a kind before the dot). */');
  out.push(`export type EventFamily =\n${families.map((family) => `  | ${JSON.stringify(family)}`).join('\n')};`, '');

  for (const info of catalog.kinds) {
    const entries = catalog.entries.filter((entry) => entry.kind === info.kind);
    const name = `${typeName(info.kind)}Details`;
    const descriptions = [...new Set(entries.map((entry) => entry.description))];
    const platforms = listed(info.sources.map((source) => PLATFORM_NAMES[source] ?? source));
    const head = entries.length
      ? [`\`details\` of \`${info.kind}\` (${platforms}): ${descriptions.join('; ')}.`]
      : [`\`details\` of \`${info.kind}\`: whatever the platform event carried, as the catalog does not know it.`];
    out.push(comment(head, '').trimEnd());
    out.push(`export interface ${name} {`);
    for (const param of detailsOf(info.kind, entries)) {
      const lines = [param.description, param.only ? `Only on ${param.only} events.` : ''];
      out.push(comment(lines, '  ').trimEnd());
      out.push(`  ${param.name}${param.required ? '' : '?'}: ${param.type};`);
    }
    out.push('  /** Parameters the catalog does not list, as the platform sent them. */');
    out.push('  [extra: string]: unknown;');
    out.push('}', '');
  }

  out.push('/** The `details` type of each kind. */');
  out.push('export interface EventDetailsByKind {');
  for (const info of catalog.kinds) out.push(`  ${JSON.stringify(info.kind)}: ${typeName(info.kind)}Details;`);
  out.push('}', '');
  out.push('/** The platforms that emit each kind. */');
  out.push('export interface EventSourcesByKind {');
  for (const info of catalog.kinds) {
    const emitters = info.sources.length ? info.sources : sources;
    out.push(`  ${JSON.stringify(info.kind)}: ${emitters.map((source) => JSON.stringify(source)).join(' | ')};`);
  }
  out.push('}', '');
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { catalog } = await import('../dist/node.js');
  const text = render(catalog());
  const before = (() => {
    try {
      return readFileSync(OUTPUT, 'utf8');
    } catch {
      return null;
    }
  })();
  if (before === text) {
    console.log(`${OUTPUT}: up to date`);
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`${OUTPUT}: written`);
  }
}
