/**
 * End to end: the upper level's path through one online meeting of a cell
 * (issue 8; seed 004: the Đảng ủy Khối collects its cells' schedules, sends a
 * standing-committee member to attend from its own bridge point, gives its
 * feedback after the meeting and evaluates the pilot every year). Debian's
 * Chromium against the real server (a child process with `--demo`, SQLite in a
 * temporary folder, `DEMO_MEDIA=none`: the room's procedure alone, no WebRTC
 * outside a network namespace), by clicking the elements of the demo's pages:
 *
 * 1. On the console (/cap-tren), the cell registers a hybrid meeting for now in
 *    `<meeting-schedule mode="cell">` and reads that HD 03 allows it.
 * 2. The upper level finds it in the calendar's list, and assigns Đặng Văn Sơn
 *    (its committee member the page offers) at a new bridge point of its own;
 *    the list names him there and gives his invite link.
 * 3. The delegate opens that link: the room names him an upper-level delegate;
 *    the chair (invited through the REST API, as the portal's backend does)
 *    sees him online; the chair opens the meeting, takes the roll, gives him the
 *    floor after he raises his hand, ends it and closes the meeting.
 * 4. The delegate, on the console, opens the meeting's assessment and sends
 *    strengths, limitations, lessons and points per criterion; the grade shows.
 * 5. `<pilot-report>` for the year shows that meeting with its attendance and
 *    the score and grade, and the cell's line counts it.
 *
 * Every check reads what a person reads (texts of the pages).
 *
 * Run: node --import tsx --test test/e2e/upper-level.test.ts
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { AdminTokens } from '../../server/api/admin-tokens.js';
import { sampleMeeting } from '../../server/sample-cell.js';
import { CHROMIUM_ARGS, Scenario, ServerProcess, freePort, waitFor } from './helpers.js';

const SAMPLE = sampleMeeting(new Date().toISOString());
const CELL = SAMPLE.cell;
const CHAIR = SAMPLE.chairId;
const DELEGATE = SAMPLE.delegates[0]!;
const UPPER_POINT = 'Điểm cầu Đảng ủy Khối';
const ABSENT_WITH_REASON = 'tran-duc-thang';
const ABSENCE_REASON = 'Đi công tác Hà Nội';
const ABSENT_WITHOUT_REASON = 'bui-thi-ngoc-anh';
const IN_ROOM = ['nguyen-thi-lan', 'le-thi-hoa', 'pham-van-long', 'do-thi-thu-ha', 'vu-quang-huy'];
const nameOf = (id: string) => CELL.members.find((m) => m.id === id)!.name;
/** Points per criterion of the default scoring frame (src/core/policy/assessment.ts): 87 of 100, Khá (≥ 70). */
const POINTS = { preparation: 18, attendance: 12, procedure: 19, content: 25, technology: 13 };
const SCORE = Object.values(POINTS).reduce((a, b) => a + b, 0);
const FEEDBACK = {
  strengths: 'Chuẩn bị chu đáo; đồng chí chủ trì điều hành đúng quy trình.',
  limitations: 'Thời gian sinh hoạt còn ngắn.',
  lessons: 'Gửi tài liệu trước một ngày trên Sổ tay đảng viên điện tử.',
};

