import { describe, expect, it } from 'vitest';
import { errorCatalogues } from '../i18n/errors';
import { en as enMessages } from '../i18n/messages/en';
import { zhCN as zhMessages } from '../i18n/messages/zh-CN';
import { ApiProblem } from './problem';
import { createProblemText } from './problemText';

const zh = createProblemText('zh-CN', errorCatalogues['zh-CN'], zhMessages);
const en = createProblemText('en', errorCatalogues.en, enMessages);

describe('problem text', () => {
  it('interpolates dates, numbers and enum values in the user’s language', () => {
    const range = { code: 'date-out-of-range', message: 'Dates and times must fall between 1900-01-01 and 2199-12-31.', args: { min: '1900-01-01', max: '2199-12-31' } };
    expect(zh.field(range, 'receivedAt')).toBe('日期应在 1900年1月1日 到 2199年12月31日 之间。');
    expect(en.field(range, 'receivedAt')).toBe('Between January 1, 1900 and December 31, 2199.');
    const allowed = { code: 'invalid-value', message: 'Use one of: Phone, Email.', args: { allowed: ['Phone', 'Email'] } };
    expect(zh.field(allowed, 'channel')).toBe('请选择：电话或邮件。');
    expect(en.field({ code: 'too-long', message: '', args: { max: 4000 } }, 'summary')).toBe('At most 4,000 characters.');
  });

  it('names a plan’s statuses and steps like the plan pages do', () => {
    const problem = ApiProblem.from(409, { code: 'plan-transition-not-allowed', status: 409, args: { from: 'Draft', action: 'approve', allowedFrom: ['Submitted'] } });
    expect(zh.message(problem)).toBe('该计划当前为“草稿”状态，无法执行“批准”；只有处于“待审批”状态的计划才能执行此步骤。');
    expect(en.message(problem)).toBe('This plan is Draft: “Approve” is only possible when it is Submitted.');
    // A complaint's step still reads as the complaint's.
    expect(en.message(ApiProblem.from(409, { code: 'complaint-transition-not-allowed', status: 409, args: { from: 'New', action: 'await-customer', allowedFrom: ['InProgress'] } }))).toContain('“Wait for customer”');
  });

  it('uses the variant whose arguments are there', () => {
    // The same code, from a validator (scale only) and from the money rule (digits and scale).
    expect(en.field({ code: 'precision-exceeded', message: '', args: { scale: 2 } }, 'amount')).toBe('At most 2 decimals.');
    expect(zh.code('precision-exceeded', { integerDigits: 16, scale: 2 })).toBe('整数部分最多 16 位，小数部分最多 2 位。');
    expect(zh.field({ code: 'date-out-of-range', message: 'A complaint cannot have been received before 2000.' }, 'receivedAt')).toBe('日期超出允许范围。');
  });

  it('reads a rule placed on a field like the rule', () => {
    expect(zh.field({ code: 'next-step-required', message: 'A next-step due date needs a next step.' }, 'nextStep')).toBe('填写截止日期时必须同时填写下一步。');
    expect(zh.field({ code: 'text-required', message: 'response is required.', args: { field: 'response' } }, 'response')).toBe('请填写给客户的答复。');
  });

  it('names the field of an error shown away from it, but not the request or a header', () => {
    expect(zh.labelled('ownerId', '不存在，或您无权查看。')).toBe('客户经理：不存在，或您无权查看。');
    expect(en.labelled('rows[3].month', 'Too many.')).toBe('Month: Too many.');
    expect(en.labelled('If-Match', 'Required.')).toBe('Required.');
  });

  it('names the kind of record not found, and the wait of a request still in flight', () => {
    expect(zh.message(ApiProblem.from(404, { code: 'not-found', args: { entity: 'complaint' } }))).toBe('该投诉不存在，或您无权查看。');
    expect(en.message(ApiProblem.from(429, { code: 'rate-limited' }, new Headers({ 'Retry-After': '120' })))).toBe('Too many requests in a short time. Try again in 2 min.');
    expect(en.message(ApiProblem.from(429, { code: 'rate-limited' }))).toBe('Too many requests in a short time. Try again shortly.');
  });

  it('falls back to the English text for a code it does not know, and to its status’s kind for an answer that is no problem', () => {
    expect(zh.message(ApiProblem.from(409, { code: 'new-rule', title: 'Business rule violated', detail: 'New rule.' }))).toBe('New rule.');
    expect(zh.field({ code: 'new-field-code', message: 'Something new.' }, 'name')).toBe('Something new.');
    expect(zh.message(ApiProblem.from(502, 'Bad gateway'))).toBe('服务暂时不可用，数据未作任何修改。请稍后重试。');
    expect(en.message(ApiProblem.from(500, undefined))).toMatch(/^Something went wrong on our side/);
    expect(zh.message(new TypeError('Failed to fetch'))).toBe('无法连接服务器。请检查网络后重试。');
  });
});
