// Shared by the tests.

import { readFileSync } from 'node:fs';

import { DecodeError, FilterError, InvalidEventError, LimitError, MetaeventsError, ParseError } from 'metaevents';

const CLASSES = { DecodeError, FilterError, InvalidEventError, LimitError, MetaeventsError, ParseError };

/** The core's table of error kinds (tests/vectors/error-kinds.json): kind, category, class. */
export const ERROR_KINDS = JSON.parse(
  readFileSync(new URL('../../tests/vectors/error-kinds.json', import.meta.url), 'utf8'),
).kinds;

const CLASS_NAMES = Object.fromEntries(ERROR_KINDS.map((row) => [row.kind, row.class]));

/** The error class each core error kind must come as. */
export function errorClassFor(kind) {
  const name = CLASS_NAMES[kind];
  if (name === undefined) throw new Error(`${kind} is not in tests/vectors/error-kinds.json`);
  return CLASSES[name];
}
