/** A meeting whose past can be written at chosen times, seen by several people, and readers of `<agenda-runner>`: for its tests. */
import { aTimeout, expect } from '@open-wc/testing';
import { CommandRejectedError, type ClientSnapshot, type MeetingStore, type Self } from '../../src/client/index.js';
import {
  decide,
  evolve,
  project,
  type Actor,
  type Command,
  type MeetingDefinition,
  type MeetingState,
} from '../../src/core/index.js';
import { meetingDefinition, shadowOf, textOf } from './meeting-fixture.js';

/** The chair of the shared fixture meeting. */
export const CHAIR: Self = { participantId: 'an', role: 'chair', name: 'Nguyễn Văn An' };
/** A full member who is not the chair. */
export const MEMBER: Self = { participantId: 'binh', role: 'member', name: 'Trần Thị Bình' };

const MINUTE = 60_000;

/**
 * One meeting decided and evolved by the real core, like the server's copy:
 * `at` applies a command for any participant at a chosen instant (to give
 * items real durations), and `storeFor` gives each participant a store with
 * their role's projection, whose commands are decided at the real time.
 */
export class TimedMeeting {
  private state: MeetingState;
  private seq = 1;
  private readonly listeners = new Set<() => void>();

  constructor(definition: MeetingDefinition = meetingDefinition, createdAt = Date.now() - 3 * 60 * MINUTE) {
    this.state = evolve(undefined, { type: 'meeting-created', at: new Date(createdAt).toISOString(), meeting: definition });
  }

  /** The whole state. */
  get meeting(): MeetingState {
    return this.state;
  }

  /** Applies a command for `who` at epoch ms `at`; throws the core's refusal. */
  at(at: number, who: Self, command: Command): number {
    const actor: Actor = { participantId: who.participantId, role: who.role };
    const decision = decide(this.state, command, actor, new Date(at).toISOString());
    if ('rejection' in decision) throw new CommandRejectedError(decision.rejection);
    for (const event of decision.events) this.state = evolve(this.state, event);
    this.seq += decision.events.length;
    for (const listener of this.listeners) listener();
    return this.seq;
  }

  /** What `who` sees and does, as their own client would. */
  storeFor(who: Self): MeetingStore {
    let source: MeetingState | undefined;
    let snapshot: ClientSnapshot | undefined;
    return {
      getSnapshot: () => {
        if (this.state !== source || !snapshot) {
          source = this.state;
          snapshot = { status: 'connected', seq: this.seq, pending: 0, meeting: project(this.state, who.role), you: who };
        }
        return snapshot;
      },
      subscribe: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      send: (command) => {
        try {
          return Promise.resolve(this.at(Date.now(), who, command));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    };
  }
}

/**
 * A regular meeting opened 50 minutes ago: items 1–5 done (item 3, the roll
 * call, took 7 of its 5 planned minutes), item 6 under way for 12½ minutes,
 * item 14 skipped with a reason.
 */
export function meetingUnderWay(openedMinutesAgo = 50): TimedMeeting {
  const now = Date.now();
  const meeting = new TimedMeeting();
  let t = now - openedMinutesAgo * MINUTE;
  meeting.at(t - MINUTE, CHAIR, { type: 'join' });
  meeting.at(t, CHAIR, { type: 'open-meeting' });
  const took = [3, 2, 7, 2, 2];
  meeting.meeting.agenda.slice(0, 5).forEach((item, i) => {
    meeting.at(t, CHAIR, { type: 'start-agenda-item', itemId: item.id });
    t += took[i]! * MINUTE;
  });
  meeting.at(t, CHAIR, { type: 'finish-agenda-item' });
  meeting.at(t, CHAIR, { type: 'skip-agenda-item', itemId: 'r14', reason: 'Tháng này không có hồ sơ kết nạp' });
  meeting.at(now - 12.5 * MINUTE, CHAIR, { type: 'start-agenda-item', itemId: 'r06' });
  return meeting;
}

// ——— reading the element as a person would ———

/** An item's row. */
export function itemRow(el: Element, itemId: string): HTMLLIElement {
  const row = shadowOf(el).querySelector<HTMLLIElement>(`li[data-item-id="${itemId}"]`);
  if (!row) throw new Error(`No row for item ${itemId}.`);
  return row;
}

/** The ids of the items in the order shown. */
export function shownOrder(el: Element): string[] {
  return [...shadowOf(el).querySelectorAll<HTMLLIElement>('li[data-item-id]')].map((li) => li.dataset.itemId!);
}

/** The accessible name of a button made of text: its text without the parts hidden from assistive technology. */
export function nameOf(button: Element): string {
  const label = button.getAttribute('aria-label');
  if (label !== null) return label;
  const copy = button.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden=true]')) hidden.remove();
  return textOf(copy);
}

/** A button found by its accessible name (exact), or null. */
export function buttonNamed(el: Element, name: string): HTMLButtonElement | null {
  return [...shadowOf(el).querySelectorAll('button')].find((b) => nameOf(b) === name) ?? null;
}

/** Text of the element's live region. */
export function announcementOf(el: Element): string {
  return textOf(shadowOf(el).querySelector('[role=status]'));
}

/** Text of a `role=alert` region: `top`, `skip` or `add`. */
export function alertOf(el: Element, place = 'top'): string {
  return textOf(shadowOf(el).querySelector(`[role=alert][data-error=${place}]`));
}

/** The first element of the shadow root matching `selector`. */
export function q<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return shadowOf(el).querySelector<T>(selector);
}

/** Clicks a button (which must exist) and waits until the element has settled, focus moved included. */
export async function click(el: LitLike, button: HTMLButtonElement | null): Promise<void> {
  expect(button, 'button to click').to.exist;
  button!.click();
  // Handlers await the store, then a render, then move the focus: let those microtasks run.
  await aTimeout(0);
  await el.updateComplete;
}

/** The elapsed reading of the item under way, in seconds. */
export function elapsedSeconds(el: Element): number {
  const [minutes, seconds] = textOf(q(el, '.current [data-elapsed]')).split(':').map(Number);
  return minutes! * 60 + seconds!;
}

/** Program titles the tests act on. */
export const FIRST = 'Tuyên bố lý do, giới thiệu đại biểu';
export const SECOND = 'Cử thư ký cuộc họp';

interface LitLike extends Element {
  readonly updateComplete: Promise<boolean>;
}
