/** One in-memory meeting seen by several participants at once, and helpers for the speakers' queue tests. */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import type { SpeakerQueue } from '../../src/components/speaker-queue/speaker-queue.js';
import { CommandRejectedError, type ClientSnapshot, type MeetingStore } from '../../src/client/index.js';
import {
  decide,
  evolve,
  findParticipant,
  project,
  type Actor,
  type ClientCommand,
  type Command,
  type MeetingDefinition,
  type MeetingState,
  type Role,
} from '../../src/core/index.js';
import { meetingDefinition, shadowOf, textOf } from './meeting-fixture.js';

/**
 * A meeting held in memory that several participants act on, each through
 * their own `MeetingStore`, as clients of one server would. Every command is
 * decided by the real core for its actor; every store sees the new state
 * (its role's projection) at once. `offsetSeconds` stamps the next commands
 * that many seconds from now, so a test can raise a hand "two minutes ago".
 */
export class SharedMeeting {
  private state: MeetingState;
  private seq = 1;
  private readonly listeners = new Set<() => void>();
  /** Seconds added to the clock the core is given (negative: in the past). */
  offsetSeconds = 0;

  constructor(definition: MeetingDefinition = meetingDefinition) {
    this.state = evolve(undefined, { type: 'meeting-created', at: new Date().toISOString(), meeting: definition });
  }

  /** The whole state, as the server holds it. */
  get meeting(): MeetingState {
    return this.state;
  }

  /** Applies a command for `actor`; throws the core's rejection. */
  apply(actor: Actor, command: Command): number {
    const decision = decide(this.state, command, actor, new Date(Date.now() + this.offsetSeconds * 1000).toISOString());
    if ('rejection' in decision) throw new CommandRejectedError(decision.rejection);
    for (const event of decision.events) this.state = evolve(this.state, event);
    this.seq += decision.events.length;
    for (const listener of [...this.listeners]) listener();
    return this.seq;
  }

  /** Joins `participantId` and returns their store. */
  join(participantId: string, role: Role): MeetingStore {
    const actor: Actor = { participantId, role };
    this.apply(actor, { type: 'join' });
    const you = { ...actor, name: findParticipant(this.state, participantId)?.name ?? participantId };
    let cachedSeq = -1;
    let cached: ClientSnapshot | undefined;
    return {
      getSnapshot: () => {
        if (cachedSeq !== this.seq || !cached) {
          cachedSeq = this.seq;
          cached = { status: 'connected', seq: this.seq, pending: 0, meeting: project(this.state, role), you };
        }
        return cached;
      },
      subscribe: (listener) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
      },
      send: (command: ClientCommand) => {
        try {
          return Promise.resolve(this.apply(actor, command));
        } catch (error) {
          return Promise.reject(error);
        }
      },
    };
  }
}

/** The test meeting with the chair (an), members binh and dung (probationary), and the delegate em joined. */
export function sharedMeeting(opened = true): {
  meeting: SharedMeeting;
  chair: MeetingStore;
  binh: MeetingStore;
  dung: MeetingStore;
  em: MeetingStore;
} {
  const meeting = new SharedMeeting();
  const chair = meeting.join('an', 'chair');
  const binh = meeting.join('binh', 'member');
  const dung = meeting.join('dung', 'member');
  const em = meeting.join('em', 'delegate');
  if (opened) meeting.apply({ participantId: 'an', role: 'chair' }, { type: 'open-meeting' });
  return { meeting, chair, binh, dung, em };
}

/** Renders the element on `store`. */
export async function render(store: MeetingStore, lang = ''): Promise<SpeakerQueue> {
  return fixture<SpeakerQueue>(html`<speaker-queue lang=${lang} .store=${store}></speaker-queue>`);
}

/** One node in the element's shadow root. */
export function $(el: SpeakerQueue, selector: string): HTMLElement | null {
  return shadowOf(el).querySelector<HTMLElement>(selector);
}

/** All matching nodes in the element's shadow root. */
export function $$(el: SpeakerQueue, selector: string): HTMLElement[] {
  return [...shadowOf(el).querySelectorAll<HTMLElement>(selector)];
}

/** Clicks like a person and waits until the result is on screen. */
export async function click(el: SpeakerQueue, target: HTMLElement | null): Promise<void> {
  expect(target, 'control to click').to.exist;
  target!.click();
  await el.updateComplete;
  // The command resolves a microtask later; let the element render its result.
  await aTimeout(0);
  await el.updateComplete;
}

/** The raise / lower hand toggle. */
export const handButton = (el: SpeakerQueue) => $(el, 'button[data-hand]') as HTMLButtonElement | null;
/** What the status region says. */
export const status = (el: SpeakerQueue) => textOf($(el, '[role=status]'));
/** The names in the queue, in order. */
export const queueNames = (el: SpeakerQueue) => $$(el, '.queue li .name').map((n) => textOf(n));
/** A person's row in the queue. */
export const row = (el: SpeakerQueue, id: string) => $(el, `.queue li[data-participant-id=${id}]`);
/** One of the chair's buttons in a queue row. */
export const rowButton = (el: SpeakerQueue, id: string, action: string) =>
  row(el, id)?.querySelector<HTMLButtonElement>(`button[data-action=${action}]`) ?? null;
/** "02:15" as 135. */
export const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
