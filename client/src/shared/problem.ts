// RFC 9457 problem details from the API, as an Error the UI can show and place on form fields.

export interface ProblemBody {
  type?: string | null;
  title?: string | null;
  status?: number | null;
  detail?: string | null;
  traceId?: string;
  errors?: Record<string, string[]> | null;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly traceId: string | undefined;
  readonly errors: Record<string, string[]>;

  constructor(status: number, body: ProblemBody | undefined) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.title = body?.title ?? `HTTP ${status}`;
    this.detail = body?.detail ?? undefined;
    this.traceId = body?.traceId;
    this.errors = body?.errors ?? {};
  }

  static from(status: number, body: ProblemBody | undefined): ApiProblem {
    return new ApiProblem(status, typeof body === 'object' ? body : undefined);
  }

  get isStale() {
    return this.status === 412;
  }
}

/**
 * Turns the problem's field errors into antd Form `setFields` entries. API field names are camelCase paths
 * ("name", "potentialAnnualRevenue.amount", "rows[3].month"); form field names are the same paths as arrays.
 * Errors whose field is not on the form are returned separately, to show above the form.
 */
export function toFormFields(problem: ApiProblem, formFields: readonly string[]) {
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [field, messages] of Object.entries(problem.errors)) {
    const path = field.split('.').flatMap((part) => {
      const m = /^(\w+)\[(\d+)\]$/.exec(part);
      return m ? [m[1]!, Number(m[2])] : [part];
    });
    const root = String(path[0]);
    if (formFields.includes(root) || formFields.includes(field)) placed.push({ name: path, errors: messages });
    else unplaced.push(...messages.map((msg) => (field === 'body' ? msg : `${field}: ${msg}`)));
  }
  return { placed, unplaced };
}
