// The shape of one language's error messages. The codes come from the OpenAPI document (src/shared/problemCodes.ts):
// a code without a message in a language does not compile.
import type { FieldErrorCode, ProblemCode } from '../../shared/problemCodes';

/**
 * A message, with `{name}` standing for the argument `name` of the problem or field error. Several variants: the first
 * whose arguments are all present is used (so the last one should need none, when an argument may be missing).
 */
export type Message = string | readonly [string, ...string[]];

export interface ErrorCatalogue {
  /** The main message of a problem, by its `code` (a kind of problem or a business rule). */
  problems: Record<ProblemCode, Message>;
  /** The message of a field error, by its `code`; a field error with a problem's code reads like the problem. */
  fields: Record<FieldErrorCode, Message>;
  /** Request fields as people call them: in messages that name a field, and before errors no form field shows. */
  fieldNames: Record<string, string>;
  /** What can hold a record that cannot be deleted (`heldBy` of resource-in-use). */
  heldBy: Record<string, string>;
  /** The kinds of record a 404 names (`entity` of not-found). */
  entities: Record<string, string>;
  /** JSON types (`expected` of wrong-type). */
  jsonTypes: Record<string, string>;
  /** Formats (`format` of invalid-format). */
  formats: Record<string, string>;
  /** A wait (the Retry-After of a 429), in seconds or minutes. */
  seconds: string;
  minutes: string;
  /** A field error shown away from its field ({field}, {message}). */
  labelled: string;
  /** A failure with no answer from the server. */
  network: string;
  /** The trace id line, to quote when reporting a problem. */
  trace: string;
}
