import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiRequestError, CellDetail, CellSummary, MeetingSummary } from '../../client/index.js';
import { DEFAULT_POLICY, vietnamParts, type Invitee, type MeetingPolicy } from '../../core/index.js';
import { ApiElement } from '../shared/api-element.js';
import { API_STRINGS } from '../shared/api-element.strings.js';
import { formatDateTime, plural } from '../shared/format.js';
import { consoleStyles } from '../shared/console-styles.js';
import { baseStyles } from '../shared/styles.js';
import { DelegatesController } from './delegates-controller.js';
import { MeetingOpenEvent, MeetingScheduledEvent, ScheduleRefusedEvent, ScheduleRequestEvent } from './meeting-schedule.events.js';
import { meetingScheduleStyles } from './meeting-schedule.styles.js';
import { STRINGS, type ScheduleKey } from './meeting-schedule.strings.js';
import { renderUpper } from './schedule-calendar.js';
import { fromVietnamLocal, liveCheck, vietnamMonthRange, vietnamYearRange } from './schedule-check.js';
import { draftDocuments, draftProblem, renderCellForm, type Count, type Draft } from './schedule-form.js';
import { formFieldOf, meetingHref, scheduleRequestOf } from './schedule-request.js';

/**
 * The online-meeting schedule (seed 004: the upper level collects the
 * schedules of its cells). With `mode="cell"`, a cell registers an online or
 * hybrid meeting (date, kind and its standard program, form, chair, members
 * who cannot meet in one place, bridge points, documents with their posting
 * times, matters to be voted on) and sees at once whether Hướng dẫn
 * 03-HD/TW allows it: eligibility (more than half cannot meet in one place;
 * fully online only when none can), this year's online meetings against the
 * yearly limit (cell 3, base committee 1), the contents, and documents
 * 1 day before (Hướng dẫn 42-HD/BTCTW), each with the rule in words. The
 * check runs in the browser with the core's pure functions and the year's
 * count from the registry; the server checks again and its refusal (422) is
 * shown with its reasons. With `mode="upper"`, the upper level sees every
 * registered meeting of its cells on a month calendar and in a list,
 * filters by month and unit, assigns delegates (who get invite links),
 * withdraws one before the meeting opens (after a confirmation; their links
 * stop working), and opens a meeting.
 *
 * The API must be on the page's origin (`api` empty) or allow the page's
 * origin. The live check uses `policy` (national defaults unless set).
 *
 * @tagname meeting-schedule
 * @summary Register online meetings with the HD 03 check, and the upper level's calendar of them.
 * @event party-schedule-request - Before a meeting is sent for registration (`detail.request`); cancelable.
 * @event party-meeting-scheduled - After the server registered it (`detail.meeting`, `detail.checks`, `detail.agenda`).
 * @event party-schedule-refused - When the server refused it under the rules (`detail.reasons`).
 * @event party-delegates-request - Before delegates are assigned (`detail.meetingId`, `detail.request`); cancelable.
 * @event party-delegates-assigned - After the server assigned them (`detail.delegates`, `detail.invites`).
 * @event party-delegate-withdraw-request - Before a delegate is withdrawn, once the person confirmed (`detail.meetingId`, `detail.delegateId`); cancelable.
 * @event party-delegate-withdrawn - After the server withdrew them and revoked their invites (`detail.delegates`).
 * @event party-meeting-open - When a meeting is opened from the schedule (`detail.meetingId`); cancel it to open it yourself.
 * @event party-api-error - When a request failed (`detail.status`, `detail.code`).
 * @csspart title - The heading.
 * @csspart form - The cell's registration form.
 * @csspart agenda - The standard program of the chosen kind.
 * @csspart check - The live check against the rules.
 * @csspart refusal - The server's reasons for refusing.
 * @csspart submit - The register button.
 * @csspart registered - The cell's meetings registered this year.
 * @csspart filters - The upper level's month and unit filters.
 * @csspart calendar - The month calendar.
 * @csspart list - The list of the month's meetings.
 * @csspart meeting - One meeting in the list.
 * @csspart open - The "open the meeting" link or button.
 * @csspart assign-form - The form to assign a delegate.
 * @csspart failure - A failed request, with its retry button.
 * @cssproperty --party-accent - Accent colour of primary buttons and of days with meetings.
 * @cssproperty --party-ok - Colour of a check that is met.
 * @cssproperty --party-danger - Colour of a check that is not met.
 * @cssproperty --party-surface - Background of boxes and buttons.
 * @cssproperty --party-border - Border colour.
 * @cssproperty --party-muted - Colour of secondary text.
 */
