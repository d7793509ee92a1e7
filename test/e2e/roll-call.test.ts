/**
 * End to end: the real server (a child process, SQLite in a temporary folder),
 * the demo portal in Debian's Chromium, three people (chair, full member,
 * upper-level delegate) in three browser contexts. The chair opens the meeting
 * and takes the roll; everyone sees the same roll; the server is SIGKILLed and
 * restarted and the pages resume on their own; a member's page cannot do what
 * only the chair may; malformed messages are refused without harm.
 *
 * Run: node --import tsx --test test/e2e/roll-call.test.ts
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { JoinTokens } from '../../server/tokens.js';
import { CHROMIUM_ARGS, freePort, PageSocket, Scenario, ServerProcess, waitFor } from './helpers.js';

/** Action buttons of the meeting's procedure: the member's own camera and microphone (<device-check>, <media-stage>) are no chair's control. */
async function procedureActions(page: Page): Promise<number> {
  return (await page.locator('button[data-action]').count()) - (await page.locator('device-check button[data-action], media-stage button[data-action]').count());
}

const MEETING_ID = 'vnpt-van-yen-2026-11';
const CHAIR = 'hoang-van-minh';
const MEMBER = 'nguyen-thi-lan';
const DELEGATE = 'dang-van-son';
const EVERYONE_ONLINE = [CHAIR, DELEGATE, MEMBER].sort();
const MEMBERS = [
  'hoang-van-minh',
  'nguyen-thi-lan',
  'tran-duc-thang',
  'le-thi-hoa',
  'pham-van-long',
  'do-thi-thu-ha',
  'vu-quang-huy',
  'bui-thi-ngoc-anh',
];
const REASON = 'Đi công tác Hà Nội';

type Mark = 'present-online' | 'absent-with-reason' | 'absent-without-reason' | 'unmarked';
type Counts = Partial<Record<'presentOnline', number>> & Record<'total' | 'full' | 'probationary' | 'present' | 'absentWithReason' | 'absentWithoutReason' | 'unmarked', number>;

/** What one page shows of the meeting. */
interface View {
  status: string | null;
  phase: string | null;
  online: string[];
  counts: Record<string, number>;
  marks: Record<string, string>;
}

/** Reads the room and the roll of a page, through their shadow roots, without waiting. */
async function readView(page: Page): Promise<View> {
  const first = (values: (string | null)[]) => (values.length === 1 ? values[0]! : values.length === 0 ? null : `ambiguous: ${values.join(',')}`);
  const [status, phase, online, counts, marks] = await Promise.all([
    page.locator('party-meeting-room [data-connection]').evaluateAll((els) => els.map((e) => e.getAttribute('data-connection'))),
    page.locator('party-meeting-room [data-meeting-phase]').evaluateAll((els) => els.map((e) => e.getAttribute('data-meeting-phase'))),
    page
      .locator('party-meeting-room ul[data-online] li[data-participant-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-participant-id') ?? '')),
    page
      .locator('attendance-roll [data-count]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-count') ?? '', Number((e.textContent ?? '').trim())] as const)),
    page
      .locator('attendance-roll li[data-member-id]')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-member-id') ?? '', e.querySelector('.mark[data-mark]')?.getAttribute('data-mark') ?? 'missing'] as const),
      ),
  ]);
  return {
    status: first(status),
    phase: first(phase),
    online: online.sort(),
    counts: Object.fromEntries(counts),
    marks: Object.fromEntries(marks),
  };
}

