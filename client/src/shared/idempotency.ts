// One Idempotency-Key per intended creation, for every create the UI sends (IETF httpapi Idempotency-Key draft): a
// retry or a double click sends the same key, so the API answers with the first result instead of creating twice.
import { useRef } from 'react';
import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ApiProblem } from './problem';

/**
 * A fresh Idempotency-Key (a random UUID v4). crypto.randomUUID exists only in secure contexts (HTTPS, localhost);
 * on a plain-HTTP intranet address the key comes from crypto.getRandomValues, which exists everywhere.
 */
export function newIdempotencyKey(crypto: Pick<Crypto, 'getRandomValues'> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The key of one intended creation. The same content sent again (a retry after an error or a lost answer, a double
 * click) keeps its key; other content is another creation and gets a new key (the API would refuse the old key with
 * other content); once a creation succeeded, the next one gets a new key.
 */
export class IdempotencyKeys {
  private held: { content: string; key: string } | null = null;

  constructor(private readonly fresh: () => string = newIdempotencyKey) {}

  keyFor(body: unknown): string {
    const content = JSON.stringify(body ?? null);
    if (this.held?.content !== content) this.held = { content, key: this.fresh() };
    return this.held.key;
  }

  /** The creation with this key is done (created, or refused for good): the next one gets a new key. */
  release(key: string) {
    if (this.held?.key === key) this.held = null;
  }
}

type CreateOptions<TBody, TResult> = Omit<UseMutationOptions<TResult, Error, TBody>, 'mutationFn'> & {
  /** Sends the create with this Idempotency-Key. */
  create: (body: TBody, idempotencyKey: string) => Promise<TResult>;
};

/** A TanStack mutation that creates something: every create of the UI goes through it, with its Idempotency-Key. */
export function useCreateMutation<TBody = void, TResult = unknown>({ create, ...options }: CreateOptions<TBody, TResult>) {
  const keys = useRef<IdempotencyKeys | null>(null);
  keys.current ??= new IdempotencyKeys();
  return useMutation<TResult, Error, TBody>({
    ...options,
    mutationFn: async (body) => {
      const key = keys.current!.keyFor(body);
      try {
        const result = await create(body, key);
        keys.current!.release(key);
        return result;
      } catch (e) {
        // The key was used with other content (it should not be, as content picks the key): start over with a new one.
        if (e instanceof ApiProblem && e.code === 'idempotency-key-reused') keys.current!.release(key);
        throw e;
      }
    },
  });
}
