// The public response API (/work/prompts/surveys-contract.md, "The public response API"): no login, a token in the path.
import type { Language } from './i18n';

export type QuestionType = 'Nps' | 'Rating' | 'SingleChoice' | 'MultiChoice' | 'Text';

export interface PublicQuestion {
  id: string;
  type: QuestionType;
  required: boolean;
  text: string;
  lowLabel?: string | null;
  highLabel?: string | null;
  choices?: { key: string; label: string }[] | null;
  maxLength?: number | null;
}

export interface PublicSurvey {
  language: string;
  title: string;
  closesAt?: string | null;
  questions: PublicQuestion[];
  unsubscribeUrl?: string | null;
}

export interface Answer {
  questionId: string;
  number?: number;
  choices?: string[];
  text?: string;
}

/** What became of a request, as the page needs to tell it apart. */
export type Outcome<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'answered' } // 409 survey-already-answered: the thank-you
  | { kind: 'closed' } // 410 survey-closed or survey-expired
  | { kind: 'invalid' } // 404, or a 400 naming the token
  | { kind: 'rateLimited' } // 429
  | { kind: 'validation'; errors: Record<string, string[]>; detail?: string } // 400 on a submit
  | { kind: 'network' } // no answer at all: the request may be retried
  | { kind: 'server'; status: number }; // 5xx or anything unexpected: may be retried too

export type Fetch = typeof fetch;

export const surveyPath = (token: string) => `/api/v1/public/surveys/${encodeURIComponent(token)}`;

/** The token of a /s/{token} address (the server answers a malformed one with a 400 naming `token`). */
export function tokenFromPath(pathname: string): string {
  const match = /^\/s\/([^/?#]+)\/?$/.exec(pathname);
  return match ? decodeURIComponent(match[1]!) : '';
}

interface Problem {
  type?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    return ((await response.json()) as Problem) ?? {};
  } catch {
    return {};
  }
}

async function classify<T>(response: Response, read: (r: Response) => Promise<T>): Promise<Outcome<T>> {
  if (response.ok) return { kind: 'ok', value: await read(response) };
  switch (response.status) {
    case 404:
      return { kind: 'invalid' };
    case 409:
      return { kind: 'answered' };
    case 410:
      return { kind: 'closed' };
    case 429:
      return { kind: 'rateLimited' };
    case 400: {
      const problem = await problemOf(response);
      const errors = problem.errors ?? {};
      if (Object.keys(errors).some((k) => k.toLowerCase() === 'token')) return { kind: 'invalid' };
      return { kind: 'validation', errors, detail: problem.detail };
    }
    default:
      return { kind: 'server', status: response.status };
  }
}

async function send<T>(fetcher: Fetch, url: string, init: RequestInit, read: (r: Response) => Promise<T>): Promise<Outcome<T>> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'omit', cache: 'no-store', ...init });
  } catch {
    return { kind: 'network' };
  }
  try {
    return await classify(response, read);
  } catch {
    // A body that could not be read (a connection cut mid-answer, a proxy's HTML page).
    return { kind: 'server', status: response.status };
  }
}

export function loadSurvey(fetcher: Fetch, token: string, lang?: Language): Promise<Outcome<PublicSurvey>> {
  const query = lang ? `?lang=${encodeURIComponent(lang)}` : '';
  return send(fetcher, surveyPath(token) + query, { headers: { Accept: 'application/json' } }, (r) => r.json() as Promise<PublicSurvey>);
}

export function submitAnswers(fetcher: Fetch, token: string, answers: Answer[]): Promise<Outcome<{ receivedAt?: string }>> {
  return send(
    fetcher,
    surveyPath(token),
    { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ answers }) },
    async (r) => {
      // Received is received: an unreadable body does not turn a 201 into a retry.
      try {
        return (await r.json()) as { receivedAt?: string };
      } catch {
        return {};
      }
    },
  );
}

/** RFC 8058 one-click unsubscribe, the same request a mail client sends. */
export function unsubscribe(fetcher: Fetch, url: string): Promise<Outcome<null>> {
  return send(
    fetcher,
    url,
    { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' },
    async () => null,
  );
}
