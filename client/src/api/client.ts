// The one thin module over the generated contract: typed requests, the bearer token, and problem details.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';
import { ApiProblem, type ProblemBody } from '../shared/problem';

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
let onUnauthorized: (() => void) | null = null;

export function setAccessToken(value: string | null) {
  token = value;
}

/** Called when the API answers 401 to a signed-in request: the session has expired. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && token && !request.url.endsWith('/auth/login')) onUnauthorized?.();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(auth);

/** Returns the data of a call, or throws its problem details as an {@link ApiProblem}. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiProblem.from(response.status, error as ProblemBody | undefined);
  return data as T;
}

/** Like {@link unwrap}, but also returns the response's ETag (the version to send back as If-Match). */
export async function unwrapWithETag<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; etag: string }> {
  const { data, error, response } = await call;
  if (!response.ok) throw ApiProblem.from(response.status, error as ProblemBody | undefined);
  return { data: data as T, etag: response.headers.get('ETag') ?? '' };
}
