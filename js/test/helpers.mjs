// Shared by the tests.

import { DecodeError, FilterError, InvalidEventError, LimitError, MetaeventsError, ParseError } from 'metaevents';

/** The error class each core error kind must come as (the same grouping as Python). */
export const ERROR_GROUPS = {
  syntax: ParseError,
  encoding: ParseError,
  duplicate_key: ParseError,
  number_out_of_range: ParseError,
  empty: ParseError,
  not_single: ParseError,
  io: ParseError,
  unrecognized: InvalidEventError,
  invalid_field: InvalidEventError,
  decode: DecodeError,
  incomplete_split: DecodeError,
  too_deep: LimitError,
  too_large: LimitError,
  too_many: LimitError,
  filter: FilterError,
  invalid_option: MetaeventsError,
};

export function errorClassFor(kind) {
  return ERROR_GROUPS[kind] ?? MetaeventsError;
}
