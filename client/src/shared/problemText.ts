// The one way the UI says what went wrong: a problem's message by its code, a field error's by its code, with their
// arguments interpolated in the user's language (lists as lists, statuses and tiers by their names in that language).
// The server's English text is used only for a code this client does not know.
import { useMemo } from 'react';
import { useI18n, type Locale } from '../i18n/I18nProvider';
import { isMessageKey, type Messages } from '../i18n/messages';
import { errorCatalogues } from '../i18n/errors';
import type { ErrorCatalogue, Message } from '../i18n/errors/catalogue';
import { ApiProblem, type FieldError, type FieldErrorText, type ProblemArgs } from './problem';

export interface ProblemText extends FieldErrorText {
  /** The main message of an error: a problem's by its code; a failure without an answer says the server was unreachable. */
  message(error: unknown): string;
  /** The message of a code with its arguments, or undefined for a code without a message. */
  code(code: string, args?: ProblemArgs): string | undefined;
  /** A request field's name for people. */
  fieldName(path: string): string;
  trace(id: string): string;
}

/** Arguments that hold a value of one of the API's enums, and the prefix of the message keys of that enum's names. */
const ENUM_ARGS: Record<string, string | readonly string[]> = {
  // A workflow's statuses and steps: a complaint's, else a development plan's, else a survey campaign's or template's
  // (the first prefix with a message wins).
  from: ['complaint.status.', 'plan.status.', 'surveys.campaign.status.', 'surveys.template.status.'],
  to: ['complaint.status.', 'plan.status.', 'surveys.campaign.status.', 'surveys.template.status.'],
  allowedFrom: ['complaint.status.', 'plan.status.', 'surveys.campaign.status.', 'surveys.template.status.'],
  action: 'complaint.action.',
  tier: 'tier.',
  severity: 'complaint.severity.',
};

/** The enum of a field (for the `allowed` values of invalid-value), by the field's last name. */
const ENUM_FIELDS: Record<string, string> = {
  status: 'status.',
  tier: 'tier.',
  channel: 'complaint.channel.',
  category: 'complaint.category.',
  severity: 'complaint.severity.',
  department: 'complaint.department.',
  rootCause: 'complaint.rootCause.',
  type: 'interactionType.',
  buyingRole: 'buyingRole.',
  attitude: 'attitude.',
  relationshipLevel: 'relationship.',
  targetRelationshipLevel: 'relationship.',
  role: 'teamRole.',
};

const has = <T extends object>(o: T, key: string): key is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(o, key);
/** A name from one of the catalogue's dictionaries (own entries only: never "constructor" of Object). */
const lookup = (names: Record<string, string>, key: string) => (has(names, key) ? names[key] : undefined);

/** Errors about the request itself (its body, a header): said without a field name. */
const REQUEST_LEVEL = new Set(['body', 'If-Match', 'Idempotency-Key']);

/** "rows[3].month" → "month"; "potentialAnnualRevenue.amount" → "amount". */
const leaf = (path: string) => path.replace(/\[\d+\]/g, '').split('.').pop() ?? path;

/** "await-customer" → "AwaitCustomer" (the server names one action in kebab-case, the others in PascalCase). */
const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The kind of problem of an answer without a code (from a proxy, say), by its status. */
function byStatus(status: number) {
  if (status === 502 || status === 503 || status === 504) return 'service-unavailable';
  if (status >= 500) return 'server-error';
  const kinds: Record<number, string> = { 401: 'authentication-required', 403: 'forbidden', 404: 'not-found', 412: 'stale-version', 413: 'payload-too-large', 429: 'rate-limited' };
  return kinds[status] ?? 'bad-request';
}

