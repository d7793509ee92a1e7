/** Meetings with documents, and helpers for the documents tests. */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { LocalMeetingStore, type MeetingStore } from '../../src/client/index.js';
import type { MeetingDocuments } from '../../src/components/meeting-documents/meeting-documents.js';
import type { MeetingDefinition, MeetingDocument } from '../../src/core/index.js';
import { meetingDefinition, shadowOf, textOf } from './meeting-fixture.js';

const HOUR_MS = 60 * 60 * 1000;

/** The test meeting scheduled at `scheduledAt`, with these documents in its definition. */
export function withDocuments(documents: readonly MeetingDocument[], scheduledAt = meetingDefinition.scheduledAt): MeetingDefinition {
  return { ...meetingDefinition, scheduledAt, documents };
}

/** The test meeting scheduled `hours` from now, without documents. */
export function scheduledIn(hours: number): MeetingDefinition {
  return withDocuments([], new Date(Date.now() + hours * HOUR_MS).toISOString());
}

/**
 * The meeting of 25/11/2026 at 19:30 (Vietnam time) with two documents: the
 * report posted two days before, the draft resolution three hours before.
 */
export const twoDocuments = withDocuments([
  { id: 'bao-cao', title: 'Báo cáo tình hình tháng 11', postedAt: '2026-11-23T19:30:00+07:00', url: '/tai-lieu/bao-cao-thang-11.html' },
  { id: 'du-thao', title: 'Dự thảo nghị quyết tháng 11', postedAt: '2026-11-25T16:30:00+07:00', url: 'https://127.0.0.1:9/van-ban/du-thao' },
]);

/** The chair's store on a meeting. */
export const chairOf = (definition: MeetingDefinition) => new LocalMeetingStore(definition, { participantId: 'an', role: 'chair' });
/** A member's store on a meeting. */
export const memberOf = (definition: MeetingDefinition, participantId = 'binh') => new LocalMeetingStore(definition, { participantId, role: 'member' });

/** Renders the element on `store`. */
export async function render(store: MeetingStore, lang = ''): Promise<MeetingDocuments> {
  return fixture<MeetingDocuments>(html`<meeting-documents lang=${lang} .store=${store}></meeting-documents>`);
}

/** One node in the element's shadow root. */
export function $<T extends Element = HTMLElement>(el: MeetingDocuments, selector: string): T | null {
  return shadowOf(el).querySelector<T>(selector);
}

/** All matching nodes in the element's shadow root. */
export function $$(el: MeetingDocuments, selector: string): HTMLElement[] {
  return [...shadowOf(el).querySelectorAll<HTMLElement>(selector)];
}

/** A document's row, asserted present. */
export function row(el: MeetingDocuments, id: string): HTMLLIElement {
  const found = $<HTMLLIElement>(el, `li[data-document-id="${id}"]`);
  if (!found) throw new Error(`No row for ${id}.`);
  return found;
}

/** The badge text of a document's row. */
export const badgeOf = (el: MeetingDocuments, id: string) => textOf(row(el, id).querySelector('[data-badge]'));
/** The "Xem" button of a document's row, or null. */
export const viewButton = (el: MeetingDocuments, id: string) => row(el, id).querySelector<HTMLButtonElement>('button[data-action=view]');
/** What the status region says. */
export const announcement = (el: MeetingDocuments) => textOf($(el, '[role=status]'));
/** What the alert region says. */
export const alertText = (el: MeetingDocuments) => textOf($(el, '[role=alert]'));

/** Clicks like a person and waits until the result is on screen. */
export async function click(el: MeetingDocuments, target: Element | null): Promise<void> {
  expect(target, 'control to click').to.exist;
  (target as HTMLElement).click();
  await el.updateComplete;
  // The command resolves a microtask later; let the element render its result.
  await aTimeout(0);
  await el.updateComplete;
}
