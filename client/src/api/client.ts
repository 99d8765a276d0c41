// The one thin module over the generated contract: typed requests, the bearer token, and problem details.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiProblem } from '../shared/problem';

export type Schemas = components['schemas'];
export type AccountDto = Schemas['AccountDto'];
export type AccountSummaryDto = Schemas['AccountSummaryDto'];
export type AccountProfileInput = Schemas['AccountProfileInput'];
export type ContactDto = Schemas['ContactDto'];
export type InteractionDto = Schemas['InteractionDto'];
export type InteractionInput = Schemas['InteractionInput'];
export type MeDto = Schemas['MeDto'];
export type Tier = Schemas['Tier'];
export type AccountStatus = Schemas['AccountStatus'];

let token: string | null = null;
let onUnauthorized: ((code: string) => void) | null = null;

export function setAccessToken(value: string | null) {
  token = value;
}

/**
 * Called when the API answers 401 to a signed-in request, with the problem's code: the session has expired
 * (`token-expired`) or ended (`session-ended`: the user was deactivated, locked out or changed password).
 */
export function setUnauthorizedHandler(handler: ((code: string) => void) | null) {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  async onResponse({ response, request }) {
    if (response.status === 401 && token && !request.url.endsWith('/auth/login')) {
      const body = (await response.clone().json().catch(() => null)) as { code?: unknown } | null;
      onUnauthorized?.(typeof body?.code === 'string' ? body.code : 'authentication-required');
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(auth);

type Answer<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/** Returns the data of a call, or throws its problem details as an {@link ApiProblem}. */
export async function unwrap<T>(call: Answer<T>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiProblem.from(response.status, error, response.headers);
  return data as T;
}

/** Like {@link unwrap}, but also returns the response's ETag (the version to send back as If-Match). */
export async function unwrapWithETag<T>(call: Answer<T>): Promise<{ data: T; etag: string }> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiProblem.from(response.status, error, response.headers);
  return { data: data as T, etag: response.headers.get('ETag') ?? '' };
}

/** The If-Match header of a change: the ETag of the read the user is looking at (the API refuses a change without one). */
export const ifMatch = (etag: string) => ({ 'If-Match': etag });

/** The Idempotency-Key header of a create (see useCreateMutation). */
export const idempotencyKey = (key: string) => ({ 'Idempotency-Key': key });
