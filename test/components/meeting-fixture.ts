/** A small meeting and the helpers the element tests share. */
import { CommandRejectedError, LocalMeetingStore, type ClientSnapshot, type MeetingStore, type Self } from '../../src/client/index.js';
import { decide, type AttendanceMark, type MeetingDefinition, type Role } from '../../src/core/index.js';

/** A cell of four: three full members (the chair among them) and one probationary member; one delegate. */
export const meetingDefinition: MeetingDefinition = {
  id: 'meeting-2026-11',
  title: 'Sinh hoạt chi bộ thường kỳ tháng 11/2026',
  scheduledAt: '2026-11-25T19:30:00+07:00',
  chairId: 'an',
  cell: {
    id: 'cell-ky-thuat',
    name: 'Chi bộ Kỹ thuật',
    parentName: 'Đảng bộ VNPT Yên Bái',
    members: [
      { id: 'an', name: 'Nguyễn Văn An', status: 'full' },
      { id: 'binh', name: 'Trần Thị Bình', status: 'full' },
      { id: 'cuong', name: 'Lê Văn Cường', status: 'full' },
      { id: 'dung', name: 'Phạm Thị Dung', status: 'probationary' },
    ],
  },
  delegates: [{ id: 'em', name: 'Hoàng Văn Em', organization: 'Đảng ủy VNPT Yên Bái' }],
};

/** Member ids in roster order. */
export const memberIds = meetingDefinition.cell.members.map((m) => m.id);

/** The chair's in-memory store; the meeting is still scheduled. */
export function chairStore(): LocalMeetingStore {
  return new LocalMeetingStore(meetingDefinition, { participantId: 'an', role: 'chair' });
}

/** The chair's store after the chair opened the meeting. */
export async function openMeetingAsChair(): Promise<LocalMeetingStore> {
  const store = chairStore();
  await store.send({ type: 'open-meeting' });
  return store;
}

/** A store for a member who is not the chair. */
export function memberStore(participantId = 'binh'): LocalMeetingStore {
  return new LocalMeetingStore(meetingDefinition, { participantId, role: 'member' });
}

/**
 * Another participant's view of the meeting held by `store`, as a second
 * client of the same server would see it. A `LocalMeetingStore` serves only one
 * actor, and only the chair can open a meeting, so this is the one way to show
 * a member an open meeting without the server. Commands are decided by the real
 * core for this participant; an accepted one is refused here, since the view
 * cannot record events.
 */
export function viewAs(store: MeetingStore, participantId: string, role: Role, name: string): MeetingStore {
  const you: Self = { participantId, role, name };
  let source: ClientSnapshot | undefined;
  let view: ClientSnapshot | undefined;
  return {
    getSnapshot() {
      const current = store.getSnapshot();
      if (current !== source) {
        source = current;
        view = { ...current, you };
      }
      return view!;
    },
    subscribe: (listener) => store.subscribe(listener),
    send(command) {
      const decision = decide(store.getSnapshot().meeting!, command, { participantId, role }, new Date().toISOString());
      if ('rejection' in decision) return Promise.reject(new CommandRejectedError(decision.rejection));
      return Promise.reject(new Error('This view cannot record events.'));
    },
  };
}

/** The element's shadow root, asserted present. */
export function shadowOf(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root.`);
  return el.shadowRoot;
}

/** Text as a person reads it: whitespace collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The number shown for one count of the roll (`total`, `present`, …). */
export function countOf(roll: Element, field: string): string {
  return textOf(shadowOf(roll).querySelector(`[data-count=${field}]`));
}

/** A member's row in the roll. */
export function rowOf(roll: Element, memberId: string): HTMLLIElement {
  const row = shadowOf(roll).querySelector<HTMLLIElement>(`li[data-member-id=${memberId}]`);
  if (!row) throw new Error(`No row for ${memberId}.`);
  return row;
}

/** The mark span of a member's row. */
export function markOf(roll: Element, memberId: string): HTMLElement {
  return rowOf(roll, memberId).querySelector<HTMLElement>('.mark')!;
}

/** The chair's button for one mark in a member's row, or null when not shown. */
export function markButton(roll: Element, memberId: string, mark: AttendanceMark): HTMLButtonElement | null {
  return rowOf(roll, memberId).querySelector<HTMLButtonElement>(`.actions button[data-mark=${mark}]`);
}
