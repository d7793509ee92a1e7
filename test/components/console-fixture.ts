/**
 * Helpers for the console elements' tests against the real server
 * (test/helpers/console-api.ts, started by web-test-runner.config.mjs): the
 * API on the page's own origin, admin tokens and held meetings from the
 * harness, and cells and meetings set up through the REST API as a portal's
 * backend would.
 */
import { aTimeout, expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { AttendanceMark, Member, UnitKind } from '../../src/core/index.js';
import type { ScheduleMeetingRequest } from '../../src/client/index.js';
import { shadowOf, textOf } from './meeting-fixture.js';

/** An id no other test uses: every test makes its own units, so none sees another's meetings. */
export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Starts the real server (the first request of a wtr run starts it, which
 * takes a few seconds on a busy machine): call it in a `before` hook so that
 * no test's own time limit pays for it.
 */
export async function serverStarted(this: Mocha.Context): Promise<void> {
  this.timeout(60_000);
  await adminToken();
}

/** An admin token from the server: unscoped, or for `units`; `expiresIn: '-10s'` for an expired one. */
export async function adminToken(options: { units?: string[]; expiresIn?: string; subject?: string } = {}): Promise<string> {
  const answer = await executeServerCommand<{ token: string }, object>('party-api', { action: 'token', ...options });
  if (!answer?.token) throw new Error('The harness gave no token.');
  return answer.token;
}

/** One REST call as the portal's backend makes it; throws unless the status is 2xx. */
export async function call<T = Record<string, unknown>>(token: string, method: string, path: string, json?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const body = (await response.json()) as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** `count` members `${prefix}-1`…; the first is a full member who may chair. */
export function membersOf(prefix: string, count: number, names: readonly string[] = []): Member[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i + 1}`, name: names[i] ?? `Đảng viên ${i + 1}`, status: 'full' as const }));
}

/** What a test cell is made of. */
export interface CellSetup {
  readonly id: string;
  readonly name: string;
  readonly unitKind?: UnitKind;
  readonly parentId?: string;
  readonly parentName?: string;
  readonly members: readonly Member[];
  readonly cannotMeetInPerson?: readonly string[];
}

/** Registers a cell and imports its roster. */
export async function createCell(token: string, cell: CellSetup): Promise<void> {
  const { members, ...rest } = cell;
  await call(token, 'POST', '/api/cells', rest);
  await call(token, 'PUT', `/api/cells/${encodeURIComponent(cell.id)}/roster`, { members });
}

/** Registers a meeting through the API; resolves with its id. */
export async function scheduleMeeting(token: string, request: ScheduleMeetingRequest): Promise<string> {
  const answer = await call<{ meeting: { id: string } }>(token, 'POST', '/api/meetings', request);
  return answer.meeting.id;
}

/** Holds a meeting on the server: opened at `openedAt`, the roll marked, closed `minutes` later; resolves when the report has it. */
export async function holdMeeting(
  meetingId: string,
  openedAt: string,
  minutes: number,
  roll: Record<string, { mark: AttendanceMark; reason?: string; reasonAccepted?: boolean }>,
): Promise<void> {
  const answer = await executeServerCommand<{ ok: boolean }, object>('party-api', { action: 'hold', meetingId, openedAt, minutes, roll });
  if (!answer?.ok) throw new Error(`The harness did not hold ${meetingId}.`);
}

/** Waits until `check` holds (the element loads over HTTP), at most `ms`. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await aTimeout(20);
  }
}

/** One node in an element's shadow root. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return shadowOf(el).querySelector<T>(selector);
}

/** All matching nodes in an element's shadow root. */
export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...shadowOf(el).querySelectorAll<T>(selector)];
}

/** The text of a node in the shadow root ('' when absent). */
export const textIn = (el: Element, selector: string): string => textOf($(el, selector));

/** Clicks a control like a person and lets the element render. */
export async function click(el: Element & { updateComplete: Promise<boolean> }, target: Element | null): Promise<void> {
  expect(target, 'control to click').to.exist;
  (target as HTMLElement).click();
  await el.updateComplete;
  await aTimeout(0);
  await el.updateComplete;
}

/** Sets a field the way a person's picker does (date and time inputs), firing `input` and `change`. */
export async function pick(el: Element & { updateComplete: Promise<boolean> }, field: HTMLInputElement | HTMLSelectElement | null, value: string): Promise<void> {
  expect(field, 'field to fill').to.exist;
  field!.value = value;
  field!.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field!.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}
