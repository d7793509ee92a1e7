/**
 * Between the schedule's form and the REST API: the request a filled-in form
 * makes, the form field a server's refusal names, and the address "Mở cuộc
 * họp" leads to. Pure functions (the last reads the page's address).
 */
import type { CellDetail, MeetingSummary, ScheduleMeetingRequest } from '../../client/index.js';
import { fromVietnamLocal } from './schedule-check.js';
import { draftDocuments, type Draft } from './schedule-form.js';

/** POST /api/meetings's body from the cell's form (bridge points only for a hybrid meeting). */
export function scheduleRequestOf(cell: CellDetail, draft: Draft): ScheduleMeetingRequest {
  const points = draft.mode === 'hybrid' ? draft.points : [];
  return {
    cellId: cell.id,
    title: draft.title.trim(),
    scheduledAt: fromVietnamLocal(draft.when)!,
    kind: draft.kind,
    mode: draft.mode,
    chairId: draft.chairId,
    cannotMeetInPerson: draft.cannotMeet.filter((id) => cell.members.some((m) => m.id === id)),
    ...(points.length ? { bridgePoints: points.map((p) => ({ id: `diem-cau-${p.key}`, name: p.name.trim(), ...(p.main ? { main: true } : {}) })) } : {}),
    ...(draft.documents.length ? { documents: draftDocuments(draft) } : {}),
    ...(draft.contents.length ? { contents: draft.contents } : {}),
  };
}

/** The form field (its element id) a server's `field` (`documents.0.postedAt`) names. */
export function formFieldOf(field: string | undefined, draft: Draft): string | undefined {
  if (!field) return undefined;
  const [head, index, leaf] = field.split('.');
  if (head === 'title') return 'title';
  if (head === 'scheduledAt') return 'when';
  if (head === 'chairId') return 'chair';
  const n = Number(index);
  if (head === 'bridgePoints' && draft.points[n]) return `point-${draft.points[n].key}`;
  if (head === 'documents' && draft.documents[n]) {
    const name = leaf === 'postedAt' ? 'posted' : leaf === 'url' ? 'url' : 'title';
    return `doc-${name}-${draft.documents[n].key}`;
  }
  return undefined;
}

/** The address of "Mở cuộc họp": the page's template (`{id}` for the meeting id), if it makes an http(s) address or a path. */
export function meetingHref(template: string, meeting: MeetingSummary): string | undefined {
  if (!template) return undefined;
  const href = template.replaceAll('{id}', encodeURIComponent(meeting.id));
  try {
    const url = new URL(href, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
