import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Locale } from '../i18n/I18nProvider';
import { renderWithProviders } from '../test';
import { ApiProblem } from './problem';
import { ProblemAlert } from './ProblemAlert';

function show(error: unknown, locale: Locale, extra?: string[]) {
  renderWithProviders(<ProblemAlert error={error} extra={extra} />, { locale });
  return screen.getByRole('alert');
}

describe('ProblemAlert', () => {
  it('says a business rule by its code, with its arguments in the user’s language — not the English detail', () => {
    const problem = ApiProblem.from(409, {
      code: 'complaint-transition-not-allowed',
      title: 'Business rule violated',
      detail: 'A complaint in status New cannot resolve (→ Resolved); allowed from: InProgress.',
      traceId: '00-trace-1',
      args: { from: 'New', to: 'Resolved', action: 'Resolve', allowedFrom: ['InProgress'] },
    });
    const alert = show(problem, 'zh-CN');
    expect(alert).toHaveTextContent('该投诉当前为“新建”状态，无法执行“解决”；只有处于“处理中”状态的投诉才能执行此步骤。');
    expect(alert).toHaveTextContent('追踪编号：00-trace-1');
    expect(alert.textContent).not.toContain('InProgress');
    expect(alert.textContent).not.toContain('{');
  });

  it('reads lists naturally in each language (“或” / “or”)', () => {
    const problem = ApiProblem.from(409, { code: 'complaint-transition-not-allowed', args: { from: 'New', to: 'InProgress', action: 'Assign', allowedFrom: ['Acknowledged', 'Reopened'] } });
    expect(show(problem, 'zh-CN')).toHaveTextContent('只有处于“已受理或已重开”状态的投诉');
  });

  it('names what holds a record in use, in Chinese', () => {
    const problem = ApiProblem.from(409, { code: 'resource-in-use', detail: 'It is still referred to by complaints; …', args: { heldBy: 'complaints' } });
    expect(show(problem, 'zh-CN')).toHaveTextContent('仍有投诉引用该记录，无法删除。');
  });

  it('says how long to wait after too many requests, from Retry-After', () => {
    const problem = ApiProblem.from(429, { code: 'rate-limited', detail: 'Slow down and retry after the time in the Retry-After header.' }, new Headers({ 'Retry-After': '30' }));
    expect(show(problem, 'zh-CN')).toHaveTextContent('操作过于频繁，请 30 秒后再试。');
  });

  it('falls back to the server’s English text for a code it does not know', () => {
    const problem = ApiProblem.from(409, { code: 'brand-new-rule', title: 'Business rule violated', detail: 'A brand new rule says no.' });
    expect(show(problem, 'zh-CN')).toHaveTextContent('A brand new rule says no.');
  });

  it('shows field errors no form field shows under the message', () => {
    const problem = ApiProblem.from(400, { code: 'validation' });
    const alert = show(problem, 'en', ['Owner: Does not exist, or you cannot see it.']);
    expect(alert).toHaveTextContent('Some fields need attention.');
    expect(alert).toHaveTextContent('Owner: Does not exist, or you cannot see it.');
  });

  it('says the server could not be reached for a network failure', () => {
    expect(show(new TypeError('Failed to fetch'), 'en')).toHaveTextContent('The server could not be reached');
  });

  it('renders nothing without an error', () => {
    renderWithProviders(<ProblemAlert error={null} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
