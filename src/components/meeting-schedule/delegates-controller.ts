/**
 * The upper level's delegates in `<meeting-schedule mode="upper">`: the
 * delegate form (open, filled in, sent), withdrawing a delegate before the
 * meeting opens (after a confirmation), the invite links returned, and the
 * announcement of what was done. A reactive controller: it keeps this state,
 * asks the host to render when it changes, and moves focus where the person
 * expects it; the host keeps the month's list and the requests' failures.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { ApiRequestError, AssignDelegatesRequest, Invite, MeetingSummary, PartyApiClient } from '../../client/index.js';
import type { Invitee } from '../../core/index.js';
import type { Lang } from '../shared/i18n.js';
import { DelegatesAssignedEvent, DelegatesRequestEvent, DelegateWithdrawnEvent, DelegateWithdrawRequestEvent } from './meeting-schedule.events.js';
import { delegateId, NEW_POINT, type AssignDraft } from './schedule-calendar.js';
import type { Say } from './schedule-form.js';
import type { Withdrawing } from './schedule-withdraw.js';

const EMPTY_ASSIGN: AssignDraft = { person: '', name: '', organization: '', point: '', newPointName: '' };

/** What the controller needs of its element, which keeps the month's meetings and runs the requests. */
export interface DelegatesHost extends ReactiveElement {
  /** The standing committee offered in the form. */
  readonly committee: readonly Invitee[];
}

/** The element's side of the controller: its requests, its list, its words. */
export interface DelegatesPort {
  readonly say: Say;
  lang(): Lang;
  /** An action's request; a failure is returned (and announced by the element). */
  act<T>(run: (client: PartyApiClient) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: ApiRequestError }>;
  meetings(): readonly MeetingSummary[];
  /** Replaces the month's list once a withdrawal changed a meeting's delegates. */
  setMeetings(meetings: readonly MeetingSummary[]): void;
  /** Reads the month's list again (after an assignment: the delegates and any new bridge point as the registry has them). */
  refetchMeetings(): Promise<void>;
}

/** The delegate form and the withdrawals of the upper level's list. */
export class DelegatesController implements ReactiveController {
  /** The meeting whose delegate form is open. */
  assigning?: string;
  /** The delegate form as it is filled in. */
  assign: AssignDraft = EMPTY_ASSIGN;
  /** The form's field that was refused ('name' or 'new-point'). */
  assignInvalid?: string;
  assignError = '';
  /** Whether an assignment or a withdrawal is being sent. */
  sending = false;
  /** Invite links returned by the last assignment, by meeting. */
  invites: ReadonlyMap<string, readonly Invite[]> = new Map();
  /** What was last done, for the status region. */
  announcement = '';
  /** The delegate whose withdrawal the person is asked to confirm. */
  withdrawing?: Withdrawing;
  withdrawError = '';

  constructor(
    private readonly host: DelegatesHost,
    private readonly port: DelegatesPort,
  ) {
    host.addController(this);
  }

  /** Nothing to subscribe to: the state lives here and changes only through the handlers below. */
  hostConnected(): void {}

  /** Closes the form without moving focus (the month or the unit changed). */
  close(): void {
    this.set(() => (this.assigning = undefined));
  }

  /** Opens the form for a meeting (focus to its first field), or closes it (focus back to its button). */
  handleAssignToggle = async (meetingId: string | undefined): Promise<void> => {
    const closing = this.assigning;
    this.set(() => {
      this.assigning = meetingId;
      this.assignInvalid = undefined;
      this.assignError = '';
    });
    if (meetingId) {
      const meeting = this.port.meetings().find((m) => m.id === meetingId);
      const point = meeting?.bridgePoints.find((b) => !b.main)?.id ?? NEW_POINT;
      this.set(() => (this.assign = { ...EMPTY_ASSIGN, person: this.host.committee[0]?.id ?? '', point }));
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('form.assign select, form.assign input')?.focus();
    } else if (closing) {
      await this.host.updateComplete;
      this.buttonOf(closing, 'assign')?.focus();
    }
  };

  handleAssignUpdate = (patch: Partial<AssignDraft>): void => {
    this.set(() => (this.assign = { ...this.assign, ...patch }));
  };