describe('roll call, end to end (server process + Chromium)', { timeout: 180_000 }, () => {
  const started = performance.now();
  const secret = randomBytes(36).toString('base64url');
  const dataDir = mkdtempSync(join(tmpdir(), 'party-e2e-'));
  const servers: ServerProcess[] = [];
  const pageProblems: string[] = [];
  let port = 0;
  let baseUrl = '';
  let wsUrl = '';
  let browser: Browser | undefined;
  let chair: Page;
  let member: Page;
  let delegate: Page;
  const pages: { name: string; page: Page }[] = [];
  const tokens = { chair: '', member: '', delegate: '' };
  // Steps in order; once one fails, the later ones are skipped.
  const scenario = new Scenario();
  const { step } = scenario;
  let setUp = false;

  /** The roll as the chair has marked it so far; unmarked members are absent from it. */
  const roll: Record<string, Mark> = {};
  const expectedMarks = () => Object.fromEntries(MEMBERS.map((id) => [id, roll[id] ?? 'unmarked']));


  /** Waits until every page shows `expected` (the roll's marks, its counts, phase, status and who is online). */
  async function expectEveryPage(expected: { counts: Counts; phase: string; status?: string; online?: string[] }, timeoutMs = 5_000) {
    const want: View = {
      status: expected.status ?? 'connected',
      phase: expected.phase,
      online: expected.online ?? EVERYONE_ONLINE,
      counts: expected.counts,
      marks: expectedMarks(),
    };
    await Promise.all(
      pages.map(({ name, page }) => waitFor(`${name}'s page`, async () => assert.deepEqual(await readView(page), want), timeoutMs)),
    );
  }

  async function openPage(name: string, token: string): Promise<Page> {
    const context = await browser!.newContext();
    const page = await context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`${name}: uncaught ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') pageProblems.push(`${name}: console.${message.type()} ${message.text()}`);
    });
    await page.goto(`${baseUrl}/?invite=${encodeURIComponent(token)}`);
    pages.push({ name, page });
    return page;
  }

  /** Clicks a mark of the chair's roll for one member and records what every page should show. */
  async function chairMarks(memberId: string, mark: Exclude<Mark, 'unmarked' | 'absent-with-reason'>) {
    await chair.locator(`attendance-roll li[data-member-id="${memberId}"] button[data-mark="${mark}"]`).click();
    roll[memberId] = mark;
  }

  before(async () => {
    port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    wsUrl = `ws://127.0.0.1:${port}/ws`;
    const signer = new JoinTokens(secret);
    tokens.chair = await signer.sign({ meetingId: MEETING_ID, participantId: CHAIR, role: 'chair' });
    tokens.member = await signer.sign({ meetingId: MEETING_ID, participantId: MEMBER, role: 'member' });
    tokens.delegate = await signer.sign({ meetingId: MEETING_ID, participantId: DELEGATE, role: 'delegate' });

    const server = ServerProcess.start('server #1', { PORT: port, DATA_DIR: dataDir, PARTY_JWT_SECRET: secret });
    servers.push(server);
    await server.ready(baseUrl);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    setUp = true;
  });

  after(async () => {
    try {
      if (scenario.failed || !setUp) {
        for (const server of servers) console.log(server.log());
        if (pageProblems.length > 0) console.log(`----- page console -----\n${pageProblems.join('\n')}`);
      }
    } finally {
      await browser?.close().catch((error) => console.log(`closing the browser failed: ${String(error)}`));
      for (const server of servers) await server.kill();
      rmSync(dataDir, { recursive: true, force: true });
      console.log(`e2e duration: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  });

  step('chair, member and delegate connect and each sees the other two online', async () => {
    chair = await openPage('chair', tokens.chair);
    member = await openPage('member', tokens.member);
    delegate = await openPage('delegate', tokens.delegate);
    await expectEveryPage({
      phase: 'scheduled',
      counts: { total: 8, full: 7, probationary: 1, present: 0, absentWithReason: 0, absentWithoutReason: 0, unmarked: 8 },
    });
    // Names come through in UTF-8, not mojibake.
    assert.match((await member.locator('party-meeting-room ul[data-online] li[data-participant-id="dang-van-son"]').textContent()) ?? '', /Đặng Văn Sơn/);
  });

  step('only the chair has the controls: the open button, and no mark before the meeting opens', async () => {
    assert.equal(await chair.locator('button[data-action="open-meeting"]').count(), 1);
    assert.equal(await chair.locator('attendance-roll button[data-mark]').count(), 0, 'no marks before the meeting is open');
    for (const page of [member, delegate]) {
      assert.equal(await procedureActions(page), 0);
      assert.equal(await page.locator('attendance-roll button[data-mark]').count(), 0);
    }
  });

  step('the chair opens the meeting and takes the roll; every page shows the same counts', async () => {
    await chair.locator('button[data-action="open-meeting"]').click();
    await expectEveryPage({
      phase: 'open',
      counts: { total: 8, full: 7, probationary: 1, present: 0, absentWithReason: 0, absentWithoutReason: 0, unmarked: 8 },
    });
    // A hybrid meeting: present online, present in the room, absent with or without reason (none of the sample is exempt).
    assert.equal(await chair.locator('attendance-roll button[data-mark]').count(), 4 * MEMBERS.length);

    await chairMarks('hoang-van-minh', 'present-online');
    await chairMarks('nguyen-thi-lan', 'present-online');
    await chairMarks('le-thi-hoa', 'present-online');
    await chairMarks('bui-thi-ngoc-anh', 'present-online');
    await chairMarks('pham-van-long', 'absent-without-reason');

    const row = chair.locator('attendance-roll li[data-member-id="tran-duc-thang"]');
    await row.locator('button[data-mark="absent-with-reason"]').click();
    await row.locator('input[name="reason"]').fill(REASON);
    await row.locator('form button[type="submit"]').click();
    roll['tran-duc-thang'] = 'absent-with-reason';
    await waitFor('the reason form closes after saving', async () => assert.equal(await row.locator('form').count(), 0));

    await expectEveryPage({
      phase: 'open',
      counts: { total: 8, full: 7, probationary: 1, present: 4, presentOnline: 4, absentWithReason: 1, absentWithoutReason: 1, unmarked: 2 },
    });
    for (const { name, page } of pages) {
      const text = await page.locator('attendance-roll li[data-member-id="tran-duc-thang"] .mark').textContent();
      assert.ok(text?.includes(REASON), `${name} sees the reason, got ${JSON.stringify(text)}`);
    }
    for (const page of [member, delegate]) {
      assert.equal(await procedureActions(page), 0, 'no open or close button for a member or delegate');
      assert.equal(await page.locator('attendance-roll button[data-mark]').count(), 0, 'no mark buttons for a member or delegate');
    }
  });

  step('after a SIGKILL and a restart the pages reconnect by themselves and resume live', async () => {
    for (const { page } of pages) await page.evaluate(() => ((globalThis as unknown as { __e2eNoReload?: boolean }).__e2eNoReload = true));
    const first = servers[0]!;
    await first.kill();
    assert.deepEqual(await first.exited, { code: null, signal: 'SIGKILL' });

    const counts: Counts = { total: 8, full: 7, probationary: 1, present: 4, presentOnline: 4, absentWithReason: 1, absentWithoutReason: 1, unmarked: 2 };
    // While the server is gone, every page says so and keeps the meeting it had.
    await expectEveryPage({ status: 'reconnecting', phase: 'open', counts });

    const second = ServerProcess.start('server #2', { PORT: port, DATA_DIR: dataDir, PARTY_JWT_SECRET: secret });
    servers.push(second);
    await second.ready(baseUrl);
    // Reconnect attempts back off (up to 10 s between them), hence the longer wait.
    await expectEveryPage({ phase: 'open', counts }, 20_000);
    for (const { name, page } of pages) {
      assert.equal(await page.evaluate(() => (globalThis as unknown as { __e2eNoReload?: boolean }).__e2eNoReload), true, `${name}'s page was not reloaded`);
    }

    await chairMarks('do-thi-thu-ha', 'present-online');
    await expectEveryPage({
      phase: 'open',
      counts: { total: 8, full: 7, probationary: 1, present: 5, presentOnline: 5, absentWithReason: 1, absentWithoutReason: 1, unmarked: 1 },
    });
  });

  step("a member's page cannot perform a chair's command", async () => {
    const socket = await PageSocket.open(member, 'member-raw', wsUrl);
    await socket.sendJson({ type: 'hello', token: tokens.member });
    const welcome = await socket.next(5_000, true);
    assert.equal(welcome.type, 'welcome');
    assert.deepEqual(welcome.you, { participantId: MEMBER, role: 'member', name: 'Nguyễn Thị Lan' });

    await socket.sendJson({ type: 'command', id: 'x1', command: { type: 'mark-attendance', memberId: 'le-thi-hoa', mark: 'absent-without-reason' } });
    // Events are broadcast before a command's answer, so "no event first" means nothing was recorded.
    const reply = await socket.next(5_000, true);
    assert.equal(typeof reply.message, 'string');
    assert.deepEqual({ ...reply, message: undefined }, { type: 'reject', id: 'x1', code: 'not-allowed', message: undefined });

    await socket.sendJson({ type: 'command', id: 'x2', command: { type: 'close-meeting' } });
    const reply2 = await socket.next(5_000, true);
    assert.deepEqual({ ...reply2, message: undefined }, { type: 'reject', id: 'x2', code: 'not-allowed', message: undefined });
    await socket.close();

    // Nobody's view changed: Lê Thị Hoa is still present, the meeting still open, all three still online.
    await expectEveryPage({
      phase: 'open',
      counts: { total: 8, full: 7, probationary: 1, present: 5, presentOnline: 5, absentWithReason: 1, absentWithoutReason: 1, unmarked: 1 },
    });
    for (const page of [member, delegate]) {
      assert.equal(await procedureActions(page), 0);
      assert.equal(await page.locator('attendance-roll button[data-mark]').count(), 0);
    }
  });

  step('malformed messages are refused, the socket stays open and the meeting goes on', async () => {
    // A socket that never said hello.
    const anonymous = await PageSocket.open(delegate, 'anonymous', wsUrl);
    await anonymous.send('not json');
    const notJson = await anonymous.next();
    assert.equal(notJson.type, 'reject');
    assert.equal(notJson.code, 'invalid-message');
    assert.equal(notJson.id, undefined);
    await anonymous.sendJson({ type: 'command' });
    const noCommand = await anonymous.next();
    assert.equal(noCommand.type, 'reject');
    assert.equal(noCommand.code, 'invalid-message');
    await anonymous.sendJson({ type: 'ping' });
    assert.deepEqual(await anonymous.next(), { type: 'pong' });
    assert.equal(await anonymous.isOpen(), true);
    await anonymous.close();

    // A socket of the delegate that joined: still live after the bad messages.
    const joined = await PageSocket.open(delegate, 'delegate-raw', wsUrl);
    await joined.sendJson({ type: 'hello', token: tokens.delegate });
    assert.equal((await joined.next(5_000, true)).type, 'welcome');
    await joined.send('not json');
    assert.deepEqual(pick(await joined.next(), 'type', 'code', 'id'), { type: 'reject', code: 'invalid-message', id: undefined });
    await joined.sendJson({ type: 'command' });
    assert.deepEqual(pick(await joined.next(), 'type', 'code', 'id'), { type: 'reject', code: 'invalid-message', id: undefined });
    await joined.sendJson({ type: 'ping' });
    assert.deepEqual(await joined.next(), { type: 'pong' });
    assert.equal(await joined.isOpen(), true);

    await chairMarks('vu-quang-huy', 'absent-without-reason');
    const event = await joined.next(5_000, true);
    assert.equal(event.type, 'event');
    assert.deepEqual(pick(event.event as Record<string, unknown>, 'type', 'memberId', 'mark', 'by'), {
      type: 'attendance-marked',
      memberId: 'vu-quang-huy',
      mark: 'absent-without-reason',
      by: CHAIR,
    });
    await joined.close();

    await expectEveryPage({
      phase: 'open',
      counts: { total: 8, full: 7, probationary: 1, present: 5, presentOnline: 5, absentWithReason: 1, absentWithoutReason: 2, unmarked: 0 },
    });
    assert.deepEqual(
      pageProblems.filter((p) => p.includes('uncaught')),
      [],
      'no uncaught error in any page',
    );
    // The demo serves a strict policy (no 'unsafe-inline'): the elements must never need an exception.
    assert.deepEqual(
      pageProblems.filter((p) => p.includes('Content Security Policy')),
      [],
      'no Content-Security-Policy violation in any page',
    );
  });
});

function pick(value: Record<string, unknown>, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, value[key]]));
}
