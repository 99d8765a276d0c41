import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { changeType, formatBeijing, fromBeijingPicker, move, newQuestion, placeAnswerErrors, questionErrorPath, toAnswerInputs, toBeijingPicker, toQuestionInputs } from './model';
import { templateFixture } from './fixtures';

describe('Beijing time', () => {
  it('shows an instant as its Beijing wall time and sends the wall time with +08:00, whatever the browser’s zone', () => {
    const picked = toBeijingPicker('2027-03-01T01:00:00Z')!;
    expect(picked.format('YYYY-MM-DD HH:mm')).toBe('2027-03-01 09:00');
    expect(fromBeijingPicker(picked)).toBe('2027-03-01T09:00:00+08:00');
    // Across midnight in UTC: 20:30 UTC is 04:30 the next day in Beijing.
    expect(toBeijingPicker('2027-03-31T20:30:00Z')!.format('YYYY-MM-DD HH:mm')).toBe('2027-04-01 04:30');
    expect(fromBeijingPicker(dayjs(new Date(2027, 2, 31, 18, 0)))).toBe('2027-03-31T18:00:00+08:00');
    expect(toBeijingPicker(null)).toBeUndefined();
  });

  it('formats in Beijing time', () => {
    expect(formatBeijing('en', '2027-03-01T01:00:00Z')).toContain('09:00');
    expect(formatBeijing('zh-CN', '2027-03-31T16:30:00Z')).toContain('00:30');
  });
});

describe('the template builder’s questions', () => {
  it('sends the texts trimmed, labels only for scales, choices only for choice questions, a longest answer only for text', () => {
    const nps = { ...newQuestion('Nps'), text: { zh: ' 推荐的可能性？ ', en: 'Recommend? ' } };
    const single = { ...newQuestion('SingleChoice'), text: { zh: '看重什么？', en: 'What matters?' } };
    const text = { ...newQuestion('Text'), id: 'keep', text: { zh: '建议', en: 'Ideas' } };
    const [a, b, c] = toQuestionInputs([nps, single, text]);
    expect(a).toMatchObject({ type: 'Nps', required: true, text: { zh: '推荐的可能性？', en: 'Recommend?' }, lowLabel: null, highLabel: null, choices: null, maxLength: null, id: null });
    expect(b!.choices).toHaveLength(2);
    expect(b!.lowLabel).toBeNull();
    expect(c).toMatchObject({ id: 'keep', required: false, maxLength: 2000, choices: null });
  });

  it('keeps the texts across a type change and drops what the new type lacks', () => {
    const q = { ...newQuestion('SingleChoice'), text: { zh: '题目', en: 'Question' } };
    const rating = changeType(q, 'Rating');
    expect(rating.text).toEqual({ zh: '题目', en: 'Question' });
    expect(rating.choices).toEqual([]);
    expect(rating.lowLabel).toEqual({ zh: '', en: '' });
  });

  it('moves a question up and down within the list only', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });

  it('reads the question of a field error', () => {
    expect(questionErrorPath('questions[2].choices[0].key')).toEqual({ index: 2, rest: 'choices[0].key' });
    expect(questionErrorPath('questions[0]')).toEqual({ index: 0, rest: '' });
    expect(questionErrorPath('name')).toBeNull();
  });
});

describe('the phone form’s answers', () => {
  const questions = templateFixture().questions;

  it('sends one answer per answered question, in order, and none for a blank text', () => {
    const answers = toAnswerInputs(questions, { 'q-text': { text: '   ' }, 'q-rating': { number: 2 }, 'q-nps': { number: 0 } });
    expect(answers).toEqual([
      { questionId: 'q-nps', number: 0 },
      { questionId: 'q-rating', number: 2 },
    ]);
  });

  it('places answers[i] errors on the question of the i-th answer sent', () => {
    const sent = [{ questionId: 'q-nps', number: 11 }, { questionId: 'q-rating', number: 9 }];
    const placed = placeAnswerErrors({ 'answers[1].number': ['1–5'], answers: ['Question 3 needs an answer.'] }, sent);
    expect(placed.byQuestion).toEqual({ 'q-rating': ['1–5'] });
    expect(placed.general).toEqual(['Question 3 needs an answer.']);
  });
});

describe('the problems of a campaign step', () => {
  it('name the campaign’s statuses and steps in the user’s language', async () => {
    const { createProblemText } = await import('../../shared/problemText');
    const { errorCatalogues } = await import('../../i18n/errors');
    const { zhCN } = await import('../../i18n/messages/zh-CN');
    const { ApiProblem } = await import('../../shared/problem');
    const text = createProblemText('zh-CN', errorCatalogues['zh-CN'], zhCN);
    const problem = new ApiProblem(409, { code: 'survey-campaign-transition-not-allowed', args: { from: 'Scheduled', action: 'schedule', allowedFrom: ['Draft'] } });
    expect(text.message(problem)).toBe('该调查活动当前为“已排期”状态，无法执行“排期”；只有处于“草稿”状态时才能执行此步骤。');
  });
});
