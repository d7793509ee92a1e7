/** The cell's registration form and the live HD 03 check beside it. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CellDetail, MeetingSummary, SchedulingReason } from '../../client/index.js';
import { agendaTemplate, isDocumentUrl, type ContentTag, type MeetingDocument, type MeetingKind, type MeetingPolicy } from '../../core/index.js';
import { formatDateTime } from '../shared/format.js';
import type { Lang } from '../shared/i18n.js';
import type { ScheduleKey } from './meeting-schedule.strings.js';
import { fromVietnamLocal, type LiveCheck, type LiveVerdict } from './schedule-check.js';

/** A bridge point as the form holds it; `key` is stable while the person edits. */
export interface PointDraft {
  readonly key: number;
  readonly name: string;
  readonly main: boolean;
}

/** A document as the form holds it; `postedAt` is a `datetime-local` value in Vietnam time. */
export interface DocDraft {
  readonly key: number;
  readonly title: string;
  readonly url: string;
  readonly postedAt: string;
}

/** Everything the form holds. */
export interface Draft {
  readonly title: string;
  /** Whether the person wrote the title (else it follows the kind and the month). */
  readonly titleEdited: boolean;
  /** `datetime-local`, Vietnam time. */
  readonly when: string;
  readonly kind: MeetingKind;
  readonly mode: 'online' | 'hybrid';
  readonly chairId: string;
  readonly cannotMeet: readonly string[];
  readonly points: readonly PointDraft[];
  readonly documents: readonly DocDraft[];
  readonly contents: readonly ContentTag[];
}

/** Looks up one of the schedule's strings; `count` picks a plural form. */
export type Say = (key: ScheduleKey, params?: Record<string, string | number>) => string;
/** A counted phrase. */
export type Count = (base: 'check.refused' | 'day.meetings' | 'list.title' | 'meeting.documents' | 'unit.members', count: number, params?: Record<string, string | number>) => string;

/** What the form shows and how it reports back. */
export interface FormView {
  readonly say: Say;
  readonly count: Count;
  readonly lang: Lang;
  readonly cell: CellDetail;
  readonly draft: Draft;
  readonly verdict: LiveVerdict;
  readonly policy: MeetingPolicy;
  /** The year of the chosen date, and its online meetings registered (undefined while counting). */
  readonly year?: number;
  readonly used?: number;
  /** The field a problem is about (its id), and the problem. */
  readonly invalid?: string;
  readonly error: string;
  /** The server's 422 reasons. */
  readonly serverReasons: readonly SchedulingReason[];
  readonly sending: boolean;
  /** The status line after a registration. */
  readonly done: string;
  readonly registered: readonly MeetingSummary[];
  update(patch: Partial<Draft>): void;
  submit(event: SubmitEvent): void;
}

const KINDS: readonly MeetingKind[] = ['regular', 'thematic', 'combined'];
const MODES = ['hybrid', 'online'] as const;
const CONTENTS: readonly ContentTag[] = ['resolution', 'minutes-adoption', 'election', 'admission', 'confirmation', 'discipline', 'rating', 'classified', 'other'];

/** The documents of the draft whose posting time is filled in, as the core reads them. */
export function draftDocuments(draft: Draft): MeetingDocument[] {
  return draft.documents.flatMap((d) => {
    const postedAt = fromVietnamLocal(d.postedAt);
    if (!postedAt) return [];
    const url = d.url.trim();
    return [{ id: `tai-lieu-${d.key}`, title: d.title.trim() || '…', postedAt, ...(url ? { url } : {}) }];
  });
}

/** The first problem of the draft a person must fix before sending: the field's id and the message key. */
export function draftProblem(draft: Draft): { readonly field: string; readonly key: ScheduleKey; readonly n?: number } | undefined {
  if (!fromVietnamLocal(draft.when)) return { field: 'when', key: 'error.when' };
  if (!draft.title.trim() || draft.title.trim().length > 300) return { field: 'title', key: 'error.title' };
  if (!draft.chairId) return { field: 'chair', key: 'error.chair' };
  if (draft.mode === 'hybrid') for (const [i, p] of draft.points.entries()) if (!p.name.trim()) return { field: `point-${p.key}`, key: 'error.point', n: i + 1 };
  for (const [i, d] of draft.documents.entries()) {
    if (!d.title.trim()) return { field: `doc-title-${d.key}`, key: 'error.doc-title', n: i + 1 };
    if (!fromVietnamLocal(d.postedAt)) return { field: `doc-posted-${d.key}`, key: 'error.doc-posted', n: i + 1 };
    if (d.url.trim() && !isDocumentUrl(d.url.trim())) return { field: `doc-url-${d.key}`, key: 'error.doc-url', n: i + 1 };
  }
  return undefined;
}

