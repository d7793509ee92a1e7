/** A meeting with a waiting room, seen by the chair and by participants waiting in it, and helpers for the gate's tests. */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/components/lobby-gate/define.js';
import type { LobbyGate } from '../../src/components/lobby-gate/lobby-gate.js';
import { LocalMeetingStore } from '../../src/client/index.js';
import type { MeetingDefinition } from '../../src/core/index.js';
import { meetingDefinition, shadowOf, textOf } from './meeting-fixture.js';

/** The test meeting, with the waiting room on and one guest invited. */
export const lobbyDefinition: MeetingDefinition = {
  ...meetingDefinition,
  guests: [{ id: 'gia', name: 'Đỗ Văn Gia', kind: 'guest', organization: 'Hội Cựu chiến binh phường' }],
  policy: { lobbyAdmission: true },
};

/** The chair's store, and the stores of members binh and dung and of the delegate em, who joined in that order. */
export function lobby(definition: MeetingDefinition = lobbyDefinition) {
  const chair = new LocalMeetingStore(definition, { participantId: 'an', role: 'chair' });
  const binh = chair.as({ participantId: 'binh', role: 'member' });
  const dung = chair.as({ participantId: 'dung', role: 'member' });
  const em = chair.as({ participantId: 'em', role: 'delegate' });
  return { chair, binh, dung, em };
}

/** Renders a gate on `store`. */
export async function render(store: LocalMeetingStore, lang = ''): Promise<LobbyGate> {
  return fixture<LobbyGate>(html`<lobby-gate lang=${lang} .store=${store}></lobby-gate>`);
}

/** Renders the chair's gate and a participant's gate side by side, as two screens of one meeting. */
export async function renderBoth(chair: LocalMeetingStore, participant: LocalMeetingStore): Promise<{ page: HTMLElement; chairGate: LobbyGate; gate: LobbyGate }> {
  const page = await fixture<HTMLElement>(html`<div>
    <lobby-gate data-who="chair" .store=${chair}></lobby-gate>
    <lobby-gate data-who="participant" .store=${participant}></lobby-gate>
  </div>`);
  const chairGate = page.querySelector<LobbyGate>('[data-who=chair]')!;
  const gate = page.querySelector<LobbyGate>('[data-who=participant]')!;
  await chairGate.updateComplete;
  await gate.updateComplete;
  return { page, chairGate, gate };
}

/** One node in the gate's shadow root. */
export function $(el: LobbyGate, selector: string): HTMLElement | null {
  return shadowOf(el).querySelector<HTMLElement>(selector);
}

/** All matching nodes in the gate's shadow root. */
export function $$(el: LobbyGate, selector: string): HTMLElement[] {
  return [...shadowOf(el).querySelectorAll<HTMLElement>(selector)];
}

/** Waits until every gate on the page has rendered the last change. */
export async function settle(...els: LobbyGate[]): Promise<void> {
  for (const el of els) await el.updateComplete;
  // A command resolves a microtask later; let the elements render its result.
  await aTimeout(0);
  for (const el of els) await el.updateComplete;
}

/** Clicks like a person and waits until the result is on screen in every gate given. */
export async function click(target: HTMLElement | null, ...els: LobbyGate[]): Promise<void> {
  expect(target, 'control to click').to.exist;
  target!.click();
  await settle(...els);
}

/** What the live region says. */
export const status = (el: LobbyGate) => textOf($(el, '[role=status]'));
/** A person's row in one of the chair's lists (`waiting`, `admitted`, `refused`). */
export const row = (el: LobbyGate, list: 'waiting' | 'admitted' | 'refused', id: string) => $(el, `[part=${list}] li[data-participant-id=${id}]`);
/** The names in one of the chair's lists, in order. */
export const names = (el: LobbyGate, list: 'waiting' | 'admitted' | 'refused') => $$(el, `[part=${list}] li .name`).map((n) => textOf(n));
/** One of the chair's buttons in a row of the waiting list. */
export const rowButton = (el: LobbyGate, id: string, action: string) =>
  row(el, 'waiting', id)?.querySelector<HTMLButtonElement>(`button[data-action=${action}]`) ?? null;
/** The element that has the focus inside the gate. */
export const focused = (el: LobbyGate) => shadowOf(el).activeElement as HTMLElement | null;
/** "1:05" as 65. */
export const seconds = (clock: string) => clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
