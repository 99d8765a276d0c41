// RFC 9457 problem details from the API, as an Error the UI can translate and place on form fields.
// Each problem has a stable `code` (its kind, or a business rule) with `args`; each field error a `code` with `args`.
// The English `title`, `detail` and `message` are only a fallback for a code the client does not know.

/** The arguments (figures) of a problem or a field error, by name: numbers, strings, lists of them. */
export type ProblemArgs = Record<string, unknown>;

export interface FieldError {
  code: string;
  /** English fallback text. */
  message: string;
  args?: ProblemArgs | null;
}

export interface ProblemBody {
  type?: string | null;
  code?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  traceId?: string | null;
  args?: ProblemArgs | null;
  /** Field path → its errors. Older servers sent plain strings; they read as errors without a code. */
  errors?: Record<string, readonly (FieldError | string)[]> | null;
}

const TYPE_BASE = 'https://keyaccount.dev/problems/';

export class ApiProblem extends Error {
  readonly status: number;
  /** The kind of problem (kebab-case); '' when the answer was not a problem of ours. */
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly traceId: string | undefined;
  readonly args: ProblemArgs;
  readonly errors: Record<string, FieldError[]>;
  /** Seconds to wait before retrying (Retry-After of a 429, 503 or a request still in flight). */
  readonly retryAfter: number | undefined;

  constructor(status: number, body: ProblemBody | undefined, headers?: Pick<Headers, 'get'>) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.code = body?.code ?? (body?.type?.startsWith(TYPE_BASE) ? body.type.slice(TYPE_BASE.length) : '');
    this.title = body?.title ?? `HTTP ${status}`;
    this.detail = body?.detail ?? undefined;
    this.traceId = body?.traceId ?? undefined;
    this.args = body?.args && typeof body.args === 'object' ? body.args : {};
    this.errors = {};
    for (const [field, list] of Object.entries(body?.errors ?? {})) {
      if (!Array.isArray(list)) continue;
      this.errors[field] = list.map((e: FieldError | string) =>
        typeof e === 'string' ? { code: '', message: e } : { code: e?.code ?? '', message: e?.message ?? '', args: e?.args ?? null },
      );
    }
    this.retryAfter = parseRetryAfter(headers?.get('Retry-After') ?? null);
  }

  static from(status: number, body: unknown, headers?: Pick<Headers, 'get'>): ApiProblem {
    return new ApiProblem(status, body && typeof body === 'object' ? (body as ProblemBody) : undefined, headers);
  }

  /** Changed by someone else since it was read (412): reload, then apply the change again. */
  get isStale() {
    return this.status === 412;
  }
}

/** Retry-After as seconds: a number of seconds, or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Translates problems and field errors (see useProblemText); toFormFields needs only these two. */
export interface FieldErrorText {
  field(error: FieldError, path: string): string;
  /** A field error shown away from its field: with the field's name (none for the body or a header). */
  labelled(path: string, message: string): string;
}

/**
 * Turns the problem's field errors into antd Form `setFields` entries, in the user's language. API field names are
 * camelCase paths ("name", "potentialAnnualRevenue.amount", "rows[3].month"); form field names are the same paths as
 * arrays. Errors whose field is not on the form are returned separately, with the field's name, to show above the form.
 */
export function toFormFields(problem: ApiProblem, formFields: readonly string[], text: FieldErrorText) {
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [field, errors] of Object.entries(problem.errors)) {
    const messages = errors.map((e) => text.field(e, field));
    const path = field.split('.').flatMap((part) => {
      const m = /^(\w+)\[(\d+)\]$/.exec(part);
      return m ? [m[1]!, Number(m[2])] : [part];
    });
    const root = String(path[0]);
    if (formFields.includes(root) || formFields.includes(field)) placed.push({ name: path, errors: messages });
    else unplaced.push(...messages.map((msg) => text.labelled(field, msg)));
  }
  return { placed, unplaced };
}
