/** The upper level's view: filters, the month's calendar, the list of meetings, and the form to assign delegates. */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CellSummary, Invite, MeetingSummary } from '../../client/index.js';
import { vietnamParts, type Invitee } from '../../core/index.js';
import { formatDateTime, formatMonthYear, weekdayNames } from '../shared/format.js';
import type { Lang } from '../shared/i18n.js';
import type { Count, Say } from './schedule-form.js';
import { renderWithdraw, type WithdrawView } from './schedule-withdraw.js';

/** Marks the choice of a new bridge point in the delegate form. */
export const NEW_POINT = '__new';

/** The delegate form as it is filled in. */
export interface AssignDraft {
  /** A committee member's id, or '' for someone written in. */
  readonly person: string;
  readonly name: string;
  readonly organization: string;
  /** A bridge point's id, '' for none (online), or `NEW_POINT`. */
  readonly point: string;
  readonly newPointName: string;
}

/** What the upper level's view shows and how it reports back. */
export interface UpperView extends WithdrawView {
  readonly say: Say;
  readonly count: Count;
  readonly lang: Lang;
  readonly year: number;
  readonly month: number;
  readonly unit: string;
  readonly cells: readonly CellSummary[];
  readonly meetings: readonly MeetingSummary[];
  /** Whether the month's meetings are being read (the list then says nothing yet). */
  readonly loading: boolean;
  readonly committee: readonly Invitee[];
  /** The address that opens a meeting, when the page gave one. */
  readonly meetingUrl: (meeting: MeetingSummary) => string | undefined;
  /** The meeting whose delegate form is open. */
  readonly assigning?: string;
  readonly assign: AssignDraft;
  readonly assignInvalid?: string;
  readonly assignError: string;
  readonly sending: boolean;
  /** Invite links returned by the last assignment, by meeting. */
  readonly invites: ReadonlyMap<string, readonly Invite[]>;
  onMonth(year: number, month: number): void;
  onUnit(unit: string): void;
  onAssignToggle(meetingId: string | undefined): void;
  onAssignUpdate(patch: Partial<AssignDraft>): void;
  onAssignSubmit(event: SubmitEvent, meeting: MeetingSummary): void;
  onOpen(event: Event, meeting: MeetingSummary): void;
  onDay(day: number): void;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The filters, the calendar and the list. */
export function renderUpper(view: UpperView) {
  const { say } = view;
  return html`
    <h2 id="upper-title" part="title">${say('upper.title')}</h2>
    ${renderFilters(view)} ${renderCalendar(view)} ${renderList(view)}
  `;
}

function renderFilters(view: UpperView) {
  const { say, year, month } = view;
  const prev = month === 1 ? [year - 1, 12] : [year, month - 1];
  const next = month === 12 ? [year + 1, 1] : [year, month + 1];
  return html`<div class="filters" part="filters" role="group" aria-label=${say('filter.title')}>
    <div class="field month-field">
      <label for="month">${say('filter.month')}</label>
      <div class="month-nav">
        <button type="button" data-action="prev-month" @click=${() => view.onMonth(prev[0]!, prev[1]!)}>
          <span aria-hidden="true">‹</span> <span class="nav-word">${say('month.prev')}</span>
        </button>
        <input
          id="month"
          type="month"
          .value=${`${year}-${two(month)}`}
          @change=${(e: Event) => {
            const match = /^(\d{4})-(\d{2})$/.exec((e.target as HTMLInputElement).value);
            if (match) view.onMonth(Number(match[1]), Number(match[2]));
          }}
        />
        <button type="button" data-action="next-month" @click=${() => view.onMonth(next[0]!, next[1]!)}>
          <span class="nav-word">${say('month.next')}</span> <span aria-hidden="true">›</span>
        </button>
      </div>
    </div>
    <div class="field">
      <label for="unit">${say('filter.unit')}</label>
      <select id="unit" @change=${(e: Event) => view.onUnit((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${view.unit === ''}>${say('filter.all-units')}</option>
        ${view.cells.map((c) => html`<option value=${c.id} ?selected=${c.id === view.unit}>${c.name}</option>`)}
      </select>
    </div>
  </div>`;
}

/** The meetings by day of the month, in Vietnam time. */
function byDay(meetings: readonly MeetingSummary[]): Map<number, MeetingSummary[]> {
  const days = new Map<number, MeetingSummary[]>();
  for (const m of meetings) {
    const day = vietnamParts(m.scheduledAt).day;
    days.set(day, [...(days.get(day) ?? []), m]);
  }
  return days;
}

/** A month grid from Monday; a day with meetings has a button that takes the person to them in the list. */
function renderCalendar(view: UpperView) {
  const { say, year, month, lang } = view;
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const lead = (first + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: Array<number | undefined> = [...Array.from({ length: lead }, () => undefined), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const days = byDay(view.meetings);
  const names = weekdayNames(lang);
  const narrow = weekdayNames(lang, 'narrow');
  return html`<table class="calendar" part="calendar" data-calendar>
    <caption>
      ${say('calendar.caption', { month: formatMonthYear(lang, year, month) })}
    </caption>
    <thead>
      <tr>
        ${names.map((n, i) => html`<th scope="col"><span class="wide">${n}</span><span class="narrow" aria-hidden="true">${narrow[i]}</span></th>`)}
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) => html`<tr>
          ${week.map((day) => {
            if (day === undefined) return html`<td class="empty"></td>`;
            const list = days.get(day) ?? [];
            return html`<td class=${list.length ? 'has' : ''} data-day=${day}>
              <span class="day" aria-hidden=${list.length ? 'true' : 'false'}>${day}</span>
              ${list.length
                ? html`<button type="button" class="day-button" data-action="day" @click=${() => view.onDay(day)}>
                    <span class="visually-hidden" data-day-name
                      >${say('calendar.day', { date: `${two(day)}/${two(month)}/${year}` })}: ${view.count('day.meetings', list.length)}</span
                    >
                    <span class="dot" aria-hidden="true">${list.length}</span>
                    <span class="titles" aria-hidden="true">${list.map((m) => html`<span class="chip">${m.cellName}</span>`)}</span>
                  </button>`
                : nothing}
            </td>`;
          })}
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderList(view: UpperView) {
  const { say, lang } = view;
  return html`<section class="list" part="list" aria-labelledby="list-title">
    <h3 id="list-title">${view.count('list.title', view.meetings.length, { month: formatMonthYear(lang, view.year, view.month) })}</h3>
    ${view.meetings.length === 0
      ? view.loading
        ? nothing
        : html`<p class="muted" data-empty>${say('list.empty')}</p>`
      : html`<ul>
          ${view.meetings.map((m) => renderMeeting(view, m))}
        </ul>`}
  </section>`;
}

function renderMeeting(view: UpperView, m: MeetingSummary) {
  const { say, lang } = view;
  const points = new Map(m.bridgePoints.map((b) => [b.id, b.name]));
  const delegates = m.delegates.map((d) => {
    const point = d.bridgePointId ? points.get(d.bridgePointId) : undefined;
    return point ? say('meeting.delegate-at', { name: d.name, point }) : d.name;
  });
  const open = view.assigning === m.id;
  const url = view.meetingUrl(m);
  const invites = view.invites.get(m.id) ?? [];
  return html`<li data-meeting-id=${m.id} tabindex="-1" part="meeting">
    <div class="head">
      <time datetime=${m.scheduledAt}>${formatDateTime(lang, m.scheduledAt)}</time>
      <span class="badge mode-${m.mode}">${say(`mode.${m.mode}`)}</span>
      ${m.phase ? html`<span class="badge phase">${say(`phase.${m.phase}`)}</span>` : nothing}
    </div>
    <p class="name"><strong>${m.cellName}</strong> — ${m.title}</p>
    <p class="muted">${say(`kind.${m.kind}`)}${m.documents.length ? ` · ${view.count('meeting.documents', m.documents.length)}` : ''}</p>
    <p data-delegates>${delegates.length ? say('meeting.delegates', { names: delegates.join('; ') }) : say('meeting.no-delegates')}</p>
    ${renderWithdraw(view, m)}
    ${invites.length
      ? html`<ul class="invites">
          ${invites.map((i) => html`<li>${safeLink(i.url, say('assign.invite', { name: i.name }))}</li>`)}
        </ul>`
      : nothing}
    <div class="actions">
      ${m.phase === 'closed'
        ? nothing
        : html`<button type="button" data-action="assign" aria-expanded=${open ? 'true' : 'false'} @click=${() => view.onAssignToggle(open ? undefined : m.id)}>
            ${say('action.assign')}<span class="visually-hidden"> ${say('action.assign-for', { title: m.title })}</span>
          </button>`}
      ${url
        ? html`<a class="open" part="open" href=${url} data-action="open" @click=${(e: Event) => view.onOpen(e, m)}
            >${say('action.open')}<span class="visually-hidden">: ${say('action.open-for', { title: m.title })}</span></a
          >`
        : html`<button type="button" part="open" data-action="open" @click=${(e: Event) => view.onOpen(e, m)}>
            ${say('action.open')}<span class="visually-hidden">: ${say('action.open-for', { title: m.title })}</span>
          </button>`}
    </div>
    ${open ? renderAssignForm(view, m) : nothing}
  </li>`;
}

/** A link only to an http(s) address the server gave; anything else is shown as text. */
function safeLink(url: string, label: string) {
  let ok = false;
  try {
    ok = ['http:', 'https:'].includes(new URL(url, location.href).protocol);
  } catch {
    ok = false;
  }
  return ok ? html`<a href=${url} target="_blank" rel="noopener noreferrer">${label}</a>` : html`<span>${label}: ${url}</span>`;
}

function renderAssignForm(view: UpperView, m: MeetingSummary) {
  const { say, assign } = view;
  const id = (name: string) => `${name}-${m.id}`;
  const described = (field: string) => (view.assignInvalid === field ? id('assign-error') : undefined);
  const writing = assign.person === '' || view.committee.length === 0;
  return html`<form class="assign" part="assign-form" novalidate aria-labelledby=${id('assign-title')} @submit=${(e: SubmitEvent) => view.onAssignSubmit(e, m)}>
    <h4 id=${id('assign-title')}>${say('assign.title', { title: m.title })}</h4>
    ${view.committee.length
      ? html`<div class="field">
          <label for=${id('person')}>${say('assign.person')}</label>
          <select id=${id('person')} @change=${(e: Event) => view.onAssignUpdate({ person: (e.target as HTMLSelectElement).value })}>
            ${view.committee.map((c) => html`<option value=${c.id} ?selected=${assign.person === c.id}>${c.name}${c.organization ? ` — ${c.organization}` : ''}</option>`)}
            <option value="" ?selected=${assign.person === ''}>${say('assign.other')}</option>
          </select>
        </div>`
      : nothing}
    ${writing
      ? html`<div class="field">
            <label for=${id('name')}>${say('assign.name')}</label>
            <input
              id=${id('name')}
              data-field="name"
              maxlength="120"
              autocomplete="name"
              .value=${assign.name}
              aria-invalid=${view.assignInvalid === 'name' ? 'true' : 'false'}
              aria-describedby=${ifDefined(described('name'))}
              @input=${(e: InputEvent) => view.onAssignUpdate({ name: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for=${id('org')}>${say('assign.org')}</label>
            <input
              id=${id('org')}
              data-field="organization"
              maxlength="300"
              autocomplete="organization-title"
              .value=${assign.organization}
              @input=${(e: InputEvent) => view.onAssignUpdate({ organization: (e.target as HTMLInputElement).value })}
            />
          </div>`
      : nothing}
    <div class="field">
      <label for=${id('point')}>${say('assign.point')}</label>
      <select id=${id('point')} data-field="point" @change=${(e: Event) => view.onAssignUpdate({ point: (e.target as HTMLSelectElement).value })}>
        ${m.bridgePoints.map((b) => html`<option value=${b.id} ?selected=${assign.point === b.id}>${b.name}</option>`)}
        <option value=${NEW_POINT} ?selected=${assign.point === NEW_POINT}>${say('assign.new-point')}</option>
        <option value="" ?selected=${assign.point === ''}>${say('assign.no-point')}</option>
      </select>
    </div>
    ${assign.point === NEW_POINT
      ? html`<div class="field">
          <label for=${id('new-point')}>${say('assign.new-point-name')}</label>
          <input
            id=${id('new-point')}
            data-field="new-point"
            maxlength="200"
            .value=${assign.newPointName}
            aria-invalid=${view.assignInvalid === 'new-point' ? 'true' : 'false'}
            aria-describedby=${ifDefined(described('new-point'))}
            @input=${(e: InputEvent) => view.onAssignUpdate({ newPointName: (e.target as HTMLInputElement).value })}
          />
        </div>`
      : nothing}
    <p role="alert" id=${id('assign-error')} data-assign-error>${view.assignError}</p>
    <div class="controls">
      <button type="submit" class="primary" data-action="assign-submit" ?disabled=${view.sending}>${say('assign.submit')}</button>
      <button type="button" data-action="assign-cancel" @click=${() => view.onAssignToggle(undefined)}>${say('assign.cancel')}</button>
    </div>
  </form>`;
}

/**
 * A delegate id made from a name: "Đặng Văn Sơn" → "cap-tren-dang-van-son"
 * (the API's id rule: letters, digits, ". _ -", at most 64). The same person
 * gets the same id in every meeting; the prefix keeps it apart from the ids of
 * the cell's members, which share one id space with delegates.
 */
export function delegateId(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return `cap-tren-${slug || Date.now().toString(36)}`;
}
