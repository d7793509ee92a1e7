/** Meetings and helpers for the vote panel's tests: several people's views of one in-memory meeting. */
import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import { LocalMeetingStore } from '../../src/client/index.js';
import type { VotePanel } from '../../src/components/vote-panel/vote-panel.js';
import type { MotionDraft } from '../../src/components/vote-panel/vote-panel.events.js';
import type { Choice, Member, MeetingDefinition } from '../../src/core/index.js';
import { shadowOf, textOf } from './meeting-fixture.js';

const NAMES = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hải',
  'Bùi Thị Hoa',
  'Đỗ Văn Khánh',
  'Hồ Thị Lan',
  'Ngô Văn Minh',
  'Dương Thị Nga',
];

/**
 * The worked example: a cell of 12 full members (f1 chairs) and 2 probationary
 * (p1, p2). f10 is attached to another cell, f11 is exempt, f12 will be absent
 * with a reason the chair accepts.
 */
export const workedExample: MeetingDefinition = {
  id: 'worked-example',
  title: 'Sinh hoạt chi bộ thường kỳ tháng 11/2026',
  scheduledAt: '2026-11-25T19:30:00+07:00',
  chairId: 'f1',
  cell: {
    id: 'cell-van-phong',
    name: 'Chi bộ Văn phòng',
    members: [
      ...NAMES.map((name, i): Member => ({ id: `f${i + 1}`, name, status: 'full' })).map((m) =>
        m.id === 'f10' ? { ...m, flags: { attachedElsewhere: true } } : m.id === 'f11' ? { ...m, flags: { exempt: true } } : m,
      ),
      { id: 'p1', name: 'Lý Văn Phúc', status: 'probationary' },
      { id: 'p2', name: 'Mai Thị Quỳnh', status: 'probationary' },
    ],
  },
  delegates: [{ id: 'dbcap', name: 'Trịnh Văn Sơn', organization: 'Đảng ủy Khối cơ quan tỉnh' }],
};

/** The name of a member of the worked example. */
export const nameOf = (id: string): string => workedExample.cell.members.find((m) => m.id === id)!.name;

/**
 * The worked example's meeting, open, with the roll taken: f1–f9 and both
 * probationary members present online, f11 exempt (absent), f12 absent with
 * an accepted reason. The denominator is 12 − 1 − 1 − 1 = 9.
 */
export async function workedMeeting(): Promise<LocalMeetingStore> {
  const chair = new LocalMeetingStore(workedExample, { participantId: 'f1', role: 'chair' });
  await chair.send({ type: 'open-meeting' });
  for (const id of ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8', 'f9', 'p1', 'p2']) {
    await chair.send({ type: 'mark-attendance', memberId: id, mark: 'present-online' });
  }
  await chair.send({ type: 'mark-attendance', memberId: 'f11', mark: 'exempt' });
  await chair.send({ type: 'mark-attendance', memberId: 'f12', mark: 'absent-with-reason', reason: 'Ốm nằm viện' });
  return chair;
}

const members = new WeakMap<LocalMeetingStore, Map<string, LocalMeetingStore>>();

/** A member's store on the same meeting (one per member: joining twice is refused). */
export function memberOf(chair: LocalMeetingStore, id: string): LocalMeetingStore {
  const stores = members.get(chair) ?? new Map<string, LocalMeetingStore>();
  members.set(chair, stores);
  if (!stores.has(id)) stores.set(id, chair.as({ participantId: id, role: 'member' }));
  return stores.get(id)!;
}

/** Creates and opens a motion as the chair, without the panel. */
export async function openMotion(chair: LocalMeetingStore, motion: Partial<MotionDraft> = {}): Promise<string> {
  const full: MotionDraft = { id: 'm1', title: 'Thông qua Nghị quyết chi bộ tháng 11', ballot: 'open', threshold: 'majority', tags: ['resolution'], ...motion };
  await chair.send({ type: 'create-motion', motion: full });
  await chair.send({ type: 'open-vote', motionId: full.id });
  return full.id;
}