export class MeetingSchedule extends ApiElement {
  static override styles = [baseStyles, consoleStyles, meetingScheduleStyles];

  /** The cell (its id) for `mode="cell"`; for `mode="upper"`, a unit to start filtered by (empty: all the token may see). */
  @property() unit = '';
  /** `cell`: register a meeting; `upper`: the upper level's calendar. */
  @property({ reflect: true }) mode: 'cell' | 'upper' = 'cell';
  /** The month the calendar opens at, `YYYY-MM` (default: this month, Vietnam time). */
  @property() month = '';
  /** Where "Mở cuộc họp" leads, with `{id}` for the meeting id (e.g. `/hop?meeting={id}`); without it, a button fires `party-meeting-open`. */
  @property({ attribute: 'meeting-url' }) meetingUrl = '';
  /** The policy of the live check (the national defaults unless the portal's province overrides them). */
  @property({ attribute: false }) policy: MeetingPolicy = DEFAULT_POLICY;
  /** The upper level's standing-committee members offered in the delegate form. */
  @property({ attribute: false }) committee: readonly Invitee[] = [];

  @state() private cell?: CellDetail;
  @state() private draft?: Draft;
  /** The cell's registered meetings by year, once counted. */
  @state() private registeredByYear: ReadonlyMap<number, readonly MeetingSummary[]> = new Map();
  @state() private invalid?: string;
  @state() private formError = '';
  @state() private serverReasons: NonNullable<ApiRequestError['reasons']> = [];
  @state() private sending = false;
  @state() private done = '';

  @state() private cells: readonly CellSummary[] = [];
  @state() private meetings: readonly MeetingSummary[] = [];
  @state() private shownYear = 0;
  @state() private shownMonth = 0;
  @state() private unitFilter = '';

  private counting = new Set<number>();

