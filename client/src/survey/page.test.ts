// The public survey page against a mocked public API (fixtures: e2e/fixtures/public-survey.json, per the contract).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import fixtures from '../../e2e/fixtures/public-survey.json';
import { tokenFromPath, type PublicSurvey } from './api';
import { placeErrors } from './answers';
import { SurveyPage } from './page';

const token = 'q7Jd-0Xb_9LmZ2nR4sTuVwYa1cEfGhIkMoPq3rStUvW';
const zh = fixtures['zh-CN'] as PublicSurvey;
const en = fixtures.en as PublicSurvey;
const [nps, rating, single, multi, text] = zh.questions.map((q) => q.id) as [string, string, string, string, string];

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const problem = (status: number, code: string, errors?: Record<string, string[]>) =>
  new Response(JSON.stringify({ type: `https://keyaccount.dev/problems/${code}`, title: code, status, errors }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

let root: HTMLElement;
let calls: { url: string; init: RequestInit }[];

function mockApi(handler: Handler) {
  calls = [];
  return vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    return handler(url, init);
  }) as unknown as typeof fetch;
}

/** The survey in the language asked for (the invitation's, zh-CN, without `lang`); then `post` answers a submit. */
const surveyApi = (post: Handler = () => json(201, { receivedAt: '2026-12-03T15:04:05+08:00' })): Handler => (url, init) => {
  if (init.method === 'POST') return post(url, init);
  return json(200, url.endsWith('?lang=en') ? en : zh);
};

async function open(handler: Handler) {
  const page = new SurveyPage({ root, token, fetch: mockApi(handler), browserLanguage: 'en-US' });
  await page.start();
  return page;
}

const question = (id: string) => root.querySelector<HTMLElement>(`[data-question="${id}"]`)!;
const pick = (id: string, value: string) => question(id).querySelector<HTMLInputElement>(`input[value="${value}"]`)!.click();
const submitButton = () => root.querySelector<HTMLButtonElement>('button.submit')!;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const posts = () => calls.filter((c) => c.init.method === 'POST');

function type(id: string, value: string) {
  const area = question(id).querySelector('textarea')!;
  area.value = value;
  area.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  root = document.createElement('main');
  document.body.append(root);
});

afterEach(() => {
  root.remove();
});

