import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { ApiProblem } from './problem';
import { useFormErrors } from './useFormErrors';
import { I18nProvider } from '../i18n/I18nProvider';

const wrapper = ({ children }: { children: React.ReactNode }) => <I18nProvider locale="en">{children}</I18nProvider>;

describe('useFormErrors', () => {
  const problem = ApiProblem.from(400, {
    code: 'validation',
    errors: {
      assigneeId: [{ code: 'unknown-reference', message: 'Not an active user.' }],
      'criteria[2].weight': [{ code: 'too-large', message: 'At most 100.', args: { max: 100 } }],
      ownerId: [{ code: 'required', message: 'Required.' }],
    },
  });

  it('places field errors on the form’s fields (renamed where the form names them otherwise) and says the others above it', () => {
    const onPlaced = vi.fn();
    const { result } = renderHook(() => useFormErrors({ fields: ['criteria'], rename: { assigneeId: 'assignee' }, onPlaced }), { wrapper });
    act(() => result.current.show(problem));
    expect(onPlaced).toHaveBeenCalledWith([
      { name: ['assignee'], errors: ['Does not exist, or you cannot see it.'] },
      { name: ['criteria', 2, 'weight'], errors: ['At most 100.'] },
    ]);
    expect(result.current.unplaced).toEqual(['Owner: Required.']);
    expect(result.current.problem).toBe(problem);
    act(() => result.current.clear());
    expect(result.current.problem).toBeNull();
    expect(result.current.unplaced).toEqual([]);
  });

  it('leaves a 412 to the page’s stale-version alert, and shows a failure without an answer', () => {
    const { result } = renderHook(() => useFormErrors({ fields: [] }), { wrapper });
    act(() => result.current.show(ApiProblem.from(412, { code: 'stale-version' })));
    expect(result.current.problem).toBeNull();
    const offline = new TypeError('Failed to fetch');
    act(() => result.current.show(offline));
    expect(result.current.problem).toBe(offline);
  });
});
