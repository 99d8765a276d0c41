import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { I18nProvider } from '../i18n/I18nProvider';
import { ApiProblem } from './problem';
import { ProblemAlert } from './ProblemAlert';

describe('ProblemAlert', () => {
  it('shows a readable, translated title with the detail and trace id — never raw JSON', () => {
    const problem = new ApiProblem(409, { title: 'Conflict', detail: 'Another account already has this registration number.', traceId: '00-trace-1' });
    render(
      <I18nProvider locale="zh-CN">
        <ProblemAlert error={problem} />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('与现有数据冲突');
    expect(screen.getByRole('alert')).toHaveTextContent('Another account already has this registration number.');
    expect(screen.getByRole('alert')).toHaveTextContent('00-trace-1');
    expect(screen.getByRole('alert').textContent).not.toContain('{');
  });

  it('says the server could not be reached for a network failure', () => {
    render(
      <I18nProvider locale="en">
        <ProblemAlert error={new TypeError('Failed to fetch')} />
      </I18nProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The server could not be reached');
  });

  it('renders nothing without an error', () => {
    render(
      <I18nProvider locale="en">
        <ProblemAlert error={null} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
