import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { SLOW, confirmPopconfirm, fakeApiPerTest, json, renderWithProviders, setupUser } from '../../test';
import { templateFixture } from './fixtures';
import TemplateBuilderPage from './TemplateBuilderPage';

const api = fakeApiPerTest();
const T = '/api/v1/surveys/templates/t2';
const draft = () => templateFixture({ id: 't2', status: 'Draft', templateVersion: 2, previousVersionId: 't1', publishedAt: null, allowedActions: ['edit', 'publish'] });

describe('TemplateBuilderPage', () => {
  it('builds a new template: questions of each type with both languages, in the order set, sent once with an Idempotency-Key', async () => {
    const user = setupUser();
    api.on('POST', '/api/v1/surveys/templates', json(201, draft(), { ETag: '"1"' }));
    api.on('GET', T, json(200, draft(), { ETag: '"1"' }));
    renderWithProviders(<TemplateBuilderPage />, { url: '/surveys/templates/new', path: '/surveys/templates/new', routes: { '/surveys/templates/:id': <div data-testid="template-page" /> } });
    await user.type(await screen.findByTestId('template-name'), '交付满意度调查');
    await user.click(screen.getByTestId('add-Text'));
    await user.click(screen.getByTestId('add-Nps'));
    await user.click(screen.getByTestId('add-SingleChoice'));
    let editors = screen.getAllByTestId('question-editor');
    expect(editors.map((e) => e.getAttribute('data-type'))).toEqual(['Text', 'Nps', 'SingleChoice']);
    // The NPS question first: up once.
    await user.click(within(editors[1]!).getByTestId('question-up'));
    editors = screen.getAllByTestId('question-editor');
    expect(editors.map((e) => e.getAttribute('data-type'))).toEqual(['Nps', 'Text', 'SingleChoice']);
    await user.type(within(editors[0]!).getByTestId('question-text-zh'), '您向同事推荐我们的可能性有多大？');
    await user.type(within(editors[0]!).getByTestId('question-text-en'), 'How likely are you to recommend us?');
    await user.type(within(editors[1]!).getByTestId('question-text-zh'), '建议');
    await user.type(within(editors[1]!).getByTestId('question-text-en'), 'Ideas');
    await user.type(within(editors[2]!).getByTestId('question-text-zh'), '看重什么？');
    await user.type(within(editors[2]!).getByTestId('question-text-en'), 'What matters?');
    await user.type(within(editors[2]!).getByLabelText('Chinese label of choice 1'), '质量');
    await user.type(within(editors[2]!).getByLabelText('English label of choice 1'), 'Quality');
    await user.type(within(editors[2]!).getByLabelText('Chinese label of choice 2'), '交付');
    await user.type(within(editors[2]!).getByLabelText('English label of choice 2'), 'Delivery');
    await user.click(screen.getByTestId('template-save'));
    expect(await screen.findByTestId('template-page')).toBeInTheDocument();
    const [sent] = api.sent('POST', '/api/v1/surveys/templates');
    expect(sent!.headers.get('Idempotency-Key')).toBeTruthy();
    expect(sent!.body).toEqual({
      name: '交付满意度调查',
      description: null,
      questions: [
        { id: null, type: 'Nps', required: true, text: { zh: '您向同事推荐我们的可能性有多大？', en: 'How likely are you to recommend us?' }, lowLabel: null, highLabel: null, choices: null, maxLength: null },
        { id: null, type: 'Text', required: false, text: { zh: '建议', en: 'Ideas' }, lowLabel: null, highLabel: null, choices: null, maxLength: 2000 },
        {
          id: null,
          type: 'SingleChoice',
          required: true,
          text: { zh: '看重什么？', en: 'What matters?' },
          lowLabel: null,
          highLabel: null,
          choices: [
            { key: 'a', label: { zh: '质量', en: 'Quality' } },
            { key: 'b', label: { zh: '交付', en: 'Delivery' } },
          ],
          maxLength: null,
        },
      ],
    });
  }, SLOW);

  it('puts a 400’s errors on their question and the name, in Chinese', async () => {
    const user = setupUser();
    api.on('GET', T, json(200, draft(), { ETag: '"4"' }));
    api.on(
      'PUT',
      T,
      json(400, {
        code: 'validation-failed',
        title: 'Invalid',
        status: 400,
        errors: {
          name: [{ code: 'required', message: 'Required.' }],
          'questions[1].lowLabel': [{ code: 'survey-question-labels-not-allowed', message: 'Only NPS and rating questions have labels.' }],
        },
      }),
    );
    renderWithProviders(<TemplateBuilderPage />, { url: '/surveys/templates/t2', path: '/surveys/templates/:id', locale: 'zh-CN' });
    const editors = await screen.findAllByTestId('question-editor');
    await user.clear(screen.getByTestId('template-name'));
    await user.click(screen.getByTestId('template-save'));
    await waitFor(() => expect(api.sent('PUT', T)).toHaveLength(1));
    expect(api.sent('PUT', T)[0]!.headers.get('If-Match')).toBe('"4"');
    expect(await within(editors[1]!).findByTestId('question-error')).toHaveTextContent('只有 NPS 和评分题可以设置两端的标签。');
    expect(within(editors[0]!).queryByTestId('question-error')).toBeNull();
  }, SLOW);

  it('publishes a draft with its If-Match, and says so on a 412', async () => {
    const user = setupUser();
    api.on('GET', T, json(200, draft(), { ETag: '"4"' }));
    api.on('POST', `${T}/publish`, json(412, { code: 'stale-version', title: 'Changed', status: 412 }), json(200, templateFixture({ id: 't2', templateVersion: 2, previousVersionId: 't1' }), { ETag: '"5"' }));
    renderWithProviders(<TemplateBuilderPage />, { url: '/surveys/templates/t2', path: '/surveys/templates/:id' });
    await user.click(await screen.findByTestId('template-publish'));
    await confirmPopconfirm(user);
    expect(await screen.findByTestId('template-stale')).toBeInTheDocument();
    expect(api.sent('POST', `${T}/publish`)[0]!.headers.get('If-Match')).toBe('"4"');
    // Nothing was changed here: no save before publishing.
    expect(api.sent('PUT', T)).toHaveLength(0);
    await user.click(screen.getByTestId('template-publish'));
    await confirmPopconfirm(user);
    expect(await screen.findByTestId('template-view')).toBeInTheDocument();
    expect(screen.getByTestId('template-status')).toHaveAttribute('data-status', 'Published');
  }, SLOW);

  it('shows a published version read-only and revises it into the next version’s draft', async () => {
    const user = setupUser();
    api.on('GET', '/api/v1/surveys/templates/t1', json(200, templateFixture(), { ETag: '"2"' }));
    api.on('POST', '/api/v1/surveys/templates/t1/revise', json(201, draft(), { ETag: '"1"' }));
    renderWithProviders(<TemplateBuilderPage />, { url: '/surveys/templates/t1', path: '/surveys/templates/:id', routes: { '/surveys/templates/t2': <div data-testid="draft-page" /> } });
    const view = await screen.findByTestId('template-view');
    expect(within(view).getAllByTestId('question-view')).toHaveLength(3);
    expect(within(view).getByText('How likely is it that you would recommend us to a colleague?')).toBeInTheDocument();
    expect(within(view).getByText('您向同事或合作伙伴推荐我们的可能性有多大？')).toBeInTheDocument();
    expect(screen.queryByTestId('template-save')).toBeNull();
    await user.click(screen.getByTestId('template-revise'));
    expect(await screen.findByTestId('draft-page')).toBeInTheDocument();
    expect(api.sent('POST', '/api/v1/surveys/templates/t1/revise')[0]!.headers.get('Idempotency-Key')).toBeTruthy();
  }, SLOW);
});