  /** Checks the form, asks the page (`party-delegates-request`), and assigns the delegate. */
  handleAssignSubmit = async (event: SubmitEvent, meeting: MeetingSummary): Promise<void> => {
    event.preventDefault();
    if (this.sending) return;
    const { say } = this.port;
    const a = this.assign;
    const member = this.host.committee.find((c) => c.id === a.person);
    const name = (member?.name ?? a.name).trim();
    const organization = (member?.organization ?? a.organization).trim();
    const invalid = !name || name.length > 120 ? 'name' : a.point === NEW_POINT && !a.newPointName.trim() ? 'new-point' : undefined;
    this.set(() => (this.assignInvalid = invalid));
    if (invalid) {
      this.set(() => (this.assignError = say(invalid === 'name' ? 'error.name' : 'error.new-point')));
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>(`form.assign [data-field=${invalid}]`)?.focus();
      return;
    }
    const newPoint = a.point === NEW_POINT ? { id: delegateId(a.newPointName).replace(/^cap-tren-/, 'diem-cau-cap-tren-'), name: a.newPointName.trim() } : undefined;
    const bridgePointId = newPoint?.id ?? (a.point || undefined);
    const request: AssignDelegatesRequest = {
      delegates: [{ id: member?.id ?? delegateId(name), name, ...(organization ? { organization } : {}), ...(bridgePointId ? { bridgePointId } : {}) }],
      ...(newPoint ? { bridgePoints: [newPoint] } : {}),
    };
    if (!this.host.dispatchEvent(new DelegatesRequestEvent({ meetingId: meeting.id, request }))) return;
    this.set(() => (this.sending = true));
    const result = await this.port.act((client) => client.assignDelegates(meeting.id, request));
    this.set(() => (this.sending = false));
    if (!result.ok) {
      this.set(() => (this.assignError = result.error.text(this.port.lang())));
      return;
    }
    const response = result.value;
    this.set(() => {
      this.invites = new Map([...this.invites, [meeting.id, response.invites]]);
      this.announcement = say(response.assigned.length ? 'assign.done' : 'assign.again', { name, title: meeting.title });
    });
    this.host.dispatchEvent(new DelegatesAssignedEvent(response));
    this.set(() => (this.assigning = undefined));
    await this.port.refetchMeetings();
    await this.host.updateComplete;
    this.buttonOf(meeting.id, 'assign')?.focus();
  };

  /** Asks to confirm a withdrawal (focus to "keep"), or drops the question (focus back to the meeting's button). */
  handleWithdrawAsk = async (target: Withdrawing | undefined): Promise<void> => {
    const before = this.withdrawing;
    this.set(() => {
      this.withdrawing = target;
      this.withdrawError = '';
    });
    await this.host.updateComplete;
    if (target) this.host.renderRoot.querySelector<HTMLElement>('[data-action=withdraw-cancel]')?.focus();
    else if (before) this.buttonOf(before.meetingId, 'assign')?.focus();
  };

  /** Asks the page (`party-delegate-withdraw-request`), withdraws the delegate, and drops their invite links. */
  handleWithdrawConfirm = async (meeting: MeetingSummary, delegateId: string): Promise<void> => {
    if (this.sending || !this.host.dispatchEvent(new DelegateWithdrawRequestEvent({ meetingId: meeting.id, delegateId }))) return;
    const name = meeting.delegates.find((d) => d.id === delegateId)?.name ?? delegateId;
    this.set(() => (this.sending = true));
    const result = await this.port.act((client) => client.unassignDelegate(meeting.id, delegateId));
    this.set(() => (this.sending = false));
    if (!result.ok) {
      this.set(() => (this.withdrawError = result.error.text(this.port.lang())));
      return;
    }
    this.set(() => {
      this.withdrawing = undefined;
      this.invites = new Map([...this.invites].map(([id, list]) => [id, id === meeting.id ? list.filter((i) => i.participantId !== delegateId) : list]));
      this.announcement = this.port.say('withdraw.done', { name, title: meeting.title });
    });
    this.port.setMeetings(this.port.meetings().map((m) => (m.id === meeting.id ? { ...m, delegates: result.value.delegates } : m)));
    this.host.dispatchEvent(new DelegateWithdrawnEvent(result.value));
    await this.host.updateComplete;
    this.buttonOf(meeting.id, 'assign')?.focus();
  };

  /** A meeting's button in the list (focus goes back to it). */
  private buttonOf(meetingId: string, action: string): HTMLElement | undefined {
    const item = [...this.host.renderRoot.querySelectorAll<HTMLElement>('li[data-meeting-id]')].find((li) => li.dataset['meetingId'] === meetingId);
    return item?.querySelector<HTMLElement>(`[data-action=${action}]`) ?? undefined;
  }

  /** Applies a change and has the host render it. */
  private set(change: () => unknown): void {
    change();
    this.host.requestUpdate();
  }
}