const VIETNAM_MS = 7 * 3600_000;
const two = (n: number) => String(n).padStart(2, '0');
/** Vietnam time's parts of an instant. */
function vietnam(ms: number) {
  const d = new Date(ms + VIETNAM_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}
/** "19:30 10/03/2026", as the elements write a time in Vietnamese. */
const viDateTime = (p: ReturnType<typeof vietnam>) => `${two(p.hour)}:${two(p.minute)} ${two(p.day)}/${two(p.month)}/${p.year}`;
/** The text a person reads: whitespace runs as one space. */
const read = async (locator: Locator) => ((await locator.textContent({ timeout: 5_000 })) ?? '').replace(/\s+/g, ' ').trim();

describe('the upper level’s console, end to end (server process + Chromium): register, assign, attend, assess, report', { timeout: 180_000 }, () => {
  const secret = randomBytes(36).toString('base64url');
  const dataDir = mkdtempSync(join(tmpdir(), 'party-e2e-upper-'));
  const pageProblems: string[] = [];
  let server: ServerProcess | undefined;
  let baseUrl = '';
  let browser: Browser | undefined;
  const scenario = new Scenario();
  const step = scenario.step;

  let console_: Page;
  let chair: Page;
  let delegateRoom: Page;
  let delegateConsole: Page;
  /** When the meeting is registered for (the minute the test starts, Vietnam time). */
  const when = vietnam(Date.now());
  const title = `Sinh hoạt chi bộ định kỳ tháng ${when.month}/${when.year}`;
  let meetingId = '';
  let inviteUrl = '';
  /** The cell's meetings the demo held earlier this year (45 and 15 days ago, when still this year). */
  let earlier = 0;

  async function newPage(name: string, url: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageProblems.push(`${name}: uncaught ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') pageProblems.push(`${name}: console.error ${message.text()}`);
    });
    await page.goto(url);
    return page;
  }

  before(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = ServerProcess.start('server', { PORT: port, DATA_DIR: dataDir, PARTY_JWT_SECRET: secret, DEMO_MEDIA: 'none' });
    await server.ready(baseUrl, 40_000);
    // The console page carries its token once the demo's registry is seeded (after the server answers).
    await waitFor('the console page is seeded', async () => assert.match(await (await fetch(`${baseUrl}/cap-tren`)).text(), /token="ey/), 40_000, 200);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    if (scenario.failed && server) console.log(server.log());
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  step('1. the cell registers a hybrid meeting for now, and reads that HD 03 allows it', async () => {
    console_ = await newPage('console', `${baseUrl}/cap-tren`);
    const form = console_.locator('#dang-ky meeting-schedule');
    await waitFor('the cell’s form names the cell', async () => assert.equal(await read(form.locator('[data-unit]')), `${CELL.name}: ${CELL.members.length} đảng viên`), 15_000);
    await form.locator('#when').fill(`${when.year}-${two(when.month)}-${two(when.day)}T${two(when.hour)}:${two(when.minute)}`);
    // The demo held two hybrid meetings of this cell 45 and 15 days ago: those of this year count against the limit of 3.
    earlier = [45, 15].filter((days) => vietnam(Date.now() - days * 86_400_000).year === when.year).length;
    await waitFor('the live check', async () => {
      assert.equal(await read(form.locator('[data-verdict]')), 'Được đăng ký: đạt mọi điều kiện đã kiểm tra.');
      assert.equal(await read(form.locator('[data-count]')), `Năm ${when.year}: đã đăng ký ${earlier}/3 buổi sinh hoạt trực tuyến.`);
    });
    assert.equal(await form.locator('#title').inputValue(), title, 'the title follows the kind and month');
    await form.locator('button[data-action="register"]').click();
    await waitFor('the confirmation', async () => assert.equal(await read(form.locator('[data-done]')), `Đã đăng ký “${title}” lúc ${viDateTime(when)}.`), 10_000);
  });

  step('2. the upper level finds it in its calendar and assigns its committee member at its own bridge point; the invite link is shown', async () => {
    // The person reloads the console: the calendar reads the month's meetings again.
    await console_.reload();
    const schedule = console_.locator('#lich meeting-schedule');
    const item = schedule.locator('li[data-meeting-id]', { hasText: title });
    await waitFor('the meeting in the month’s list', async () => assert.equal(await item.count(), 1), 15_000);
    meetingId = (await item.getAttribute('data-meeting-id'))!;
    assert.equal(await read(item.locator('.name')), `${CELL.name} — ${title}`);
    assert.match(await read(item.locator('.head')), new RegExp(`^${viDateTime(when)} Trực tiếp kết hợp trực tuyến`));
    assert.equal(await read(item.locator('[data-delegates]')), 'Chưa phân công đại biểu cấp trên.');

    await item.locator('button[data-action="assign"]').click();
    const form = item.locator('form.assign');
    const person = form.locator('select').first();
    assert.equal(await read(person.locator('option:checked')), `${DELEGATE.name} — ${DELEGATE.organization}`, 'the committee member the page offers is chosen');
    assert.equal(await form.locator('[data-field="point"]').inputValue(), '__new', 'the cell has no bridge point of the upper level yet: a new one');
    await form.locator('[data-field="new-point"]').fill(UPPER_POINT);
    await form.locator('button[data-action="assign-submit"]').click();
    await waitFor('the assignment is announced', async () => assert.equal(await read(schedule.locator('[data-announcement]')), `Đã phân công đồng chí ${DELEGATE.name} dự “${title}”.`), 10_000);
    await waitFor('the list names him at his bridge point', async () =>
      assert.equal(await read(item.locator('[data-delegates]')), `Đại biểu cấp trên: ${DELEGATE.name} (tại ${UPPER_POINT})`),
    );
    const link = item.locator('.invites a');
    assert.equal(await read(link), `Đường link mời gửi đồng chí ${DELEGATE.name}`);
    inviteUrl = (await link.getAttribute('href'))!;
    assert.ok(inviteUrl.startsWith(`${baseUrl}/?invite=`), inviteUrl);
  });

  step('3. the delegate opens the invite link and waits in the room as an upper-level delegate; he and the chair read him online at the upper level’s bridge point', async () => {
    delegateRoom = await newPage('delegate', inviteUrl);
    const room = delegateRoom.locator('party-meeting-room');
    await waitFor('the delegate’s room', async () => {
      assert.equal(await read(room.locator('#meeting-title')), title);
      assert.equal(await read(room.locator('p.you')), `Bạn: ${DELEGATE.name} (Đại biểu cấp trên)`);
      assert.match(await read(room.locator('[data-hint="waiting"]')), /chờ đồng chí chủ trì khai mạc/);
    }, 15_000);
    assert.equal(await room.locator('[data-media-step]').count(), 0, 'media="none": no device check, no video');
    assert.deepEqual((await room.locator('p.notice').allTextContents()).filter((t) => t.trim()), [], 'no notice (such as a wrong meeting)');

    // The chair's invite, as the portal's backend asks for it (POST /api/meetings/{id}/invites).
    const admin = await new AdminTokens(secret).sign({ subject: 'e2e-portal' }, '10m');
    const answer = await fetch(`${baseUrl}/api/meetings/${encodeURIComponent(meetingId)}/invites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ participantIds: [CHAIR] }),
    });
    assert.equal(answer.status, 201, await answer.clone().text());
    const [invite] = ((await answer.json()) as { invites: Array<{ url: string }> }).invites;
    chair = await newPage('chair', invite!.url);
    // Both read him online as the upper level's delegate at its own bridge point.
    for (const [who, page] of [['the chair', chair], ['the delegate', delegateRoom]] as const) {
      const online = page.locator(`party-meeting-room ul[data-online] li[data-participant-id="${DELEGATE.id}"]`);
      await waitFor(`${who} sees the delegate online at his bridge point`, async () => assert.equal(await read(online), `${DELEGATE.name} Đại biểu cấp trên · tại ${UPPER_POINT}`), 15_000);
    }
  });

  step('4. the chair opens the meeting and takes the roll', async () => {
    await chair.locator('party-meeting-room button[data-action="open-meeting"]').click();
    for (const page of [chair, delegateRoom]) {
      await waitFor('the meeting is open', async () => assert.equal(await read(page.locator('party-meeting-room [data-meeting-phase]')), 'Đang họp'), 10_000);
    }
    const mark = async (memberId: string, what: string) => {
      const row = chair.locator(`attendance-roll li[data-member-id="${memberId}"]`);
      await row.locator(`button[data-mark="${what}"]`).click();
      if (what === 'absent-with-reason') {
        await row.locator('input[name="reason"]').fill(ABSENCE_REASON);
        await row.locator('form button[type="submit"]').click();
      }
      await waitFor(`${memberId} marked`, async () => assert.equal(await row.locator('.mark[data-mark]').getAttribute('data-mark'), what));
    };
    await mark(CHAIR, 'present-online');
    for (const id of IN_ROOM) await mark(id, 'present-in-person');
    await mark(ABSENT_WITH_REASON, 'absent-with-reason');
    await mark(ABSENT_WITHOUT_REASON, 'absent-without-reason');
    const row = (id: string) => delegateRoom.locator(`attendance-roll li[data-member-id="${id}"] .mark`);
    await waitFor('the delegate reads the roll', async () => {
      assert.equal(await read(row(CHAIR)), 'Có mặt trực tuyến');
      assert.equal(await read(row(ABSENT_WITH_REASON)), `Vắng có lý do: ${ABSENCE_REASON}`);
      assert.equal(await read(row(ABSENT_WITHOUT_REASON)), 'Vắng không lý do');
    });
  });

  step('5. the delegate raises his hand and the chair gives him the floor, then ends it', async () => {
    await delegateRoom.locator('speaker-queue button[data-hand]').click();
    const give = chair.locator(`speaker-queue .queue li[data-participant-id="${DELEGATE.id}"] button[data-action="give"]`);
    await waitFor('the chair sees the raised hand', async () => assert.equal(await give.count(), 1), 10_000);
    await give.click();
    for (const page of [chair, delegateRoom]) {
      await waitFor('the floor is his', async () => assert.equal(await read(page.locator('speaker-queue [data-floor] .name')), DELEGATE.name), 10_000);
    }
    assert.match(await read(delegateRoom.locator('speaker-queue [data-floor-you]')), /Đồng chí được mời phát biểu/);
    await chair.locator('speaker-queue button[data-action="end"]').click();
    await waitFor('the floor is free', async () => assert.equal(await delegateRoom.locator('speaker-queue [data-floor-you]').count(), 0), 10_000);
  });

  step('6. the chair closes the meeting', async () => {
    await chair.locator('party-meeting-room button[data-action="close-meeting"]').click();
    await chair.locator('party-meeting-room button[data-action="confirm-close"]').click();
    for (const page of [chair, delegateRoom]) {
      await waitFor('the meeting is closed', async () => assert.equal(await read(page.locator('party-meeting-room [data-meeting-phase]')), 'Đã bế mạc'), 10_000);
    }
  });

  step('7. the delegate opens the meeting’s assessment on the console and sends it; the grade shows', async () => {
    delegateConsole = await newPage('delegate console', `${baseUrl}/cap-tren`);
    const item = delegateConsole.locator(`#lich meeting-schedule li[data-meeting-id="${meetingId}"]`);
    await waitFor('the meeting in the list', async () => assert.equal(await item.count(), 1), 15_000);
    assert.match(await read(item.locator('.head')), /Đã bế mạc$/, 'the list says it is closed');
    await item.locator('[data-action="open"]').click();
    const assessment = delegateConsole.locator('#danh-gia meeting-assessment');
    const opened = await openedText();
    await waitFor('the form of this meeting', async () => {
      assert.equal(await read(assessment.locator('[data-about]')), `${CELL.name} — buổi sinh hoạt khai mạc lúc ${opened}`);
      assert.equal(await assessment.locator('form textarea#strengths').count(), 1);
    }, 15_000);
    await assessment.locator('textarea#strengths').fill(FEEDBACK.strengths);
    await assessment.locator('textarea#limitations').fill(FEEDBACK.limitations);
    await assessment.locator('textarea#lessons').fill(FEEDBACK.lessons);
    for (const [id, points] of Object.entries(POINTS)) await assessment.locator(`#points-${id}`).fill(String(points));
    await waitFor('the live total', async () => assert.equal(await read(assessment.locator('[data-total]')), `Tổng điểm: ${SCORE}/100, xếp loại Khá.`));
    await assessment.locator('button[data-action="send"]').click();
    await waitFor('the assessment is recorded', async () => assert.equal(await read(assessment.locator('[data-recorded]')), `Đã gửi nhận xét: ${SCORE} điểm, xếp loại Khá.`), 10_000);
    const mine = assessment.locator(`li[data-delegate-id="${DELEGATE.id}"]`);
    await waitFor('the feedback lists it', async () => {
      assert.equal(await read(mine.locator('[data-grade]')), `${SCORE} điểm, xếp loại Khá`);
      assert.equal(await read(mine.locator('[data-part="strengths"]')), FEEDBACK.strengths);
      assert.match(await read(assessment.locator('[data-summary]')), new RegExp(`1 nhận xét, điểm bình quân ${SCORE}: xếp loại Khá\\.`));
    });
  });

  /** When the meeting opened, as the assessment names it ("HH:MM DD/MM/YYYY"), read from the chair's minutes. */
  async function openedText(): Promise<string> {
    const minutes = await fetch(`${baseUrl}/api/meetings/${encodeURIComponent(meetingId)}/minutes`, {
      headers: { authorization: `Bearer ${await new AdminTokens(secret).sign({ subject: 'e2e-portal' }, '10m')}` },
    });
    const openedAt = ((await minutes.json()) as { minutes: { openedAt?: string } }).minutes.openedAt;
    assert.ok(openedAt, 'the minutes say when the meeting opened');
    return viDateTime(vietnam(Date.parse(openedAt)));
  }

  step('8. the pilot report of the year, narrowed to the cell, shows the meeting with its attendance, score and grade', async () => {
    await console_.reload();
    const report = console_.locator('#bao-cao pilot-report');
    await waitFor('the report of the year', async () => assert.match(await read(report.locator('h2')), new RegExp(`năm ${when.year}$`)), 20_000);
    // The person narrows the report to the cell.
    await report.locator('select#unit').selectOption(CELL.id);
    const row = report.locator(`[data-table="meetings"] tr[data-key="${meetingId}"]`);
    await waitFor('the meeting’s row', async () => {
      assert.equal(await row.count(), 1);
      assert.deepEqual(await report.locator('[data-table="cells"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-key'))), [CELL.id], 'only the cell');
    }, 20_000);
    const headers = (await report.locator('[data-table="meetings"] thead th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const cells = (await row.locator('th, td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const byHeader = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
    const share = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(6 / 8);
    assert.deepEqual(
      {
        date: byHeader['Ngày họp'],
        cell: byHeader['Chi bộ'],
        title: byHeader['Buổi sinh hoạt'],
        counted: byHeader['Lượt triệu tập'],
        present: byHeader['Có mặt'],
        rate: byHeader['Tỷ lệ dự'],
        withReason: byHeader['Vắng có lý do'],
        withoutReason: byHeader['Vắng không lý do'],
        absentees: byHeader['Vắng không lý do (tên)'],
        assessments: byHeader['Số nhận xét'],
        score: byHeader['Điểm'],
        grade: byHeader['Xếp loại'],
      },
      {
        date: `${two(when.day)}/${two(when.month)}/${when.year}`,
        cell: CELL.name,
        title,
        counted: '8',
        present: '6',
        rate: share,
        withReason: '1',
        withoutReason: '1',
        absentees: nameOf(ABSENT_WITHOUT_REASON),
        assessments: '1',
        score: String(SCORE),
        grade: 'Khá',
      },
    );
    assert.equal(byHeader['Đủ thời lượng'], 'Không', 'a meeting of a few minutes is shorter than the minimum');
    // The cell's line counts it with the demo's earlier meetings.
    const cellHeaders = (await report.locator('[data-table="cells"] thead th').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const cellCells = (await report.locator(`[data-table="cells"] tr[data-key="${CELL.id}"]`).locator('th, td').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const cellLine = Object.fromEntries(cellHeaders.map((h, i) => [h, cellCells[i]]));
    assert.deepEqual([cellLine['Chi bộ'], cellLine['Số buổi đã họp'], cellLine['Trực tuyến đã đăng ký'], cellLine['Giới hạn/năm']], [CELL.name, String(earlier + 1), String(earlier + 1), '3']);
    const short = report.locator(`li[data-meeting-id="${meetingId}"]`);
    assert.equal(await short.count(), 1, 'listed among the meetings shorter than the minimum');
  });

  it('no page had an uncaught error or a console error', () => {
    assert.deepEqual(pageProblems, []);
  });
});
