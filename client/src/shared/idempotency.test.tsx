import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { IdempotencyKeys, useCreateMutation } from './idempotency';
import { ApiProblem } from './problem';

describe('IdempotencyKeys', () => {
  it('keeps the key for the same content, takes a new one for other content and after a release', () => {
    let n = 0;
    const keys = new IdempotencyKeys(() => `k${++n}`);
    expect(keys.keyFor({ text: 'a' })).toBe('k1');
    expect(keys.keyFor({ text: 'a' })).toBe('k1');
    expect(keys.keyFor({ text: 'b' })).toBe('k2');
    keys.release('k1'); // not the key held: nothing changes
    expect(keys.keyFor({ text: 'b' })).toBe('k2');
    keys.release('k2');
    expect(keys.keyFor({ text: 'b' })).toBe('k3');
  });
});

describe('useCreateMutation', () => {
  const wrapper = ({ children }: { children: React.ReactNode }) => <QueryClientProvider client={new QueryClient()}>{children}</QueryClientProvider>;

  it('retries a failed create with the same key, and the next creation after a success with a new one', async () => {
    const create = vi
      .fn<(body: { text: string }, key: string) => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockRejectedValueOnce(ApiProblem.from(409, { code: 'idempotency-key-in-flight' }))
      .mockResolvedValueOnce('created')
      .mockResolvedValueOnce('created again');
    const { result } = renderHook(() => useCreateMutation({ create }), { wrapper });
    const send = (text: string) => act(() => result.current.mutateAsync({ text }).catch(() => undefined));

    await send('Called the buyer');
    await send('Called the buyer');
    await send('Called the buyer');
    const [k1, k2, k3] = create.mock.calls.map((c) => c[1]);
    expect(k2).toBe(k1);
    expect(k3).toBe(k1);

    // Created: the same words again are another creation (a second call logged on purpose).
    await send('Called the buyer');
    expect(create.mock.calls[3]![1]).not.toBe(k1);
  });

  it('starts over with a new key when the API says the key was used for other content (422)', async () => {
    const create = vi.fn<(body: string, key: string) => Promise<string>>().mockRejectedValueOnce(ApiProblem.from(422, { code: 'idempotency-key-reused' })).mockResolvedValueOnce('ok');
    const { result } = renderHook(() => useCreateMutation({ create }), { wrapper });
    await act(() => result.current.mutateAsync('x').catch(() => undefined));
    await act(() => result.current.mutateAsync('x'));
    expect(create.mock.calls[1]![1]).not.toBe(create.mock.calls[0]![1]);
  });
});
