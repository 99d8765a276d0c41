// A fake API for component tests: the real generated client and hooks run, and their requests are answered here (and
// recorded, headers and all) instead of going over the network.
import type { Middleware } from 'openapi-fetch';
import { beforeEach, afterEach } from 'vitest';
import { api } from '../api/client';

export interface Recorded {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Answer = Response | Error | ((request: Recorded) => Response | Error);

/** A JSON answer (problem details for an error status). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/**
 * Answers requests by method and path: each route answers with its answers in turn, the last one again and again.
 * A thrown Error is a network failure. A request no route matches fails the test.
 */
export function fakeApi() {
  const requests: Recorded[] = [];
  const routes: { method: string; path: string | RegExp; answers: Answer[] }[] = [];
  const middleware: Middleware = {
    async onRequest({ request }) {
      const text = request.body ? await request.clone().text() : '';
      const recorded: Recorded = { method: request.method, path: new URL(request.url).pathname, query: new URL(request.url).searchParams, headers: new Headers(request.headers), body: text ? parseBody(text, request.headers.get('Content-Type')) : undefined };
      requests.push(recorded);
      const route = routes.find((r) => r.method === recorded.method && (typeof r.path === 'string' ? r.path === recorded.path : r.path.test(recorded.path)));
      if (!route) throw new Error(`fakeApi: no answer for ${recorded.method} ${recorded.path}`);
      const next = route.answers.length > 1 ? route.answers.shift()! : route.answers[0]!;
      const answer = typeof next === 'function' ? next(recorded) : next;
      if (answer instanceof Error) throw answer;
      // A Response can be read once: answer with a copy so that the last answer can repeat.
      return answer.clone();
    },
  };
  api.use(middleware);
  const fake = {
    requests,
    on(method: string, path: string | RegExp, ...answers: Answer[]) {
      routes.unshift({ method, path, answers });
      return fake;
    },
    sent: (method: string, path: string | RegExp) => requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))),
    restore: () => api.eject(middleware),
  };
  return fake;
}

export type FakeApi = ReturnType<typeof fakeApi>;

/** A recorded body: JSON parsed, anything else (a CSV upload) as its text. */
function parseBody(text: string, contentType: string | null): unknown {
  return contentType?.includes('json') ? JSON.parse(text) : text;
}

/**
 * A fresh fake API for each test of the file (installed before it, removed after it): what the tests of a page that
 * talks to the API call instead of wiring beforeEach/afterEach themselves.
 */
export function fakeApiPerTest() {
  let current: FakeApi | undefined;
  beforeEach(() => {
    current = fakeApi();
  });
  afterEach(() => current?.restore());
  const fake = () => {
    if (!current) throw new Error('fakeApiPerTest: used outside a test');
    return current;
  };
  const handle = {
    on(method: string, path: string | RegExp, ...answers: Answer[]) {
      fake().on(method, path, ...answers);
      return handle;
    },
    sent: (method: string, path: string | RegExp) => fake().sent(method, path),
    get requests() {
      return fake().requests;
    },
  };
  return handle;
}
