import { describe, expect, it } from 'vitest';
import { ApiProblem, parseRetryAfter, toFormFields, type FieldErrorText } from './problem';

/** Field errors as "<code>: <English message>", field names upper-cased: shows what toFormFields does with them. */
const plain: FieldErrorText = { field: (e) => `${e.code}: ${e.message}`, labelled: (path, message) => `${path.toUpperCase()} — ${message}` };

describe('ApiProblem', () => {
  const problem = new ApiProblem(
    400,
    {
      type: 'https://keyaccount.dev/problems/validation',
      code: 'validation',
      title: 'Invalid request',
      status: 400,
      detail: 'One or more fields are invalid.',
      traceId: '00-abc',
      errors: {
        name: [{ code: 'required', message: "'Name' must not be empty." }],
        'potentialAnnualRevenue.amount': [{ code: 'too-small', message: 'Must be zero or more.', args: { min: 0 } }],
        'members[2].userId': [{ code: 'unknown-reference', message: 'Not an active user.' }],
        ownerId: [{ code: 'unknown-reference', message: 'The owner must be an active account manager or director.' }],
        'If-Match': [{ code: 'required', message: 'Send If-Match.' }],
      },
    },
    new Headers({ 'Retry-After': '12' }),
  );

  it('keeps the code, its arguments, the field errors with their codes, the trace id and Retry-After', () => {
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('validation');
    expect(problem.message).toBe('One or more fields are invalid.');
    expect(problem.traceId).toBe('00-abc');
    expect(problem.errors['potentialAnnualRevenue.amount']).toEqual([{ code: 'too-small', message: 'Must be zero or more.', args: { min: 0 } }]);
    expect(problem.retryAfter).toBe(12);
    expect(new ApiProblem(412, undefined).isStale).toBe(true);
  });

  it('reads the code from the type URI when the body has none, and plain-string field errors as errors without a code', () => {
    const old = ApiProblem.from(409, { type: 'https://keyaccount.dev/problems/resource-in-use', errors: { name: ['Taken.'] } });
    expect(old.code).toBe('resource-in-use');
    expect(old.errors.name).toEqual([{ code: '', message: 'Taken.' }]);
    expect(ApiProblem.from(502, 'Bad gateway').code).toBe('');
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('Wed, 02 Dec 2026 08:00:30 GMT', Date.parse('2026-12-02T08:00:00Z'))).toBe(30);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('toFormFields', () => {
  const problem = ApiProblem.from(400, {
    code: 'validation',
    errors: {
      name: [{ code: 'required', message: "'Name' must not be empty." }],
      'potentialAnnualRevenue.amount': [{ code: 'too-small', message: 'Must be zero or more.' }],
      'members[2].userId': [{ code: 'unknown-reference', message: 'Not an active user.' }],
      ownerId: [{ code: 'unknown-reference', message: 'The owner must be an active account manager or director.' }],
      'If-Match': [{ code: 'required', message: 'Send If-Match.' }],
    },
  });

  it('places errors, as the translator says them, on the form fields they name, as antd paths', () => {
    const { placed } = toFormFields(problem, ['name', 'potentialAnnualRevenue', 'members'], plain);
    expect(placed).toEqual([
      { name: ['name'], errors: ["required: 'Name' must not be empty."] },
      { name: ['potentialAnnualRevenue', 'amount'], errors: ['too-small: Must be zero or more.'] },
      { name: ['members', 2, 'userId'], errors: ['unknown-reference: Not an active user.'] },
    ]);
  });

  it('returns errors of fields not on the form, with the field’s name, to show above it', () => {
    const { unplaced } = toFormFields(problem, ['name'], plain);
    expect(unplaced).toContain('OWNERID — unknown-reference: The owner must be an active account manager or director.');
    expect(unplaced).toContain('IF-MATCH — required: Send If-Match.');
  });
});