export function createProblemText(locale: Locale, catalogue: ErrorCatalogue, messages: Messages): ProblemText {
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const alternatives = new Intl.ListFormat(locale, { type: 'disjunction' });
  const dates = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const months = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });

  const fieldName = (path: string): string => lookup(catalogue.fieldNames, path) ?? lookup(catalogue.fieldNames, leaf(path)) ?? path;

  /** An enum value by its name in this language; a value this client does not know (a newer server's) as it is. */
  const enumName = (prefixes: string | readonly string[], value: string) => {
    for (const prefix of typeof prefixes === 'string' ? [prefixes] : prefixes) {
      const key = `${prefix}${value}`;
      if (isMessageKey(messages, key)) return messages[key];
    }
    return value;
  };

  /** One argument as people read it in this language; undefined when there is nothing to say. */
  const formatArg = (name: string, value: unknown, path: string | undefined): string | undefined => {
    if (value === null || value === undefined || value === '') return undefined;
    if (Array.isArray(value)) {
      const items = value.map((v) => formatArg(name, v, path)).filter((v): v is string => v !== undefined);
      return items.length ? alternatives.format(items) : undefined;
    }
    if (typeof value === 'number') return numbers.format(value);
    if (typeof value !== 'string') return String(value);
    // A complaint's step arrives as "await-customer" (messages: complaint.action.AwaitCustomer), a plan's as "submit".
    if (name === 'action') {
      const complaintStep = `complaint.action.${pascal(value)}`;
      return isMessageKey(messages, complaintStep) ? messages[complaintStep] : enumName(['plan.action.', 'surveys.campaign.step.'], value);
    }
    if (has(ENUM_ARGS, name)) return enumName(ENUM_ARGS[name]!, value);
    if (name === 'allowed' && path && has(ENUM_FIELDS, leaf(path))) return enumName(ENUM_FIELDS[leaf(path)]!, value);
    if (name === 'heldBy') return lookup(catalogue.heldBy, value) ?? value;
    if (name === 'entity') return lookup(catalogue.entities, value) ?? value;
    if (name === 'expected') return lookup(catalogue.jsonTypes, value) ?? value;
    if (name === 'format') return lookup(catalogue.formats, value) ?? value;
    if (name === 'field' || name === 'other') return fieldName(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dates.format(new Date(`${value}T00:00:00Z`));
    if (/^\d{4}-\d{2}$/.test(value)) return months.format(new Date(`${value}-01T00:00:00Z`));
    if (/^-?\d+(\.\d+)?$/.test(value)) return numbers.format(Number(value));
    return value;
  };

  /** The first variant whose arguments are all present, with them filled in. */
  const format = (message: Message, args: ProblemArgs, path?: string) => {
    const variants: readonly string[] = typeof message === 'string' ? [message] : message;
    const formatted: Record<string, string | undefined> = {};
    const arg = (name: string) => (name in formatted ? formatted[name] : (formatted[name] = formatArg(name, args[name], path)));
    const usable = variants.find((v) => [...v.matchAll(/\{(\w+)\}/g)].every((m) => arg(m[1]!) !== undefined)) ?? variants[variants.length - 1]!;
    return usable.replace(/\{(\w+)\}/g, (_, name: string) => arg(name) ?? '');
  };

  const wait = (seconds: number) =>
    seconds >= 90 ? catalogue.minutes.replace('{n}', numbers.format(Math.ceil(seconds / 60))) : catalogue.seconds.replace('{n}', numbers.format(Math.max(1, seconds)));

  const code = (c: string, args: ProblemArgs = {}) => (has(catalogue.problems, c) ? format(catalogue.problems[c], args) : undefined);

  return {
    message(error) {
      if (!(error instanceof ApiProblem)) return catalogue.network;
      const args = error.retryAfter !== undefined ? { ...error.args, retryAfter: wait(error.retryAfter) } : error.args;
      // A code this client does not know: the server's English. An answer that is no problem of ours (a proxy's): its status.
      return code(error.code, args) ?? error.detail ?? code(byStatus(error.status), args) ?? error.title;
    },
    code,
    field(error: FieldError, path: string) {
      const args = error.args ?? {};
      if (has(catalogue.fields, error.code)) return format(catalogue.fields[error.code], args, path);
      if (has(catalogue.problems, error.code)) return format(catalogue.problems[error.code], args, path);
      return error.message;
    },
    fieldName,
    labelled: (path, message) => (REQUEST_LEVEL.has(path) ? message : catalogue.labelled.replace('{field}', fieldName(path)).replace('{message}', message)),
    trace: (id) => catalogue.trace.replace('{id}', id),
  };
}

/** Problem messages in the UI's language. */
export function useProblemText(): ProblemText {
  const { locale, messages } = useI18n();
  return useMemo(() => createProblemText(locale, errorCatalogues[locale], messages), [locale, messages]);
}