  private s = (key: ScheduleKey, params?: Record<string, string | number>): string => this.local(STRINGS, key, params);
  /** The upper level's delegate form and withdrawals. */
  private delegates = new DelegatesController(this, {
    say: this.s,
    lang: () => this.language,
    act: (run) => this.act(run),
    meetings: () => this.meetings,
    setMeetings: (meetings) => (this.meetings = meetings),
    refetchMeetings: () => this.refetchMeetings(),
  });
  private count: Count = (base, n, params) => plural(STRINGS, this.language, base, n, params);

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('api') || changed.has('token') || changed.has('unit') || changed.has('mode') || changed.has('month')) {
      this.unitFilter = this.mode === 'upper' ? this.unit : '';
      const start = /^(\d{4})-(\d{2})$/.exec(this.month);
      const now = vietnamParts(new Date().toISOString());
      this.shownYear = start ? Number(start[1]) : now.year;
      this.shownMonth = start ? Math.min(12, Math.max(1, Number(start[2]))) : now.month;
      this.reload();
    }
  }

  protected override reload(): void {
    if (!this.token) return;
    if (this.mode === 'upper') void this.loadUpper(true);
    else void this.loadCell();
  }

  // ---- cell -----------------------------------------------------------------

  private async loadCell(): Promise<void> {
    if (!this.unit) return;
    const cell = await this.load((client, signal) => client.cell(this.unit, signal));
    if (!cell) return;
    this.cell = cell;
    this.registeredByYear = new Map();
    this.counting.clear();
    this.draft = this.freshDraft(cell);
  }

  private freshDraft(cell: CellDetail, keep?: Draft): Draft {
    const chair = cell.members.find((m) => m.status === 'full' && !m.flags?.suspended && !m.flags?.attachedElsewhere);
    return {
      title: '',
      titleEdited: false,
      when: '',
      kind: keep?.kind ?? 'regular',
      mode: keep?.mode ?? 'hybrid',
      chairId: keep?.chairId ?? chair?.id ?? '',
      cannotMeet: keep?.cannotMeet ?? cell.cannotMeetInPerson,
      points: keep?.points ?? [{ key: 1, name: cell.name, main: true }],
      documents: [],
      contents: [],
    };
  }

  /** Applies the person's change, keeps a title they did not write in step with the kind and month, and counts the year. */
  private updateDraft(patch: Partial<Draft>): void {
    if (!this.draft) return;
    let next = { ...this.draft, ...patch };
    const at = fromVietnamLocal(next.when);
    if (!next.titleEdited && at) {
      const { month, year } = vietnamParts(at);
      next = { ...next, title: this.s(`title.${next.kind}`, { month, year }) };
    }
    this.draft = next;
    if (this.invalid) {
      this.invalid = undefined;
      this.formError = '';
    }
    this.done = '';
    if (at) void this.countYear(vietnamParts(at).year);
  }

  /** Reads the cell's meetings of a year from the registry (once per year unless `force`). */
  private async countYear(year: number, force = false): Promise<void> {
    const cell = this.cell;
    if (!cell || (!force && (this.registeredByYear.has(year) || this.counting.has(year)))) return;
    this.counting.add(year);
    try {
      const { meetings } = await this.client.meetings({ unit: cell.id, ...vietnamYearRange(year), limit: 1000 });
      const mine = meetings.filter((m) => m.cellId === cell.id);
      this.registeredByYear = new Map([...this.registeredByYear, [year, mine]]);
    } catch (error) {
      this.fail(error);
    } finally {
      this.counting.delete(year);
    }
  }

  private handleSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const cell = this.cell;
    const draft = this.draft;
    if (!cell || !draft || this.sending) return;
    this.serverReasons = [];
    this.done = '';
    const problem = draftProblem(draft);
    if (problem) {
      this.invalid = problem.field;
      this.formError = this.s(problem.key, problem.n !== undefined ? { n: problem.n } : {});
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${problem.field}`)?.focus();
      return;
    }
    const request = scheduleRequestOf(cell, draft);
    if (!this.dispatchEvent(new ScheduleRequestEvent({ request }))) return;
    this.sending = true;
    const result = await this.act((client) => client.scheduleMeeting(request));
    this.sending = false;
    const year = vietnamParts(request.scheduledAt).year;
    if (result.ok) {
      const { meeting } = result.value;
      this.registeredByYear = new Map([...this.registeredByYear, [year, [...(this.registeredByYear.get(year) ?? []), meeting]]]);
      this.draft = this.freshDraft(cell, draft);
      this.done = this.s('done', { title: meeting.title, when: formatDateTime(this.language, meeting.scheduledAt) });
      this.dispatchEvent(new MeetingScheduledEvent(result.value));
      return;
    }
    const error = result.error;
    if (error.code === 'scheduling-refused') {
      this.serverReasons = error.reasons;
      this.dispatchEvent(new ScheduleRefusedEvent({ request, reasons: error.reasons }));
      // The registry's count may have moved since it was read: read it again, so the live check agrees.
      void this.countYear(year, true);
      return;
    }
    this.invalid = formFieldOf(error.field, draft);
    this.formError = error.text(this.language);
    if (this.invalid) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${this.invalid}`)?.focus();
    }
  };

  // ---- upper ----------------------------------------------------------------

  private async loadUpper(withCells: boolean): Promise<void> {
    const range = vietnamMonthRange(this.shownYear, this.shownMonth);
    const unit = this.unitFilter || undefined;
    const result = await this.load(async (client, signal) => {
      const [cells, meetings] = await Promise.all([
        withCells ? client.cells(this.unit || undefined, signal) : undefined,
        client.meetings({ ...range, ...(unit ? { unit } : {}), limit: 1000 }, signal),
      ]);
      return { cells, meetings };
    });
    if (!result) return;
    if (result.cells) this.cells = result.cells.cells;
    this.meetings = result.meetings.meetings;
  }

  private handleMonth = (year: number, month: number): void => {
    this.shownYear = year;
    this.shownMonth = month;
    this.delegates.close();
    this.meetings = [];
    void this.loadUpper(this.cells.length === 0);
  };

  private handleUnit = (unit: string): void => {
    this.unitFilter = unit;
    this.delegates.close();
    this.meetings = [];
    void this.loadUpper(this.cells.length === 0);
  };

  private handleDay = async (day: number): Promise<void> => {
    const first = this.meetings.find((m) => vietnamParts(m.scheduledAt).day === day);
    if (!first) return;
    const item = [...this.renderRoot.querySelectorAll<HTMLElement>('li[data-meeting-id]')].find((li) => li.dataset['meetingId'] === first.id);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
  };

  /** Reads the month's list again without the loading state (after an assignment). */
  private async refetchMeetings(): Promise<void> {
    try {
      const range = vietnamMonthRange(this.shownYear, this.shownMonth);
      this.meetings = (await this.client.meetings({ ...range, ...(this.unitFilter ? { unit: this.unitFilter } : {}), limit: 1000 })).meetings;
    } catch (error) {
      this.fail(error);
    }
  }

  private handleOpen = (event: Event, meeting: MeetingSummary): void => {
    if (!this.dispatchEvent(new MeetingOpenEvent({ meetingId: meeting.id, meeting }))) event.preventDefault();
  };

  private urlOf = (meeting: MeetingSummary): string | undefined => meetingHref(this.meetingUrl, meeting);

  // ---- render ---------------------------------------------------------------

  protected override render() {
    if (!this.token) return html`<p class="muted" data-no-api>${this.local(API_STRINGS, 'no-api')}</p>`;
    return html`${this.renderFailure()} ${this.renderLoading()} ${this.mode === 'upper' ? this.renderUpperView() : this.renderCellView()}`;
  }

  private renderCellView() {
    const { cell, draft } = this;
    if (!cell || !draft) return nothing;
    const at = fromVietnamLocal(draft.when);
    const year = at ? vietnamParts(at).year : undefined;
    const registered = year !== undefined ? this.registeredByYear.get(year) : undefined;
    const used = registered?.filter((m) => m.mode !== 'in-person').length;
    const verdict = liveCheck({
      cell,
      mode: draft.mode,
      ...(at ? { scheduledAt: at } : {}),
      documents: draftDocuments(draft),
      contents: draft.contents,
      cannotMeetInPerson: new Set(draft.cannotMeet),
      ...(used !== undefined ? { onlineThisYear: used } : {}),
      policy: this.policy,
    });
    return renderCellForm({
      say: this.s,
      count: this.count,
      lang: this.language,
      cell,
      draft,
      verdict,
      policy: this.policy,
      ...(year !== undefined ? { year } : {}),
      ...(used !== undefined ? { used } : {}),
      ...(this.invalid ? { invalid: this.invalid } : {}),
      error: this.formError,
      serverReasons: this.serverReasons,
      sending: this.sending,
      done: this.done,
      registered: registered ?? [],
      update: (patch) => this.updateDraft(patch),
      submit: this.handleSubmit,
    });
  }

  private renderUpperView() {
    const d = this.delegates;
    return html`<section aria-labelledby="upper-title">
      ${renderUpper({
        say: this.s,
        count: this.count,
        lang: this.language,
        year: this.shownYear,
        month: this.shownMonth,
        unit: this.unitFilter,
        cells: this.cells,
        meetings: this.meetings,
        loading: this.loading,
        committee: this.committee,
        meetingUrl: this.urlOf,
        ...(d.assigning ? { assigning: d.assigning } : {}),
        assign: d.assign,
        ...(d.assignInvalid ? { assignInvalid: d.assignInvalid } : {}),
        assignError: d.assignError,
        sending: d.sending,
        invites: d.invites,
        onMonth: this.handleMonth,
        onUnit: this.handleUnit,
        onAssignToggle: d.handleAssignToggle,
        onAssignUpdate: d.handleAssignUpdate,
        onAssignSubmit: d.handleAssignSubmit,
        ...(d.withdrawing ? { withdrawing: d.withdrawing } : {}),
        withdrawError: d.withdrawError,
        onWithdrawAsk: d.handleWithdrawAsk,
        onWithdrawConfirm: d.handleWithdrawConfirm,
        onOpen: this.handleOpen,
        onDay: this.handleDay,
      })}
      <p role="status" class="done" data-announcement>${d.announcement}</p>
    </section>`;
  }
}
