import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AssessmentRecord, AssessmentRequest, MeetingAssessmentResponse } from '../../client/index.js';
import { scoreOf, type AssessmentFrame } from '../../core/index.js';
import { ApiElement } from '../shared/api-element.js';
import { API_STRINGS } from '../shared/api-element.strings.js';
import { consoleStyles } from '../shared/console-styles.js';
import { formatDateTime, formatNumber, plural } from '../shared/format.js';
import { baseStyles } from '../shared/styles.js';
import { AssessmentRecordedEvent, AssessmentRequestEvent } from './meeting-assessment.events.js';
import { meetingAssessmentStyles } from './meeting-assessment.styles.js';
import { STRINGS, type AssessmentKey } from './meeting-assessment.strings.js';

/** The written parts of the form. */
type Part = 'strengths' | 'limitations' | 'lessons';
const PARTS: readonly Part[] = ['strengths', 'limitations', 'lessons'];
const MAX_TEXT = 4000;

/** The live total of the points typed so far. */
type Total =
  | { readonly complete: true; readonly score: number; readonly grade: string; readonly gradeId: string }
  | { readonly complete: false; readonly missing: number; readonly score: number };

/**
 * The assessment after a meeting (seed 004: the upper level gives its
 * feedback right after each meeting: strengths, limitations, lessons).
 * With `delegate` set, the delegate's form: the three parts and a score by
 * each criterion of the province's scoring frame (from the server), with
 * the total and its grade shown live by the frame's values (by default Tốt
 * ≥ 90, Khá ≥ 70, Trung bình ≥ 50, else Kém); sending it again replaces the
 * delegate's earlier one. Without it, the cell's read-only view of the
 * feedback, with the mean score and grade. The server keeps the assessments
 * with the minutes.
 *
 * @tagname meeting-assessment
 * @summary A delegate's assessment of a meeting by the scoring frame, and the cell's view of the feedback.
 * @event party-assessment-request - Before the assessment is sent (`detail.meetingId`, `detail.request`); cancelable.
 * @event party-assessment-recorded - After the server recorded it (`detail.assessment`).
 * @event party-api-error - When a request failed (`detail.status`, `detail.code`).
 * @csspart title - The heading.
 * @csspart form - The delegate's form.
 * @csspart total - The live total and grade.
 * @csspart submit - The send button.
 * @csspart feedback - The list of assessments.
 * @csspart grade - A grade badge.
 * @csspart failure - A failed request, with its retry button.
 * @cssproperty --party-accent - Accent colour of the primary button.
 * @cssproperty --party-ok - Colour of the grade Tốt.
 * @cssproperty --party-warn - Colour of the grade Trung bình.
 * @cssproperty --party-danger - Colour of the grade Kém and of errors.
 * @cssproperty --party-surface - Background of boxes and fields.
 * @cssproperty --party-border - Border colour.
 */
export class MeetingAssessment extends ApiElement {
  static override styles = [baseStyles, consoleStyles, meetingAssessmentStyles];

  /** The meeting's id. */
  @property() meeting = '';
  /** The delegate who assesses (their participant id); empty: the cell's read-only view. */
  @property() delegate = '';

  @state() private data?: MeetingAssessmentResponse;
  /** Which meeting this is, in words (from its minutes); empty until read, or when they cannot be. */
  @state() private about = '';
  @state() private texts: Readonly<Record<Part, string>> = { strengths: '', limitations: '', lessons: '' };
  @state() private points: Readonly<Record<string, string>> = {};
  @state() private invalid?: string;
  @state() private formError = '';
  @state() private sending = false;
  @state() private recorded = '';