/** Members cast ballots through their own stores: `{ f2: 'agree', … }`. */
export async function castAll(chair: LocalMeetingStore, motionId: string, ballots: Record<string, Choice>): Promise<void> {
  for (const [id, choice] of Object.entries(ballots)) {
    await (id === 'f1' ? chair : memberOf(chair, id)).send({ type: 'cast-ballot', motionId, choice });
  }
}

/**
 * A hybrid meeting: the chair and Bình online; Cường, Dung (full) and Giang
 * (probationary) in the commune hall, whose technician operates it.
 */
export const hybridExample: MeetingDefinition = {
  id: 'hybrid-example',
  title: 'Sinh hoạt chi bộ kết hợp tháng 11/2026',
  scheduledAt: '2026-11-25T19:30:00+07:00',
  chairId: 'an',
  mode: 'hybrid',
  cell: {
    id: 'cell-xa',
    name: 'Chi bộ thôn Đông',
    members: [
      { id: 'an', name: 'Nguyễn Văn An', status: 'full' },
      { id: 'binh', name: 'Trần Thị Bình', status: 'full' },
      { id: 'cuong', name: 'Lê Văn Cường', status: 'full' },
      { id: 'dung', name: 'Phạm Thị Dung', status: 'full' },
      { id: 'giang', name: 'Vũ Thị Giang', status: 'probationary' },
    ],
  },
  delegates: [],
  guests: [{ id: 'tech', name: 'Kỹ thuật viên xã', kind: 'technician' }],
  bridgePoints: [
    { id: 'main', name: 'Điểm cầu chính', main: true },
    { id: 'xa', name: 'Hội trường xã', operatorId: 'tech' },
  ],
  seating: { cuong: 'xa', dung: 'xa', giang: 'xa', tech: 'xa' },
};

/** The hybrid meeting, open, with the roll taken; returns the chair's and the operator's stores. */
export async function hybridMeeting(): Promise<{ chair: LocalMeetingStore; operator: LocalMeetingStore }> {
  const chair = new LocalMeetingStore(hybridExample, { participantId: 'an', role: 'chair' });
  await chair.send({ type: 'open-meeting' });
  const operator = chair.as({ participantId: 'tech', role: 'technician' });
  await chair.send({ type: 'mark-attendance', memberId: 'an', mark: 'present-online' });
  await chair.send({ type: 'mark-attendance', memberId: 'binh', mark: 'present-online' });
  for (const id of ['cuong', 'dung', 'giang']) {
    await operator.send({ type: 'mark-attendance', memberId: id, mark: 'present-in-person', bridgePointId: 'xa' });
  }
  return { chair, operator };
}

/** A panel on a store. */
export async function panelOn(store: LocalMeetingStore, lang?: string): Promise<VotePanel> {
  return fixture<VotePanel>(html`<vote-panel .store=${store} lang=${ifDefined(lang)}></vote-panel>`);
}

/** The first element matching `selector` in the panel's shadow root, asserted present. */
export function find<T extends Element = HTMLElement>(el: VotePanel, selector: string): T {
  const found = shadowOf(el).querySelector<T>(selector);
  expect(found, selector).to.exist;
  return found!;
}

/** Text of the first match, or '' when none. */
export function textAt(el: VotePanel, selector: string): string {
  return textOf(shadowOf(el).querySelector(selector));
}

/** Clicks a button found by selector, then waits for the panel to render. */
export async function click(el: VotePanel, selector: string): Promise<void> {
  find<HTMLButtonElement>(el, selector).click();
  await el.updateComplete;
  // A command resolves after the store notified; let the resulting render settle too.
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

/** The vote buttons the viewer sees for their own ballot. */
export function ballotButtons(el: VotePanel): HTMLButtonElement[] {
  return [...shadowOf(el).querySelectorAll<HTMLButtonElement>('.ballot button[data-choice]')];
}

/** Closes the current vote as the chair would: the button, then the confirmation. */
export async function closeVote(el: VotePanel): Promise<void> {
  await click(el, 'button[data-action=close-vote]');
  await click(el, 'button[data-action=confirm-close]');
}
