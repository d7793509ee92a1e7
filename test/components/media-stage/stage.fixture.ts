/** A hybrid meeting with a bridge point's room, and helpers for the `<media-stage>` tests. */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/components/media-stage/define.js';
import type { MediaStage } from '../../../src/components/media-stage/media-stage.js';
import { LocalMeetingStore, type MeetingStore } from '../../../src/client/index.js';
import { microphoneRule, type MeetingDefinition } from '../../../src/core/index.js';
import { shadowOf, textOf } from '../meeting-fixture.js';
import type { ScriptedMedia } from './scripted-media.js';

export { shadowOf, textOf };

/** A cell of four online and a commune hall (bridge point) whose technician runs the room's camera; Cường sits in the hall. */
export const stageMeeting: MeetingDefinition = {
  id: 'meeting-stage',
  title: 'Sinh hoạt chi bộ thường kỳ tháng 12/2026',
  scheduledAt: '2026-12-20T19:30:00+07:00',
  chairId: 'an',
  mode: 'hybrid',
  cell: {
    id: 'cell-dong',
    name: 'Chi bộ thôn Đông',
    members: [
      { id: 'an', name: 'Nguyễn Văn An', status: 'full' },
      { id: 'binh', name: 'Trần Thị Bình', status: 'full' },
      { id: 'cuong', name: 'Lê Văn Cường', status: 'full' },
      { id: 'dung', name: 'Phạm Thị Dung', status: 'probationary' },
    ],
  },
  delegates: [],
  guests: [{ id: 'tech', name: 'Kỹ thuật viên xã', kind: 'technician' }],
  bridgePoints: [
    { id: 'main', name: 'Điểm cầu chính', main: true },
    { id: 'xa', name: 'Hội trường xã', operatorId: 'tech' },
  ],
  seating: { cuong: 'xa', tech: 'xa' },
};

/** The meeting, open, with the chair, Bình, Dung and the hall's technician in it; each with their own store. */
export async function openStageMeeting(
  definition: MeetingDefinition = stageMeeting,
): Promise<{ chair: LocalMeetingStore; binh: LocalMeetingStore; dung: LocalMeetingStore; tech: LocalMeetingStore }> {
  const chair = new LocalMeetingStore(definition, { participantId: 'an', role: 'chair' });
  await chair.send({ type: 'open-meeting' });
  return {
    chair,
    binh: chair.as({ participantId: 'binh', role: 'member' }),
    dung: chair.as({ participantId: 'dung', role: 'member' }),
    tech: chair.as({ participantId: 'tech', role: 'technician' }),
  };
}

/** Renders a stage on `store` with `media`. */
export async function renderStage(store: MeetingStore | undefined, media: ScriptedMedia | undefined, lang?: string): Promise<MediaStage> {
  return fixture<MediaStage>(html`<media-stage lang=${ifDefined(lang)} .store=${store} .media=${media}></media-stage>`);
}

/** What the room does on every change of the meeting: tell the adapter what the floor means for this member. */
export function followFloor(store: MeetingStore, media: ScriptedMedia): void {
  const { meeting, you } = store.getSnapshot();
  media.applyMicrophoneRule(microphoneRule(meeting!, you!.participantId));
}

/** Lets the element render what the adapter or the store just changed. */
export async function settle(el: MediaStage): Promise<void> {
  await aTimeout(0);
  await el.updateComplete;
}

/** One node in the stage's shadow root. */
export function $(el: Element, selector: string): HTMLElement | null {
  return shadowOf(el).querySelector<HTMLElement>(selector);
}

/** All matching nodes in the stage's shadow root. */
export function $$(el: Element, selector: string): HTMLElement[] {
  return [...shadowOf(el).querySelectorAll<HTMLElement>(selector)];
}

/** The large picture's participant, or '' when there is none. */
export function featuredId(el: MediaStage): string {
  return $(el, '[data-featured]')?.dataset.participantId ?? '';
}

/** The names of the small pictures, in order (the member's own last). */
export function smallNames(el: MediaStage): string[] {
  return $$(el, '.tiles > li .name').map((n) => textOf(n));
}

/** A toolbar button. */
export function control(el: MediaStage, name: string): HTMLButtonElement {
  const button = $(el, `button[data-control=${name}]`);
  expect(button, `the ${name} button`).to.exist;
  return button as HTMLButtonElement;
}

/** Clicks like a person and waits until the adapter's answer is on screen. */
export async function click(el: MediaStage, target: HTMLElement | null): Promise<void> {
  expect(target, 'control to click').to.exist;
  target!.click();
  await settle(el);
  await settle(el);
}
