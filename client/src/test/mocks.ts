import { vi } from 'vitest';

/** What a mocked TanStack mutation hook returns: idle, with a mutateAsync to program. */
export const fakeMutation = (overrides: object = {}) => ({ mutateAsync: vi.fn(), mutate: vi.fn(), reset: vi.fn(), isPending: false, error: null, ...overrides });