describe('the survey page', () => {
  it('renders the questions in the invitation language with their controls, and <html lang> follows', async () => {
    await open(surveyApi());
    expect(calls[0]!.url).toBe(`/api/v1/public/surveys/${token}`);
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(root.querySelector('h1')!.textContent).toBe(zh.title);
    expect(document.title).toBe(zh.title);

    expect(question(nps).tagName).toBe('FIELDSET');
    expect(question(nps).querySelector('legend')!.textContent).toContain('您向同事或合作伙伴推荐我们的可能性有多大？');
    expect([...question(nps).querySelectorAll('input[type=radio]')].map((i) => (i as HTMLInputElement).value)).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    );
    expect(question(nps).querySelector('.scale-ends')!.textContent).toContain('0 = 完全不可能');
    expect(question(nps).querySelector('.scale-ends')!.textContent).toContain('10 = 非常可能');
    expect(question(rating).querySelectorAll('input[type=radio]')).toHaveLength(5);
    expect(question(single).querySelectorAll('input[type=radio]')).toHaveLength(3);
    expect(question(multi).querySelectorAll('input[type=checkbox]')).toHaveLength(4);
    // Every control has its label.
    for (const input of root.querySelectorAll('input')) expect(root.querySelector(`label[for="${input.id}"]`)).not.toBeNull();

    // Required questions are marked, in words for a screen reader too; the optional ones are not.
    expect(question(nps).querySelector('legend')!.textContent).toContain('必答');
    expect(question(single).querySelector('legend')!.textContent).not.toContain('必答');

    const area = question(text).querySelector('textarea')!;
    expect(area.maxLength).toBe(200);
    expect(root.querySelector(`label[for="${area.id}"]`)!.textContent).toContain('您最希望我们首先改进哪一方面？');
    type(text, '交付周期');
    expect(question(text).querySelector('.counter')!.textContent).toBe('4 / 200 字');
  });

  it('switches to English by asking for the texts again, keeping the answers given', async () => {
    await open(surveyApi());
    pick(nps, '9');
    type(text, '更快的交付');
    root.querySelector<HTMLButtonElement>('.lang-switch')!.click();
    await flush();

    expect(calls.at(-1)!.url).toBe(`/api/v1/public/surveys/${token}?lang=en`);
    expect(document.documentElement.lang).toBe('en');
    expect(root.querySelector('h1')!.textContent).toBe(en.title);
    expect(question(nps).querySelector('legend')!.textContent).toContain('How likely is it');
    expect(question(nps).querySelector<HTMLInputElement>('input[value="9"]')!.checked).toBe(true);
    expect(question(text).querySelector('textarea')!.value).toBe('更快的交付');
    expect(submitButton().textContent).toBe('Send my answers');
    expect(document.activeElement).toBe(root.querySelector('.lang-switch'));
  });

  it('points out unanswered required questions without sending anything', async () => {
    await open(surveyApi());
    pick(rating, '4');
    submitButton().click();
    await flush();

    expect(posts()).toHaveLength(0);
    expect(question(nps).classList).toContain('invalid');
    expect(question(nps).querySelector('.error')!.textContent).toBe('请回答此问题。');
    expect(question(rating).classList).not.toContain('invalid');
    expect(document.activeElement).toBe(question(nps).querySelector('input'));
    expect(root.querySelector('.error-summary')!.textContent).toContain('1');
    // A blank text is no answer: an optional one is simply left out.
    type(text, '   ');
    pick(nps, '0');
    submitButton().click();
    await flush();
    expect(JSON.parse(String(posts()[0]!.init.body))).toEqual({
      answers: [
        { questionId: nps, number: 0 },
        { questionId: rating, number: 4 },
      ],
    });
  });

  it('sends every answer once, however often the button is tapped, and thanks after the 201', async () => {
    let answer!: (r: Response) => void;
    await open(surveyApi(() => new Promise<Response>((resolve) => (answer = resolve))));
    pick(nps, '10');
    pick(rating, '5');
    pick(single, 'gt3');
    pick(multi, 'quality');
    pick(multi, 'service');
    type(text, '希望缩短交付周期');

    submitButton().click();
    submitButton().click();
    root.querySelector('form')!.requestSubmit();
    await flush();
    expect(posts()).toHaveLength(1);
    expect(submitButton().getAttribute('aria-disabled')).toBe('true');
    expect(submitButton().textContent).toBe('正在提交…');

    answer(json(201, { receivedAt: '2026-12-03T15:04:05+08:00' }));
    await flush();
    await flush();
    const sent = posts()[0]!;
    expect(sent.url).toBe(`/api/v1/public/surveys/${token}`);
    expect(new Headers(sent.init.headers).get('Content-Type')).toBe('application/json');
    expect(JSON.parse(String(sent.init.body))).toEqual({
      answers: [
        { questionId: nps, number: 10 },
        { questionId: rating, number: 5 },
        { questionId: single, choices: ['gt3'] },
        { questionId: multi, choices: ['quality', 'service'] },
        { questionId: text, text: '希望缩短交付周期' },
      ],
    });
    expect(root.querySelector('h1')!.textContent).toBe('感谢您的反馈！');
    expect(root.querySelector('form')).toBeNull();
  });

  it("shows the server's 400 errors on the questions they name (the index of the answer sent, not of the question)", async () => {
    await open(
      surveyApi(() =>
        problem(400, 'validation', {
          'answers[1].number': ['评分必须在 1 到 5 之间。'],
          'answers[2].text': ['The answer is longer than 200 characters.'],
          answers: ['Question 4 needs an answer.'],
        }),
      ),
    );
    pick(nps, '7');
    pick(rating, '3');
    type(text, '太长的回答');
    submitButton().click();
    await flush();
    await flush();

    // Sent: [nps, rating, text] (the choices were left empty) — answers[2] is the text question, the fifth.
    expect(question(rating).querySelector('.error')!.textContent).toBe('评分必须在 1 到 5 之间。');
    expect(question(text).querySelector('.error')!.textContent).toBe('The answer is longer than 200 characters.');
    expect(question(nps).querySelector('.error')).toBeNull();
    expect(root.querySelector('.error-summary')!.textContent).toContain('Question 4 needs an answer.');
    expect(document.activeElement).toBe(question(rating).querySelector('input'));
    expect(question(rating).querySelector('input')!.getAttribute('aria-describedby')).toContain(question(rating).querySelector('.error')!.id);
    // The answers are still there to correct.
    expect(question(text).querySelector('textarea')!.value).toBe('太长的回答');
    expect(question(nps).querySelector<HTMLInputElement>('input[value="7"]')!.checked).toBe(true);
  });

  it('keeps the answers when the network fails and sends them again on retry', async () => {
    let fail = true;
    await open(
      surveyApi(() => {
        if (fail) throw new TypeError('Failed to fetch');
        return json(201, {});
      }),
    );
    pick(nps, '8');
    pick(rating, '2');
    submitButton().click();
    await flush();

    expect(root.querySelector('.banner')!.textContent).toContain('无法连接服务器');
    expect(submitButton().textContent).toBe('重试');
    expect(question(nps).querySelector<HTMLInputElement>('input[value="8"]')!.checked).toBe(true);

    fail = false;
    submitButton().click();
    await flush();
    await flush();
    expect(posts()).toHaveLength(2);
    expect(posts()[1]!.init.body).toBe(posts()[0]!.init.body);
    expect(root.querySelector('h1')!.textContent).toBe('感谢您的反馈！');
  });

  it.each([
    [409, 'survey-already-answered', '感谢您的反馈！'],
    [410, 'survey-closed', '本问卷已结束'],
    [410, 'survey-expired', '本问卷已结束'],
    [404, 'not-found', '此链接无效'],
  ])('a submit answered %i %s shows "%s"', async (status, code, heading) => {
    await open(surveyApi(() => problem(status, code)));
    pick(nps, '5');
    pick(rating, '3');
    submitButton().click();
    await flush();
    await flush();
    expect(root.querySelector('h1')!.textContent).toBe(heading);
    expect(root.querySelector('form')).toBeNull();
  });

  it('a submit answered 429 asks to try again in a minute and keeps the form', async () => {
    await open(surveyApi(() => problem(429, 'rate-limited')));
    pick(nps, '5');
    pick(rating, '3');
    submitButton().click();
    await flush();
    await flush();
    expect(root.querySelector('.banner')!.textContent).toBe('尝试次数过多，请一分钟后再试。');
    expect(question(nps).querySelector<HTMLInputElement>('input[value="5"]')!.checked).toBe(true);
  });

  it.each([
    [409, 'survey-already-answered', 'Thank you!'],
    [410, 'survey-closed', 'This survey has closed'],
    [404, 'not-found', 'This link is not valid'],
    [400, 'validation', 'This link is not valid'],
  ])('opening a link answered %i %s shows "%s" (in the browser language)', async (status, code, heading) => {
    await open(() => problem(status, code, status === 400 ? { token: ['The token is not 43 base64url characters.'] } : undefined));
    expect(root.querySelector('h1')!.textContent).toBe(heading);
    expect(document.documentElement.lang).toBe('en');
  });

  it('opening a link while rate limited, or offline, says so and offers a retry', async () => {
    let status = 429;
    await open((url, init) => (status === 0 ? Promise.reject(new TypeError('offline')) : status === 429 ? problem(429, 'rate-limited') : surveyApi()(url, init)));
    expect(root.querySelector('[role=alert]')!.textContent).toBe('Too many attempts. Please try again in a minute.');
    status = 0;
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await flush();
    expect(root.querySelector('[role=alert]')!.textContent).toContain('could not reach the server');
    status = 200;
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await flush();
    await flush();
    expect(root.querySelector('h1')!.textContent).toBe(zh.title);
  });

  it('unsubscribes with a one-click POST to unsubscribeUrl and confirms it', async () => {
    await open((url, init) => (url.endsWith('/unsubscribe') ? new Response(null, { status: 204 }) : surveyApi()(url, init)));
    root.querySelector<HTMLButtonElement>('button.unsubscribe')!.click();
    await flush();
    await flush();
    const call = calls.at(-1)!;
    expect(call.url).toBe(zh.unsubscribeUrl);
    expect(call.init.method).toBe('POST');
    expect(call.init.body).toBe('List-Unsubscribe=One-Click');
    expect(new Headers(call.init.headers).get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(root.querySelector('.unsubscribe-status')!.textContent).toBe('已退订：您将不再收到问卷邀请。');
    expect(root.querySelector('button.unsubscribe')).toBeNull();
  });
});

describe('the token and the errors', () => {
  it('reads the token from /s/{token}', () => {
    expect(tokenFromPath(`/s/${token}`)).toBe(token);
    expect(tokenFromPath(`/s/${token}/`)).toBe(token);
    expect(tokenFromPath('/s/')).toBe('');
    expect(tokenFromPath('/accounts')).toBe('');
  });

  it('places answers[i] errors by the answer sent, anything else as general', () => {
    const sent = [{ questionId: 'a', number: 1 }, { questionId: 'c', text: 'x' }];
    const placed = placeErrors({ 'answers[1].text': ['too long'], 'answers[1].questionId': ['twice'], 'answers[7].number': ['?'], answers: ['missing'] }, sent);
    expect(Object.fromEntries(placed.byQuestion)).toEqual({ c: ['too long', 'twice'] });
    expect(placed.general).toEqual(['?', 'missing']);
  });
});
