// The public survey page: loads the questions of the invitation behind /s/{token}, takes the answers, sends them once,
// and tells every outcome of the public API apart (surveys-contract.md, "The public response API").
import { loadSurvey, submitAnswers, surveyPath, unsubscribe, type Fetch, type PublicQuestion, type PublicSurvey } from './api';
import { missingRequired, placeErrors, toAnswers, type Drafts } from './answers';
import { h, hidden } from './dom';
import { otherLanguage, strings, toLanguage, type Language, type Strings } from './i18n';

export interface SurveyPageOptions {
  root: HTMLElement;
  token: string;
  fetch: Fetch;
  /** The browser's language: the page's words until the invitation's language is known. */
  browserLanguage?: string;
}

type Phase = 'loading' | 'loadFailed' | 'form' | 'thanks' | 'closed' | 'invalid';
type Banner = { text: string; retry: boolean } | null;
type UnsubscribeState = 'idle' | 'busy' | 'done' | 'failed';

export class SurveyPage {
  private readonly root: HTMLElement;
  private readonly token: string;
  private readonly fetcher: Fetch;
  private lang: Language;
  private phase: Phase = 'loading';
  private survey: PublicSurvey | null = null;
  private readonly drafts: Drafts = new Map();
  private errors = new Map<string, string[]>();
  private generalErrors: string[] = [];
  private banner: Banner = null;
  private loadFailure = '';
  private submitting = false;
  private switching = false;
  private unsubscribeState: UnsubscribeState = 'idle';

  constructor(options: SurveyPageOptions) {
    this.root = options.root;
    this.token = options.token;
    this.fetcher = options.fetch;
    this.lang = toLanguage(options.browserLanguage);
  }

  private get t(): Strings {
    return strings[this.lang];
  }

  /** Loads the survey in the invitation's language (or `lang`) and shows it, or what became of the link. */
  async start(lang?: Language): Promise<void> {
    this.phase = 'loading';
    this.render();
    await this.load(lang);
  }

  private async load(lang?: Language): Promise<void> {
    if (!this.token) {
      this.show('invalid');
      return;
    }
    const outcome = await loadSurvey(this.fetcher, this.token, lang);
    switch (outcome.kind) {
      case 'ok':
        this.survey = outcome.value;
        this.lang = toLanguage(outcome.value.language ?? lang);
        this.errors.clear();
        this.generalErrors = [];
        this.banner = null;
        this.show('form');
        return;
      case 'answered':
        return this.show('thanks');
      case 'closed':
        return this.show('closed');
      case 'invalid':
      case 'validation':
        return this.show('invalid');
      case 'rateLimited':
        this.loadFailure = this.t.rateLimited;
        return this.show('loadFailed');
      case 'network':
        this.loadFailure = this.t.network;
        return this.show('loadFailed');
      case 'server':
        this.loadFailure = this.t.serverError;
        return this.show('loadFailed');
    }
  }