const described = (view: FormView, id: string, hint?: string) => [hint, view.invalid === id ? 'form-error' : undefined].filter(Boolean).join(' ') || undefined;
const invalid = (view: FormView, id: string) => (view.invalid === id ? 'true' : 'false');

/** The whole cell view: the form, the check, and the year's registered meetings. */
export function renderCellForm(view: FormView) {
  const { say, draft, cell } = view;
  const agenda = agendaTemplate(draft.kind);
  const minutes = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
  return html`
    <form part="form" novalidate aria-labelledby="schedule-title" @submit=${view.submit}>
      <h2 id="schedule-title" part="title">${say('cell.title')}</h2>
      <p class="unit" data-unit>${view.count('unit.members', cell.members.length, { name: cell.name })}</p>
      <div class="field">
        <label for="title">${say('form.title')}</label>
        <input
          id="title"
          maxlength="300"
          autocomplete="off"
          .value=${draft.title}
          aria-invalid=${invalid(view, 'title')}
          aria-describedby=${ifDefined(described(view, 'title'))}
          @input=${(e: InputEvent) => view.update({ title: (e.target as HTMLInputElement).value, titleEdited: true })}
        />
      </div>
      <div class="row">
        <div class="field">
          <label for="when">${say('form.when')}</label>
          <input
            id="when"
            type="datetime-local"
            .value=${draft.when}
            aria-invalid=${invalid(view, 'when')}
            aria-describedby=${ifDefined(described(view, 'when'))}
            @input=${(e: InputEvent) => view.update({ when: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="kind">${say('form.kind')}</label>
          <select id="kind" @change=${(e: Event) => view.update({ kind: (e.target as HTMLSelectElement).value as MeetingKind })}>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === draft.kind}>${say(`kind.${k}`)}</option>`)}
          </select>
        </div>
      </div>
      <details class="agenda" part="agenda">
        <summary data-agenda>${say('agenda.summary', { items: agenda.length, minutes })}</summary>
        <ol>
          ${agenda.map((item) => html`<li><span>${item.title}</span> <span class="muted">${say('agenda.minutes', { minutes: item.plannedMinutes })}</span></li>`)}
        </ol>
      </details>
      <fieldset>
        <legend>${say('form.mode')}</legend>
        ${MODES.map(
          (mode) => html`<label class="option">
            <input type="radio" name="mode" value=${mode} .checked=${draft.mode === mode} @change=${() => view.update({ mode })} />
            <span><span class="option-name">${say(`mode.${mode}`)}</span><span class="muted">${say(`mode.${mode}-hint`)}</span></span>
          </label>`,
        )}
      </fieldset>
      ${renderCheck(view)}
      <div class="field">
        <label for="chair">${say('form.chair')}</label>
        <select
          id="chair"
          aria-invalid=${invalid(view, 'chair')}
          aria-describedby=${ifDefined(described(view, 'chair'))}
          @change=${(e: Event) => view.update({ chairId: (e.target as HTMLSelectElement).value })}
        >
          ${cell.members
            .filter((m) => m.status === 'full' && !m.flags?.suspended && !m.flags?.attachedElsewhere)
            .map((m) => html`<option value=${m.id} ?selected=${m.id === draft.chairId}>${m.name}</option>`)}
        </select>
      </div>
      ${renderCannotMeet(view)} ${draft.mode === 'hybrid' ? renderPoints(view) : nothing} ${renderDocuments(view)}
      <fieldset class="contents">
        <legend>${say('form.contents')}</legend>
        <div class="checks">
          ${CONTENTS.map(
            (tag) => html`<label class="option compact">
              <input
                type="checkbox"
                value=${tag}
                .checked=${draft.contents.includes(tag)}
                @change=${(e: Event) =>
                  view.update({ contents: (e.target as HTMLInputElement).checked ? [...draft.contents, tag] : draft.contents.filter((t) => t !== tag) })}
              />
              <span>${say(`content.${tag}`)}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <p role="alert" id="form-error" data-error>${view.error}</p>
      ${view.serverReasons.length > 0
        ? html`<div class="server-refusal" part="refusal" data-server-refusal>
            <p>${say('server.refused')}</p>
            <ul>
              ${view.serverReasons.map((r) => html`<li data-code=${r.code}>${r[view.lang]}</li>`)}
            </ul>
          </div>`
        : nothing}
      <div class="controls">
        <p class="verdict-again ${view.verdict.allowed ? 'ok' : 'no'}">${verdictText(view)}</p>
        <button type="submit" class="primary" part="submit" data-action="register" ?disabled=${view.sending}>
          ${say(view.sending ? 'form.sending' : 'form.submit')}
        </button>
      </div>
      <p role="status" class="done" data-done>${view.done}</p>
    </form>
    ${renderRegistered(view)}
  `;
}

function renderCannotMeet(view: FormView) {
  const { say, draft, cell } = view;
  return html`<fieldset class="cannot-meet" aria-describedby="cannot-meet-hint">
    <legend>${say('form.cannot-meet')}</legend>
    <p class="hint" id="cannot-meet-hint">${say('form.cannot-meet-hint')}</p>
    <div class="checks">
      ${cell.members.map((m) => {
        const flag = m.flags?.exempt ? 'exempt' : m.flags?.suspended ? 'suspended' : undefined;
        return html`<label class="option compact">
          <input
            type="checkbox"
            data-member=${m.id}
            .checked=${draft.cannotMeet.includes(m.id)}
            @change=${(e: Event) =>
              view.update({ cannotMeet: (e.target as HTMLInputElement).checked ? [...draft.cannotMeet, m.id] : draft.cannotMeet.filter((id) => id !== m.id) })}
          />
          <span>${m.name}${flag ? html` <span class="muted">(${say('form.not-counted', { flag: say(`flag.${flag}`) })})</span>` : nothing}</span>
        </label>`;
      })}
    </div>
  </fieldset>`;
}

function renderPoints(view: FormView) {
  const { say, draft } = view;
  const setPoint = (key: number, patch: Partial<PointDraft>) =>
    view.update({
      points: draft.points.map((p) => (p.key === key ? { ...p, ...patch } : patch.main ? { ...p, main: false } : p)),
    });
  return html`<fieldset class="points" aria-describedby="points-hint">
    <legend>${say('form.points')}</legend>
    <p class="hint" id="points-hint">${say('form.points-hint')}</p>
    ${draft.points.map(
      (p, i) => html`<div class="item" data-point=${p.key}>
        <div class="field">
          <label for="point-${p.key}">${say('point.name', { n: i + 1 })}</label>
          <input
            id="point-${p.key}"
            maxlength="200"
            .value=${p.name}
            aria-invalid=${invalid(view, `point-${p.key}`)}
            aria-describedby=${ifDefined(described(view, `point-${p.key}`))}
            @input=${(e: InputEvent) => setPoint(p.key, { name: (e.target as HTMLInputElement).value })}
          />
        </div>
        <label class="option compact">
          <input type="radio" name="main-point" .checked=${p.main} @change=${() => setPoint(p.key, { main: true })} />
          <span>${say('point.main')}</span>
        </label>
        <button type="button" class="remove" @click=${() => view.update({ points: draft.points.filter((x) => x.key !== p.key) })}>
          ${say('point.remove', { n: i + 1 })}
        </button>
      </div>`,
    )}
    <button type="button" data-action="add-point" @click=${() => view.update({ points: [...draft.points, { key: nextKey(draft), name: '', main: draft.points.length === 0 }] })}>
      ${say('point.add')}
    </button>
  </fieldset>`;
}

function renderDocuments(view: FormView) {
  const { say, draft } = view;
  const setDoc = (key: number, patch: Partial<DocDraft>) => view.update({ documents: draft.documents.map((d) => (d.key === key ? { ...d, ...patch } : d)) });
  const field = (d: DocDraft, n: number, name: 'title' | 'url' | 'posted', label: ScheduleKey) => {
    const id = `doc-${name}-${d.key}`;
    const value = name === 'posted' ? d.postedAt : d[name];
    return html`<div class="field">
      <label for=${id}>${say(label, { n })}</label>
      <input
        id=${id}
        type=${name === 'posted' ? 'datetime-local' : name === 'url' ? 'url' : 'text'}
        maxlength=${name === 'url' ? 2000 : 300}
        .value=${value}
        aria-invalid=${invalid(view, id)}
        aria-describedby=${ifDefined(described(view, id))}
        @input=${(e: InputEvent) => {
          const v = (e.target as HTMLInputElement).value;
          setDoc(d.key, name === 'posted' ? { postedAt: v } : name === 'url' ? { url: v } : { title: v });
        }}
      />
    </div>`;
  };
  return html`<fieldset class="documents" aria-describedby="documents-hint">
    <legend>${say('form.documents')}</legend>
    <p class="hint" id="documents-hint">${say('form.documents-hint', { days: view.policy.documentsDaysBefore })}</p>
    ${draft.documents.map(
      (d, i) => html`<div class="item" data-document=${d.key}>
        ${field(d, i + 1, 'title', 'doc.title')} ${field(d, i + 1, 'posted', 'doc.posted')} ${field(d, i + 1, 'url', 'doc.url')}
        <button type="button" class="remove" @click=${() => view.update({ documents: draft.documents.filter((x) => x.key !== d.key) })}>
          ${say('doc.remove', { n: i + 1 })}
        </button>
      </div>`,
    )}
    <button type="button" data-action="add-document" @click=${() => view.update({ documents: [...draft.documents, { key: nextKey(draft), title: '', url: '', postedAt: '' }] })}>
      ${say('doc.add')}
    </button>
  </fieldset>`;
}

/** A key not used by any point or document of the draft. */
function nextKey(draft: Draft): number {
  return Math.max(0, ...draft.points.map((p) => p.key), ...draft.documents.map((d) => d.key)) + 1;
}

/** The verdict in one sentence. */
function verdictText(view: FormView): string {
  const refused = view.verdict.checks.filter((c) => !c.ok).length;
  return refused === 0 ? view.say('check.allowed') : view.count('check.refused', refused);
}

/** The live check: a one-line verdict in a status region, then each check with its rule. */
function renderCheck(view: FormView) {
  const { say, verdict } = view;
  const refused = verdict.checks.filter((c) => !c.ok).length;
  const summary = verdictText(view);
  return html`<section class="check ${refused === 0 ? 'ok' : 'no'}" part="check" aria-labelledby="check-title" data-check>
    <h3 id="check-title">${say('check.title')}</h3>
    <p role="status" class="verdict" data-verdict=${refused === 0 ? 'allowed' : 'refused'}>${summary}</p>
    <p class="count" data-count>
      ${view.year === undefined ? say('check.need-date') : view.used === undefined ? say('check.counting') : say('check.count', { year: view.year, used: view.used, limit: verdict.limit })}
    </p>
    <ul>
      ${verdict.checks.map((c) => renderCheckItem(view, c))}
    </ul>
  </section>`;
}

function renderCheckItem(view: FormView, check: LiveCheck) {
  const { say } = view;
  const text = check.code === 'fully-online-not-allowed' ? say('check.fully-online', { share: `${check.cannotMeet}/${check.counted}` }) : check.reason[view.lang];
  return html`<li class=${check.ok ? 'ok' : 'no'} data-code=${check.code}>
    <span class="mark" aria-hidden="true">${check.ok ? '✓' : '✗'}</span>
    <span><strong>${say(check.ok ? 'check.ok' : 'check.no')}:</strong> ${text}</span>
    ${check.code === 'fully-online-not-allowed'
      ? html`<button type="button" data-action="use-hybrid" @click=${() => view.update({ mode: 'hybrid' })}>${say('check.use-hybrid')}</button>`
      : nothing}
  </li>`;
}

function renderRegistered(view: FormView) {
  if (view.year === undefined || view.used === undefined) return nothing;
  const { say } = view;
  return html`<section class="registered" part="registered" aria-labelledby="registered-title">
    <h3 id="registered-title">${say('registered.title', { year: view.year })}</h3>
    ${view.registered.length === 0
      ? html`<p class="muted">${say('registered.empty')}</p>`
      : html`<ul>
          ${view.registered.map(
            (m) => html`<li data-meeting-id=${m.id}>
              <time datetime=${m.scheduledAt}>${formatDateTime(view.lang, m.scheduledAt)}</time> — <span>${m.title}</span>
              <span class="muted">(${say(`mode.${m.mode}`)})</span>
            </li>`,
          )}
        </ul>`}
  </section>`;
}
