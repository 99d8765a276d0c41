import { describe, expect, it } from 'vitest';
import { ApiProblem, toFormFields } from './problem';

describe('toFormFields', () => {
  const problem = new ApiProblem(400, {
    title: 'Invalid request',
    status: 400,
    detail: 'One or more fields are invalid.',
    traceId: '00-abc',
    errors: {
      name: ["'Name' must not be empty."],
      'potentialAnnualRevenue.amount': ['Must be zero or more.'],
      'members[2].userId': ['Not an active user.'],
      ownerId: ['The owner must be an active account manager or director.'],
    },
  });

  it('places errors on the form fields they name, as antd paths', () => {
    const { placed } = toFormFields(problem, ['name', 'potentialAnnualRevenue', 'members']);
    expect(placed).toEqual([
      { name: ['name'], errors: ["'Name' must not be empty."] },
      { name: ['potentialAnnualRevenue', 'amount'], errors: ['Must be zero or more.'] },
      { name: ['members', 2, 'userId'], errors: ['Not an active user.'] },
    ]);
  });

  it('returns errors of fields not on the form, prefixed with their field, to show above it', () => {
    const { unplaced } = toFormFields(problem, ['name']);
    expect(unplaced).toContain('ownerId: The owner must be an active account manager or director.');
  });

  it('keeps status, detail and trace id', () => {
    expect(problem.status).toBe(400);
    expect(problem.message).toBe('One or more fields are invalid.');
    expect(problem.traceId).toBe('00-abc');
    expect(new ApiProblem(412, undefined).isStale).toBe(true);
  });
});