  private show(phase: Phase, focus = true): void {
    this.phase = phase;
    this.render();
    if (focus) this.root.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Switches the page's language; with a survey shown, asks the server for its texts in that language (answers kept). */
  async switchLanguage(): Promise<void> {
    const next = otherLanguage(this.lang);
    if (this.phase !== 'form') {
      this.lang = next;
      this.render();
      this.root.querySelector<HTMLElement>('.lang-switch')?.focus();
      return;
    }
    if (this.switching || this.submitting) return;
    this.switching = true;
    const outcome = await loadSurvey(this.fetcher, this.token, next);
    this.switching = false;
    if (outcome.kind === 'ok') {
      this.survey = outcome.value;
      this.lang = toLanguage(outcome.value.language ?? next);
      // The server's messages were in the other language: a new submit brings them again.
      this.errors.clear();
      this.generalErrors = [];
      this.banner = null;
      this.render();
      this.root.querySelector<HTMLElement>('.lang-switch')?.focus();
      return;
    }
    if (outcome.kind === 'answered') return this.show('thanks');
    if (outcome.kind === 'closed') return this.show('closed');
    if (outcome.kind === 'invalid') return this.show('invalid');
    this.banner = { text: outcome.kind === 'rateLimited' ? this.t.rateLimited : this.t.network, retry: false };
    this.render();
  }

  /** Checks the required answers, then sends them once however often it is called meanwhile. */
  async submit(): Promise<void> {
    if (this.submitting || this.switching || !this.survey) return;
    const questions = this.survey.questions;
    const missing = missingRequired(questions, this.drafts);
    if (missing.length > 0) {
      this.errors = new Map(missing.map((id) => [id, [this.t.answerRequired]]));
      this.generalErrors = [];
      this.banner = null;
      this.render();
      this.focusFirstError();
      return;
    }

    const sent = toAnswers(questions, this.drafts);
    this.submitting = true;
    this.banner = null;
    this.updateSubmitButton();
    const outcome = await submitAnswers(this.fetcher, this.token, sent);
    this.submitting = false;
    switch (outcome.kind) {
      case 'ok':
      case 'answered':
        return this.show('thanks');
      case 'closed':
        return this.show('closed');
      case 'invalid':
        return this.show('invalid');
      case 'validation': {
        const placed = placeErrors(outcome.errors, sent);
        this.errors = placed.byQuestion;
        this.generalErrors = placed.general.length > 0 || placed.byQuestion.size > 0 ? placed.general : [outcome.detail ?? this.t.serverError];
        this.render();
        this.focusFirstError();
        return;
      }
      case 'rateLimited':
        this.banner = { text: this.t.rateLimited, retry: false };
        break;
      case 'network':
        this.banner = { text: this.t.network, retry: true };
        break;
      case 'server':
        this.banner = { text: this.t.serverError, retry: true };
        break;
    }
    this.render();
    this.root.querySelector<HTMLElement>('.banner')?.focus();
  }

  async unsubscribe(): Promise<void> {
    if (this.unsubscribeState === 'busy' || this.unsubscribeState === 'done') return;
    this.unsubscribeState = 'busy';
    this.renderUnsubscribe();
    const url = this.survey?.unsubscribeUrl || `${surveyPath(this.token)}/unsubscribe`;
    const outcome = await unsubscribe(this.fetcher, url);
    this.unsubscribeState = outcome.kind === 'ok' ? 'done' : 'failed';
    this.renderUnsubscribe();
    this.root.querySelector<HTMLElement>('.unsubscribe-status')?.focus();
  }

  private focusFirstError(): void {
    const first = this.root.querySelector<HTMLElement>('.question.invalid input, .question.invalid textarea');
    (first ?? this.root.querySelector<HTMLElement>('.error-summary'))?.focus();
  }

  // ——— Rendering ———

  private render(): void {
    const t = this.t;
    document.documentElement.lang = this.lang;
    const title = this.phase === 'form' && this.survey ? this.survey.title : this.phaseTitle();
    document.title = title;
    this.root.setAttribute('aria-busy', String(this.phase === 'loading'));
    const header = h(
      'header',
      { class: 'survey-header' },
      h('h1', { tabindex: -1 }, title),
      this.phase === 'loading'
        ? null
        : h('button', { type: 'button', class: 'lang-switch', lang: otherLanguage(this.lang) }, t.switchLabel),
    );
    header.querySelector('.lang-switch')?.addEventListener('click', () => void this.switchLanguage());
    this.root.replaceChildren(header, ...this.body());
  }

  private phaseTitle(): string {
    const t = this.t;
    switch (this.phase) {
      case 'thanks':
        return t.thanksTitle;
      case 'closed':
        return t.closedTitle;
      case 'invalid':
        return t.invalidTitle;
      case 'loadFailed':
        return this.survey?.title ?? t.surveyTitle;
      default:
        return this.survey?.title ?? t.loading;
    }
  }

  private body(): Node[] {
    const t = this.t;
    switch (this.phase) {
      case 'loading':
        return [h('p', { role: 'status', class: 'status' }, t.loading)];
      case 'loadFailed': {
        const retry = h('button', { type: 'button', class: 'primary' }, t.retry);
        retry.addEventListener('click', () => void this.start(this.survey ? this.lang : undefined));
        return [h('p', { role: 'alert', class: 'banner' }, this.loadFailure), retry];
      }
      case 'thanks':
        return [h('p', { class: 'status' }, t.thanksBody), this.unsubscribeFooter()];
      case 'closed':
        return [h('p', { class: 'status' }, t.closedBody), this.unsubscribeFooter()];
      case 'invalid':
        return [h('p', { class: 'status' }, t.invalidBody)];
      case 'form':
        return [this.form(), this.unsubscribeFooter()];
    }
  }

  private form(): HTMLFormElement {
    const t = this.t;
    const survey = this.survey!;
    const closes = survey.closesAt ? formatDate(survey.closesAt, this.lang) : null;
    const problems = this.errors.size + this.generalErrors.length;
    const form = h(
      'form',
      { novalidate: true, class: 'survey-form' },
      closes ? h('p', { class: 'closes' }, t.closesAt(closes)) : null,
      survey.questions.some((q) => q.required) ? h('p', { class: 'required-note' }, t.requiredNote) : null,
      problems > 0
        ? h(
            'div',
            { class: 'error-summary', role: 'alert', tabindex: -1 },
            h('p', {}, t.errorSummary(problems)),
            ...this.generalErrors.map((m) => h('p', {}, m)),
          )
        : null,
      ...survey.questions.map((q, i) => this.question(q, i)),
      this.banner
        ? h('div', { class: 'banner', role: 'alert', tabindex: -1 }, h('p', {}, this.banner.text))
        : null,
      h('button', { type: 'submit', class: 'primary submit' }, t.submit),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.updateSubmitButton(form);
    return form;
  }

  private updateSubmitButton(scope: ParentNode = this.root): void {
    const button = scope.querySelector<HTMLButtonElement>('button.submit');
    if (!button) return;
    // aria-disabled, not disabled: the button keeps the focus while the answers are on their way.
    button.setAttribute('aria-disabled', String(this.submitting));
    button.textContent = this.submitting ? this.t.submitting : this.banner?.retry ? this.t.retry : this.t.submit;
  }

  private legendContent(q: PublicQuestion, index: number): (Node | string)[] {
    return [
      h('span', { class: 'q-number' }, `${index + 1}. `),
      q.text,
      q.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : '',
      q.required ? hidden(` (${this.t.required})`) : '',
    ];
  }

  private errorLine(q: PublicQuestion, id: string): HTMLElement | null {
    const messages = this.errors.get(q.id);
    return messages ? h('p', { class: 'error', id }, ...messages.flatMap((m, i) => (i ? [h('br'), m] : [m]))) : null;
  }

  private question(q: PublicQuestion, index: number): HTMLElement {
    const id = `q${index}`;
    const errorId = `${id}-error`;
    const invalid = this.errors.has(q.id);
    const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || null;
    const draft = this.drafts.get(q.id);

    if (q.type === 'Text') {
      const max = q.maxLength ?? 2000;
      const counterId = `${id}-counter`;
      const area = h('textarea', {
        id: `${id}-text`,
        name: id,
        rows: 4,
        maxlength: max,
        required: q.required,
        'aria-invalid': invalid ? 'true' : null,
        'aria-describedby': describedBy(counterId, invalid && errorId),
      });
      area.value = draft?.text ?? '';
      const counter = h('p', { class: 'counter', id: counterId }, this.t.counter(area.value.length, max));
      area.addEventListener('input', () => {
        this.drafts.set(q.id, { text: area.value });
        counter.textContent = this.t.counter(area.value.length, max);
      });
      return h(
        'div',
        { class: `question text${invalid ? ' invalid' : ''}`, 'data-question': q.id },
        h('label', { for: area.id, class: 'legend' }, ...this.legendContent(q, index)),
        this.errorLine(q, errorId),
        area,
        counter,
      );
    }

    const fieldset = h('fieldset', { class: `question ${q.type.toLowerCase()}${invalid ? ' invalid' : ''}`, 'data-question': q.id });
    fieldset.append(h('legend', {}, ...this.legendContent(q, index)));
    const error = this.errorLine(q, errorId);
    if (error) fieldset.append(error);

    if (q.type === 'Nps' || q.type === 'Rating') {
      const [low, high] = q.type === 'Nps' ? [0, 10] : [1, 5];
      const endsId = `${id}-ends`;
      const hasEnds = Boolean(q.lowLabel || q.highLabel);
      const scale = h('div', { class: `scale scale-${high - low + 1}` });
      for (let n = low; n <= high; n++) {
        const input = h('input', {
          type: 'radio',
          class: 'vh-input',
          id: `${id}-${n}`,
          name: id,
          value: n,
          required: q.required,
          checked: draft?.number === n,
          'aria-invalid': invalid ? 'true' : null,
          'aria-describedby': describedBy(hasEnds && endsId, invalid && errorId),
        });
        input.addEventListener('change', () => this.drafts.set(q.id, { number: n }));
        const endLabel = n === low ? q.lowLabel : n === high ? q.highLabel : null;
        scale.append(input, h('label', { for: input.id }, String(n), endLabel ? hidden(` ${endLabel}`) : null));
      }
      fieldset.append(scale);
      if (hasEnds) {
        fieldset.append(
          h(
            'div',
            { class: 'scale-ends', id: endsId },
            h('span', {}, `${low} = ${q.lowLabel ?? ''}`),
            h('span', {}, `${high} = ${q.highLabel ?? ''}`),
          ),
        );
      }
      return fieldset;
    }

    const multi = q.type === 'MultiChoice';
    const list = h('div', { class: 'choices' });
    for (const [i, choice] of (q.choices ?? []).entries()) {
      const input = h('input', {
        type: multi ? 'checkbox' : 'radio',
        id: `${id}-${i}`,
        name: id,
        value: choice.key,
        required: !multi && q.required,
        checked: draft?.choices?.includes(choice.key) ?? false,
        'aria-invalid': invalid ? 'true' : null,
        'aria-describedby': describedBy(invalid && errorId),
      });
      input.addEventListener('change', () => {
        const chosen = [...list.querySelectorAll<HTMLInputElement>('input:checked')].map((c) => c.value);
        this.drafts.set(q.id, { choices: chosen });
      });
      list.append(h('label', { class: 'choice', for: input.id }, input, h('span', {}, choice.label)));
    }
    fieldset.append(list);
    return fieldset;
  }

  private unsubscribeFooter(): HTMLElement {
    const footer = h('footer', { class: 'survey-footer' });
    this.fillUnsubscribe(footer);
    return footer;
  }

  private renderUnsubscribe(): void {
    const footer = this.root.querySelector<HTMLElement>('.survey-footer');
    if (footer) this.fillUnsubscribe(footer);
  }

  private fillUnsubscribe(footer: HTMLElement): void {
    const t = this.t;
    const state = this.unsubscribeState;
    const children: Node[] = [];
    if (state !== 'done') {
      const button = h('button', { type: 'button', class: 'link unsubscribe', 'aria-disabled': state === 'busy' ? 'true' : null }, state === 'busy' ? t.unsubscribing : t.unsubscribe);
      button.addEventListener('click', () => void this.unsubscribe());
      children.push(button);
    }
    const message = state === 'done' ? t.unsubscribed : state === 'failed' ? t.unsubscribeFailed : '';
    children.push(h('p', { class: 'unsubscribe-status', role: 'status', tabindex: -1 }, message));
    footer.replaceChildren(...children);
  }
}

function formatDate(iso: string, lang: Language): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // In the reader's time zone, named: an invitation may reach someone travelling.
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(date);
}