  private s = (key: AssessmentKey, params?: Record<string, string | number>): string => this.local(STRINGS, key, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('api') || changed.has('token') || changed.has('meeting') || changed.has('delegate')) {
      if (changed.has('meeting') || changed.has('delegate')) {
        // Another meeting or delegate: nothing of the last one's form or feedback stays on screen.
        this.data = undefined;
        this.texts = { strengths: '', limitations: '', lessons: '' };
        this.points = {};
        this.invalid = undefined;
        this.formError = '';
        this.recorded = '';
      }
      this.about = '';
      this.reload();
    }
  }

  protected override reload(): void {
    if (this.token && this.meeting) void this.loadFeedback(true);
  }

  private async loadFeedback(fillForm: boolean): Promise<void> {
    const data = await this.load(async (client, signal) => {
      const [feedback, minutes] = await Promise.all([
        client.assessment(this.meeting, signal),
        // Only to name the meeting: without its minutes the form still works.
        fillForm ? client.minutes(this.meeting, signal).catch(() => undefined) : undefined,
      ]);
      if (minutes) {
        // The minutes' title is the biên bản's heading, not the meeting's: the cell and the opening time name it.
        const { organization, openedAt } = minutes.minutes;
        this.about = openedAt ? this.s('about', { cell: organization.cell, when: formatDateTime(this.language, openedAt) }) : organization.cell;
      }
      return feedback;
    });
    if (!data) return;
    this.data = data;
    const mine = data.assessments.find((a) => a.delegateId === this.delegate);
    if (fillForm && mine) {
      this.texts = { strengths: mine.strengths, limitations: mine.limitations, lessons: mine.lessons };
      this.points = Object.fromEntries(Object.entries(mine.criteria ?? {}).map(([id, p]) => [id, String(p)]));
    }
  }

  /** The total of the points typed: complete with its grade once every criterion has a valid score. */
  private totalOf(frame: AssessmentFrame): Total {
    const given: Record<string, number> = {};
    let score = 0;
    for (const c of frame.criteria) {
      const raw = this.points[c.id]?.trim() ?? '';
      const value = Number(raw);
      if (raw !== '' && Number.isInteger(value) && value >= 0 && value <= c.maxPoints) {
        given[c.id] = value;
        score += value;
      }
    }
    const missing = frame.criteria.length - Object.keys(given).length;
    if (missing > 0) return { complete: false, missing, score };
    const result = scoreOf(given, frame);
    if (!result.ok) return { complete: false, missing: result.problems.length, score };
    return { complete: true, score: result.score, grade: result.grade.name[this.language], gradeId: result.grade.id };
  }

  private handleSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const data = this.data;
    if (!data || this.sending) return;
    this.recorded = '';
    const problem = this.problem(data.frame);
    if (problem) {
      this.invalid = problem.field;
      this.formError = problem.message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${problem.field}`)?.focus();
      return;
    }
    const criteria = Object.fromEntries(data.frame.criteria.map((c) => [c.id, Number(this.points[c.id])]));
    const request: AssessmentRequest = {
      delegateId: this.delegate,
      strengths: this.texts.strengths.trim(),
      limitations: this.texts.limitations.trim(),
      lessons: this.texts.lessons.trim(),
      criteria,
    };
    if (!this.dispatchEvent(new AssessmentRequestEvent({ meetingId: this.meeting, request }))) return;
    this.sending = true;
    const result = await this.act((client) => client.recordAssessment(this.meeting, request));
    this.sending = false;
    if (!result.ok) {
      const field = result.error.field;
      const criterion = field?.startsWith('criteria.') ? field.slice('criteria.'.length) : undefined;
      this.invalid = criterion ? `points-${criterion}` : field && (PARTS as readonly string[]).includes(field) ? field : undefined;
      this.formError = result.error.text(this.language);
      return;
    }
    const { assessment } = result.value;
    this.recorded =
      assessment.score !== undefined && assessment.grade
        ? this.s('recorded', { score: formatNumber(this.language, assessment.score), grade: assessment.grade[this.language] })
        : this.s('recorded.unscored');
    this.dispatchEvent(new AssessmentRecordedEvent(result.value));
    await this.loadFeedback(false);
  };

  /** The first thing to fix before sending: a part, or a criterion's points (the core's own words). */
  private problem(frame: AssessmentFrame): { field: string; message: string } | undefined {
    if (!this.texts.strengths.trim() || this.texts.strengths.length > MAX_TEXT) return { field: 'strengths', message: this.s('error.strengths') };
    for (const part of PARTS) if (this.texts[part].length > MAX_TEXT) return { field: part, message: this.s('error.too-long') };
    const given = Object.fromEntries(
      frame.criteria.flatMap((c) => {
        const raw = this.points[c.id]?.trim() ?? '';
        return raw === '' ? [] : [[c.id, Number(raw)]];
      }),
    );
    const result = scoreOf(given, frame);
    if (result.ok) return undefined;
    const first = result.problems[0]!;
    return { field: `points-${first.criterionId}`, message: first.reason[this.language] };
  }

  protected override render() {
    if (!this.token || !this.meeting) return html`<p class="muted" data-no-api>${this.local(API_STRINGS, 'no-api')}</p>`;
    const data = this.data;
    return html`<section aria-labelledby="assessment-title">
      <h2 id="assessment-title" part="title">${this.s('title')}</h2>
      ${this.about ? html`<p class="about" data-about>${this.about}</p>` : nothing}
      ${this.renderFailure()} ${this.renderLoading()}
      ${data
        ? html`${this.delegate
            ? data.phase === 'closed'
              ? this.renderForm(data)
              : html`<p class="note" data-not-closed>${this.s('not-closed')}</p>`
            : nothing}
          ${this.renderFeedback(data)}`
        : nothing}
    </section>`;
  }

  private renderForm(data: MeetingAssessmentResponse) {
    const { frame } = data;
    const mine = data.assessments.find((a) => a.delegateId === this.delegate);
    const total = this.totalOf(frame);
    const described = (id: string, hint?: string) => [hint, this.invalid === id ? 'form-error' : undefined].filter(Boolean).join(' ') || undefined;
    return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${this.handleSubmit}>
      <h3 id="form-title">${this.s('form.title')}</h3>
      ${mine ? html`<p class="muted" data-previous>${this.s('form.previous', { when: formatDateTime(this.language, mine.recordedAt) })}</p>` : nothing}
      ${PARTS.map(
        (part) => html`<div class="field">
          <label for=${part}>${this.s(part)}</label>
          ${part === 'strengths' ? html`<p class="hint" id="strengths-hint">${this.s('strengths.hint')}</p>` : nothing}
          <textarea
            id=${part}
            rows="3"
            maxlength=${MAX_TEXT}
            .value=${this.texts[part]}
            aria-invalid=${this.invalid === part ? 'true' : 'false'}
            aria-describedby=${ifDefined(described(part, part === 'strengths' ? 'strengths-hint' : undefined))}
            @input=${(e: InputEvent) => this.handleText(part, (e.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>`,
      )}
      <fieldset class="criteria" aria-describedby="grades">
        <legend>${this.s('criteria.title', { frame: frame.name[this.language] })}</legend>
        ${frame.criteria.map((c) => {
          const id = `points-${c.id}`;
          return html`<div class="criterion">
            <label for=${id}>${this.s('criteria.points', { name: c.name[this.language], max: c.maxPoints })}</label>
            <input
              id=${id}
              type="number"
              inputmode="numeric"
              min="0"
              max=${c.maxPoints}
              step="1"
              .value=${this.points[c.id] ?? ''}
              aria-invalid=${this.invalid === id ? 'true' : 'false'}
              aria-describedby=${ifDefined(described(id))}
              @input=${(e: InputEvent) => this.handlePoints(c.id, (e.target as HTMLInputElement).value)}
            />
          </div>`;
        })}
        <p class="grades" id="grades">
          ${this.s('grades.title')}:
          ${frame.grades.map((g, i) => html`${i > 0 ? '; ' : ''}${this.s('grades.band', { grade: g.name[this.language], min: g.minScore })}`)}
        </p>
      </fieldset>
      <p class="total ${total.complete ? `grade-${total.gradeId}` : ''}" part="total" role="status" data-total>
        ${total.complete
          ? this.s('total.done', { score: formatNumber(this.language, total.score), max: frame.maxScore, grade: total.grade })
          : plural(STRINGS, this.language, 'total.partial', total.missing, { score: formatNumber(this.language, total.score) })}
      </p>
      <p role="alert" id="form-error" data-error>${this.formError}</p>
      <div class="controls">
        <button type="submit" class="primary" part="submit" data-action="send" ?disabled=${this.sending}>${this.s(this.sending ? 'sending' : 'submit')}</button>
      </div>
      <p role="status" class="done" data-recorded>${this.recorded}</p>
    </form>`;
  }

  private handleText(part: Part, value: string): void {
    this.texts = { ...this.texts, [part]: value };
    this.clearProblem(part);
  }

  private handlePoints(criterionId: string, value: string): void {
    this.points = { ...this.points, [criterionId]: value };
    this.clearProblem(`points-${criterionId}`);
  }

  private clearProblem(field: string): void {
    if (this.invalid === field) {
      this.invalid = undefined;
      this.formError = '';
    }
    this.recorded = '';
  }

  private renderFeedback(data: MeetingAssessmentResponse) {
    const { summary } = data;
    return html`<section class="feedback" part="feedback" aria-labelledby="feedback-title">
      <h3 id="feedback-title">${this.s('feedback.title')}</h3>
      ${data.assessments.length === 0
        ? html`<p class="muted" data-feedback-none>${this.s('feedback.none')}</p>`
        : html`<p class="summary" data-summary>
              ${summary.score !== undefined && summary.grade
                ? plural(STRINGS, this.language, 'feedback.summary', summary.count, {
                    score: formatNumber(this.language, summary.score),
                    grade: summary.grade[this.language],
                  })
                : plural(STRINGS, this.language, 'feedback.summary-unscored', summary.count)}
            </p>
            <ul>
              ${data.assessments.map((a) => this.renderAssessment(data.frame, a))}
            </ul>`}
    </section>`;
  }

  private renderAssessment(frame: AssessmentFrame, a: AssessmentRecord) {
    const criteria = a.criteria;
    return html`<li data-delegate-id=${a.delegateId}>
      <p class="by">
        <strong>${this.s('feedback.by', { name: a.delegateName ?? a.delegateId, when: formatDateTime(this.language, a.recordedAt) })}</strong>
        ${a.score !== undefined && a.grade
          ? html`<span class="badge grade-${a.grade.id}" part="grade" data-grade=${a.grade.id}
              >${this.s('feedback.score', { score: formatNumber(this.language, a.score), grade: a.grade[this.language] })}</span
            >`
          : nothing}
      </p>
      <dl>
        ${PARTS.map(
          (part) => html`<dt>${this.s(part)}</dt>
            <dd class="text" data-part=${part}>${a[part] || this.s('feedback.empty-part')}</dd>`,
        )}
      </dl>
      ${criteria
        ? html`<table class="criteria-table">
            <caption>
              ${this.s('feedback.criteria')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${this.s('feedback.criterion')}</th>
                <th scope="col">${this.s('feedback.points')}</th>
              </tr>
            </thead>
            <tbody>
              ${frame.criteria.map(
                (c) => html`<tr>
                  <th scope="row">${c.name[this.language]}</th>
                  <td>${criteria[c.id] !== undefined ? `${formatNumber(this.language, criteria[c.id]!)}/${c.maxPoints}` : '—'}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
    </li>`;
  }
}
