// The error codes the API can send, as the OpenAPI document lists them (generated into src/api/schema.d.ts from the
// server's code): a catalogue typed over these does not compile without a message for each.
import type { components } from '../api/schema';

/** Every code a problem's `code` can hold: a kind of problem or a business rule. */
export type ProblemCode = components['schemas']['Problem']['code'];

/**
 * Codes only field errors carry. A field error may also carry a problem's or a rule's code, and then reads like that
 * problem.
 */
export type FieldErrorCode = Exclude<components['schemas']['FieldError']['code'], ProblemCode>;
