// The respondent's answers as the page holds them (kept across a language switch and a failed submit), what is sent,
// and where the server's objections land. The answer rule itself is the server's (SurveyTemplate.Check): the page only
// points out a required question left empty before sending, so that nobody waits on a round trip for that.
import type { Answer, PublicQuestion } from './api';

export interface Draft {
  number?: number;
  choices?: string[];
  text?: string;
}

export type Drafts = Map<string, Draft>;

/** Whether the respondent has given an answer to the question (a blank text is none). */
export function isAnswered(question: PublicQuestion, draft: Draft | undefined): boolean {
  if (!draft) return false;
  switch (question.type) {
    case 'Nps':
    case 'Rating':
      return typeof draft.number === 'number';
    case 'SingleChoice':
    case 'MultiChoice':
      return (draft.choices?.length ?? 0) > 0;
    case 'Text':
      return (draft.text ?? '').trim().length > 0;
  }
}

/** The body's answers, in the questions' order: one per answered question, none for a question left empty. */
export function toAnswers(questions: PublicQuestion[], drafts: Drafts): Answer[] {
  const answers: Answer[] = [];
  for (const question of questions) {
    const draft = drafts.get(question.id);
    if (!isAnswered(question, draft)) continue;
    switch (question.type) {
      case 'Nps':
      case 'Rating':
        answers.push({ questionId: question.id, number: draft!.number });
        break;
      case 'SingleChoice':
      case 'MultiChoice':
        answers.push({ questionId: question.id, choices: [...draft!.choices!] });
        break;
      case 'Text':
        answers.push({ questionId: question.id, text: draft!.text });
        break;
    }
  }
  return answers;
}

/** The required questions left without an answer (their ids). */
export function missingRequired(questions: PublicQuestion[], drafts: Drafts): string[] {
  return questions.filter((q) => q.required && !isAnswered(q, drafts.get(q.id))).map((q) => q.id);
}

export interface PlacedErrors {
  /** Messages by question id. */
  byQuestion: Map<string, string[]>;
  /** Messages that belong to no single question (e.g. `answers`: a required question without an answer). */
  general: string[];
}

/**
 * Places a 400's `errors` on the questions: a key `answers[i].<field>` names the i-th answer of the body that was
 * sent, so `sent[i].questionId` is its question. Anything else is general.
 */
export function placeErrors(errors: Record<string, string[]>, sent: Answer[]): PlacedErrors {
  const byQuestion = new Map<string, string[]>();
  const general: string[] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const match = /^answers\[(\d+)\]/i.exec(key);
    const questionId = match ? sent[Number(match[1])]?.questionId : undefined;
    if (questionId) byQuestion.set(questionId, [...(byQuestion.get(questionId) ?? []), ...messages]);
    else general.push(...messages);
  }
  return { byQuestion, general };
}
