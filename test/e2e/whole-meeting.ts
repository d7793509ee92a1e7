/**
 * End to end: a whole regular meeting (HD 42-HD/BTCTW: opening, content,
 * closing) of the demo's sample cell, in Debian's Chromium against the real
 * server (a child process, SQLite in a temporary folder). Four browser
 * contexts: the chair (bí thư), a full member, the probationary member and the
 * upper-level delegate. Everything is done by clicking the elements' buttons,
 * except electing the minute-taker, for which the elements offer no control
 * (one raw WebSocket command from the chair's own page, with the chair's token).
 * After every step all four pages must show the same phase, roll, current
 * agenda item, floor, votes and minutes, and the expected ones.
 *
 * The same meeting runs in three configurations (issue 6: "the end-to-end
 * meeting test runs with mesh by default and with Janus as a second
 * configuration"): with the built-in mesh and with a real Janus (both in
 * test/media/whole-meeting.test.ts, inside a loopback-only network namespace,
 * as WebRTC must), where every person also checks camera and microphone, joins
 * the video, sees and hears the three others, and the floor with "mute
 * others" locks the others' microphones; and with `media="none"`
 * (test/e2e/whole-meeting.test.ts), where the procedure runs alone, as it must
 * when media fails or a portal has its own video.
 *
 * The roll: the three members with a browser are present online; Trần Đức
 * Thắng is absent with a reason (accepted); the four other full members sit in
 * the room of the main bridge point (VNPT Văn Yên) and the chair records their
 * raised hands, as a hybrid meeting does. Had they been "present online"
 * without a browser, nobody could vote for them, and with the QĐ 294
 * denominator (7 called − 1 absent with reason = 6, so 4 needed) the minutes
 * could never be adopted by the two voters this test has.
 *
 * Run: node scripts/run-tests.mjs (or the two test files named above).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { JoinTokens } from '../../server/tokens.js';
import { CHROMIUM_ARGS, freePort, Scenario, ServerProcess, waitFor } from './helpers.js';
import { controlOf, everyoneSeesAndHears, joinMedia, stageOf } from './meeting-media.js';
import { KEEP_NAMES_SHIM, readMeetingView, type MeetingView } from './meeting-view.js';
import {
  ABSENCE_REASON,
  ABSENT,
  ADOPTION,
  CHAIR,
  DELEGATE,
  DISCUSSION_NOTE,
  EVERYONE_ONLINE,
  expectedView,
  IN_ROOM,
  MAIN_ROOM,
  MEETING_ID,
  MEMBER,
  PROBATIONARY,
  RESOLUTION,
  type Ballots,
  type Choice,
  type Mark,
} from './whole-meeting-model.js';

/** How one run of the meeting is set up. */
export interface WholeMeetingConfig {
  /** The room's media layer (the demo server's DEMO_MEDIA): the procedure alone, the built-in mesh, or Janus. */
  readonly media: 'none' | 'mesh' | 'janus';
  /** Why this configuration cannot run here, printed as "skipped: …"; undefined when it can. */
  readonly skip?: string;
  /** Starts the media server (Janus) and gives its WebSocket address (DEMO_MEDIA_URL). */
  readonly startMediaServer?: () => Promise<{ readonly url: string; stop(): Promise<void> }>;
  /** Chromium's flags: fake camera and microphone, candidates on loopback, for media. */
  readonly browserArgs?: readonly string[];
  /** The room's `mediaOptions`, set by the page as a portal would (low video on 2 cores). */
  readonly mediaOptions?: Readonly<Record<string, unknown>>;
}

/** Registers the whole meeting as one suite of steps, for one configuration. */
export function describeWholeMeeting(config: WholeMeetingConfig): void {
  const withMedia = config.media !== 'none';
  const title = `a whole regular meeting, end to end (server process + Chromium, four people), media: ${config.media}`;
  describe(title, { timeout: withMedia ? 240_000 : 120_000, ...(config.skip ? { skip: config.skip } : {}) }, () => {
    // Set when this configuration's setup begins (describe bodies all run when the file loads).
    let started = 0;
    const secret = randomBytes(36).toString('base64url');
    const dataDir = mkdtempSync(join(tmpdir(), 'party-e2e-meeting-'));
    const servers: ServerProcess[] = [];
    const pageProblems: string[] = [];
    let baseUrl = '';
    let browser: Browser | undefined;
    const pages: { name: string; id: string; page: Page }[] = [];
    let mediaServer: { readonly url: string; stop(): Promise<void> } | undefined;
    let chair: Page;
    let member: Page;
    let probationary: Page;
    let delegate: Page;
    const tokens = { chair: '', member: '', probationary: '', delegate: '' };
    // Steps in order; once one fails, the later ones are skipped.
    const scenario = new Scenario();
    const { step } = scenario;
    let setUp = false;

    // ——— what every page should show, kept as the meeting goes ———
    let phase = 'scheduled';
    const roll: Record<string, Mark> = {};
    let recorder: string | undefined;
    /** The program as the pages showed it first: ids and titles; statuses follow. */
    let program: { id: string; title: string; status: string }[] = [];
    let floor: string | null = null;
    let hands: string[] = [];
    const spoke: string[] = [];
    const course: MeetingView['minutes']['course'] = {};
    /** The motions, in the order the chair drafted them. */
    const motions: { title: string; status: 'draft' | 'voting' | 'closed'; ballots: Ballots }[] = [];
    const votingMotion = () => motions.find((m) => m.status === 'voting');
    let minutesStatus: 'draft' | 'read-back' | 'adopted' = 'draft';

    const idOf = (title: string) => {
      const item = program.find((i) => i.title === title);
      assert.ok(item, `the program has an item "${title}"`);
      return item.id;
    };
    const setStatus = (id: string, status: string) => {
      program = program.map((i) => (i.id === id ? { ...i, status } : i));
    };

    /** Waits until every page shows the expected view (each page polled on its own). */
    async function everyPageAgrees(timeoutMs = 5_000): Promise<void> {
      const want = expectedView({ phase, roll, recorder, program, floor, hands, spoke, course, motions, minutesStatus });
      await Promise.all(
        pages.map(({ name, page }) => waitFor(`${name}'s page`, async () => assert.deepEqual(await readMeetingView(page), want), timeoutMs)),
      );
    }


    async function openPage(name: string, id: string, token: string): Promise<Page> {
      // With media, the person lets the page use camera and microphone (the browser's prompt, answered yes).
      const context = await browser!.newContext(withMedia ? { permissions: ['camera', 'microphone'] } : {});
      await context.addInitScript({ content: KEEP_NAMES_SHIM });
      // Violations are also reported on the console, but the event names the directive and cannot be missed.
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageProblems.push(`${name}: uncaught ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') pageProblems.push(`${name}: console.${message.type()} ${message.text()}`);
      });
      await page.goto(`${baseUrl}/?invite=${encodeURIComponent(token)}`);
      pages.push({ name, id, page });
      return page;
    }

    async function countOf(page: Page, selector: string): Promise<number> {
      return page.locator(selector).count();
    }

    /** Action buttons of the meeting's procedure: the member's own camera and microphone (<device-check>, <media-stage>) are no chair's control. */
    async function procedureActions(page: Page): Promise<number> {
      return (await countOf(page, 'button[data-action]')) - (await countOf(page, 'device-check button[data-action], media-stage button[data-action]'));
    }

    /** The chair clicks "Bắt đầu mục tiếp theo", after reading that it names the expected item. */
    async function chairStartsNext(title: string): Promise<void> {
      const button = chair.locator('agenda-runner [data-action="start-next"]');
      await waitFor(`the chair's next item is "${title}"`, async () => assert.equal((await button.textContent())?.replace(/\s+/g, ' ').trim(), `Bắt đầu mục tiếp theo: ${title}`));
      await button.click();
      const running = program.find((i) => i.status === 'running');
      if (running) setStatus(running.id, 'done');
      setStatus(idOf(title), 'running');
      // The chair's own page first, so that the next click is on the next button.
      await waitFor('the chair sees the item under way', async () => assert.equal(await chair.locator('agenda-runner [data-current]').getAttribute('data-current'), idOf(title)));
    }

    /** The chair marks one member on the roll with one of the buttons of their row. */
    async function chairMarks(memberId: string, mark: 'present-online' | 'present-in-person'): Promise<void> {
      const row = chair.locator(`attendance-roll li[data-member-id="${memberId}"]`);
      await row.locator(`button[data-mark="${mark}"]`).click();
      roll[memberId] = mark;
      await waitFor(`the chair sees ${memberId} marked`, async () => assert.equal(await row.locator('.mark[data-mark]').getAttribute('data-mark'), mark));
    }

    /** A member's own ballot: the three big buttons of `<vote-panel>`. */
    async function votesWithBigButton(page: Page, who: string, choice: Choice): Promise<void> {
      const buttons = page.locator('vote-panel [part="ballot"] button[data-choice]');
      assert.deepEqual(await buttons.allTextContents().then((t) => t.map((s) => s.trim())), ['Tán thành', 'Không tán thành', 'Ý kiến khác']);
      await page.locator(`vote-panel [part="ballot"] button[data-choice="${choice}"]`).click();
      votingMotion()!.ballots[who] = { choice, source: 'online' };
      await waitFor(`${who} sees their ballot recorded`, async () =>
        assert.equal(((await page.locator('vote-panel [data-ballot-done]').textContent()) ?? '').replace(/\s+/g, ' ').trim(), `Bạn đã biểu quyết: ${{ agree: 'Tán thành', disagree: 'Không tán thành', other: 'Ý kiến khác' }[choice]}.`),
      );
      assert.equal(await countOf(page, 'vote-panel [part="ballot"] button[data-choice]'), 0, 'no second ballot: this vote does not allow a change');
    }

    /** The chair records the raised hand of a member in the main room. */
    async function chairRecordsHand(memberId: string, choice: Choice): Promise<void> {
      const row = chair.locator(`vote-panel section.room[data-room="${MAIN_ROOM}"] li[data-member-id="${memberId}"]`);
      await row.locator(`button[data-choice="${choice}"]`).click();
      votingMotion()!.ballots[memberId] = { choice, source: MAIN_ROOM };
      await waitFor(`the chair sees ${memberId}'s hand recorded`, async () => assert.equal(await row.locator('button').count(), 0));
    }

    /** Who may not vote sees no button, and why. */
    async function cannotVote(page: Page, who: string, reason: string, why: RegExp): Promise<void> {
      assert.equal(await countOf(page, 'vote-panel button[data-choice]'), 0, `${who} has no vote button`);
      assert.equal(await countOf(page, 'vote-panel button[data-action]'), 0, `${who} has no chair's vote control`);
      const ballot = page.locator('vote-panel [part="ballot"]');
      assert.equal(await ballot.getAttribute('data-reason'), reason);
      const text = ((await ballot.textContent()) ?? '').replace(/\s+/g, ' ').trim();
      assert.match(text, /^Bạn không biểu quyết nội dung này/);
      assert.match(text, why);
    }

    /** The chair closes the running vote through its confirmation. */
    async function chairClosesVote(confirmation: string): Promise<void> {
      await chair.locator('vote-panel button[data-action="close-vote"]').click();
      const confirm = chair.locator('vote-panel .controls.confirm');
      await waitFor('the chair is asked to confirm', async () => assert.equal(((await confirm.locator('p').textContent()) ?? '').replace(/\s+/g, ' ').trim(), confirmation));
      await confirm.locator('button[data-action="confirm-close"]').click();
      votingMotion()!.status = 'closed';
    }


    /** The person checks camera and microphone and presses "Vào họp" (meeting-media.ts), with the configuration's media options. */
    const joinsMedia = (name: string, page: Page) => joinMedia(name, page, config.mediaOptions);
    /** Every page shows every other person online with moving video and playing sound (meeting-media.ts). */
    const everyoneSeesAndHearsEveryone = () => everyoneSeesAndHears(pages, EVERYONE_ONLINE);

    before(async () => {
      started = performance.now();
      const port = await freePort();
      baseUrl = `http://127.0.0.1:${port}`;
      const signer = new JoinTokens(secret);
      tokens.chair = await signer.sign({ meetingId: MEETING_ID, participantId: CHAIR, role: 'chair' });
      tokens.member = await signer.sign({ meetingId: MEETING_ID, participantId: MEMBER, role: 'member' });
      tokens.probationary = await signer.sign({ meetingId: MEETING_ID, participantId: PROBATIONARY, role: 'member' });
      tokens.delegate = await signer.sign({ meetingId: MEETING_ID, participantId: DELEGATE, role: 'delegate' });
      mediaServer = await config.startMediaServer?.();
      const media = { DEMO_MEDIA: config.media, ...(mediaServer ? { DEMO_MEDIA_URL: mediaServer.url } : {}) };
      const server = ServerProcess.start('server', { PORT: port, DATA_DIR: dataDir, PARTY_JWT_SECRET: secret, ...media });
      servers.push(server);
      await server.ready(baseUrl);
      browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...(config.browserArgs ?? CHROMIUM_ARGS)] });
      setUp = true;
    });

    after(async () => {
      try {
        if (scenario.failed || !setUp) for (const server of servers) console.log(server.log());
        if (pageProblems.length > 0) console.log(`----- page console (errors and warnings) -----\n${pageProblems.join('\n')}`);
      } finally {
        await browser?.close().catch((error) => console.log(`closing the browser failed: ${String(error)}`));
        for (const server of servers) await server.kill();
        await mediaServer?.stop();
        rmSync(dataDir, { recursive: true, force: true });
        console.log(`e2e whole meeting (media: ${config.media}): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    });

    step('1. the chair, a full member, the probationary member and the delegate join and see each other online', async () => {
      chair = await openPage('chair', CHAIR, tokens.chair);
      member = await openPage('member', MEMBER, tokens.member);
      probationary = await openPage('probationary', PROBATIONARY, tokens.probationary);
      delegate = await openPage('delegate', DELEGATE, tokens.delegate);
      // The program is the regular template; its ids and titles are taken as the pages show them.
      const first = await waitFor('the chair sees the program', async () => {
        const view = await readMeetingView(chair);
        assert.ok(view.agenda.items.length > 0);
        return view;
      });
      program = first.agenda.items;
      assert.ok(program.every((i) => i.status === 'pending'));
      for (const title of ['Cử thư ký cuộc họp', 'Ổn định tổ chức, điểm danh', 'Thảo luận', 'Biểu quyết thông qua kết luận hoặc nghị quyết', 'Thông qua biên bản', 'Kết thúc']) idOf(title);
      await everyPageAgrees();

      assert.equal(await countOf(chair, 'party-meeting-room button[data-action="open-meeting"]'), 1, 'the chair has the open button');
      for (const { name, page } of pages.slice(1)) {
        assert.equal(await procedureActions(page), 0, `${name} has no chair's control`);
        assert.match((await page.locator('party-meeting-room [data-hint="waiting"]').textContent()) ?? '', /chờ đồng chí chủ trì khai mạc/);
      }
      // Names come through in UTF-8.
      assert.match((await delegate.locator('party-meeting-room ul[data-online] li[data-participant-id="bui-thi-ngoc-anh"]').textContent()) ?? '', /Bùi Thị Ngọc Anh/);
    });

    if (withMedia) {
      step('1b. everyone checks camera and microphone, presses "Vào họp", and sees and hears the three others', async () => {
        for (const { name, page } of pages) await joinsMedia(name, page);
        await everyoneSeesAndHearsEveryone();
        // Joining the video changed nothing of the meeting.
        await everyPageAgrees();
      });
    } else {
      step('1b. with media="none" there is no device check and no video: the procedure alone', async () => {
        for (const { name, page } of pages) {
          assert.equal(await countOf(page, 'party-meeting-room [data-media-step], party-meeting-room device-check, party-meeting-room media-stage'), 0, `${name} has no media part`);
        }
      });
    }

    step('2. the chair opens the meeting, has the minute-taker elected and takes the roll', async () => {
      await chair.locator('party-meeting-room button[data-action="open-meeting"]').click();
      phase = 'open';
      await everyPageAgrees();

      await chairStartsNext('Tuyên bố lý do, giới thiệu đại biểu');
      await chairStartsNext('Cử thư ký cuộc họp');
      await everyPageAgrees();

      // The meeting elects Nguyễn Thị Lan; the chair records it in <meeting-minutes>.
      await chair.locator('meeting-minutes #recorder-member').selectOption(MEMBER);
      await chair.locator('meeting-minutes form[data-form="recorder"] button[type="submit"]').click();
      recorder = MEMBER;
      await everyPageAgrees();
      // The minute-taker now has the note form; the probationary member and the delegate have no minutes tools.
      assert.equal(await countOf(member, 'meeting-minutes form[data-form="note"]'), 1, 'the minute-taker can write notes');
      for (const page of [probationary, delegate]) assert.equal(await countOf(page, 'meeting-minutes [part="controls"] button, meeting-minutes form'), 0);

      await chairStartsNext('Ổn định tổ chức, điểm danh');
      for (const id of [CHAIR, MEMBER, PROBATIONARY]) await chairMarks(id, 'present-online');
      for (const id of IN_ROOM) await chairMarks(id, 'present-in-person');
      const row = chair.locator(`attendance-roll li[data-member-id="${ABSENT}"]`);
      await row.locator('button[data-mark="absent-with-reason"]').click();
      await row.locator('input[name="reason"]').fill(ABSENCE_REASON);
      assert.equal(await row.locator('input[name="accepted"]').isChecked(), true, 'the reason is accepted by default');
      await row.locator('form button[type="submit"]').click();
      roll[ABSENT] = 'absent-with-reason';
      await waitFor('the reason form closes after saving', async () => assert.equal(await row.locator('form').count(), 0));
      await everyPageAgrees();
      for (const { name, page } of pages.slice(1)) assert.equal(await countOf(page, 'attendance-roll button'), 0, `${name} cannot mark the roll`);
    });

    step('the roll shows a member present online as online, not at a bridge point', async () => {
      for (const { name, page } of pages) {
        const text = await page.locator(`attendance-roll li[data-member-id="${MEMBER}"] .mark`).textContent();
        assert.equal(text?.replace(/\s+/g, ' ').trim(), 'Có mặt trực tuyến', `${name}'s roll`);
      }
    });

    step('3. the chair walks the program to the discussion; every page shows the item under way', async () => {
      const discussion = program.findIndex((i) => i.title === 'Thảo luận');
      for (const item of program.slice(program.findIndex((i) => i.status === 'running') + 1, discussion + 1)) await chairStartsNext(item.title);
      await everyPageAgrees();
      for (const { name, page } of pages.slice(1)) assert.equal(await countOf(page, 'agenda-runner button'), 0, `${name} cannot run the program`);
      for (const { name, page } of pages) {
        assert.equal(
          ((await page.locator('agenda-runner .current-title').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
          `${discussion + 1}. Thảo luận`,
          `${name} reads the item under way`,
        );
      }
    });

    step('4. the full member raises a hand, the chair gives the floor and ends the turn', async () => {
      const hand = member.locator('speaker-queue button[data-hand]');
      assert.equal(((await hand.textContent()) ?? '').trim(), 'Giơ tay phát biểu');
      await hand.click();
      hands = [MEMBER];
      await everyPageAgrees();
      assert.match((await member.locator('speaker-queue #hand-note').textContent()) ?? '', /Bạn đứng thứ 1 trong danh sách chờ/);
      for (const { name, page } of pages.slice(1)) assert.equal(await countOf(page, 'speaker-queue button[data-action="give"]'), 0, `${name} cannot give the floor`);

      const give = chair.locator(`speaker-queue .queue li[data-participant-id="${MEMBER}"] button[data-action="give"]`);
      assert.match(((await give.textContent()) ?? '').replace(/\s+/g, ' '), /Mời phát biểu: Nguyễn Thị Lan/);
      // "Tắt micro những người khác": the chair mutes everyone but the speaker (and the chair) for this turn.
      await chair.locator(`speaker-queue .queue li[data-participant-id="${MEMBER}"] input[data-mute-choice]`).check();
      await give.click();
      floor = MEMBER;
      hands = [];
      spoke.push(MEMBER);
      await everyPageAgrees();
      for (const { name, page } of pages) {
        assert.equal(((await page.locator('speaker-queue [data-floor] .name').textContent()) ?? '').trim(), 'Nguyễn Thị Lan', `${name} sees who speaks`);
      }
      assert.match((await member.locator('speaker-queue [data-floor-you]').textContent()) ?? '', /Đồng chí được mời phát biểu/);
      for (const { name, page } of pages) assert.equal(await page.locator('speaker-queue [data-mute]').getAttribute('data-mute'), 'on', `${name} reads that the others are muted`);
      if (withMedia) {
        // The probationary member and the delegate: microphone off and locked, with the reason in words.
        for (const [name, page] of [['probationary', probationary], ['delegate', delegate]] as const) {
          await waitFor(`${name}'s microphone is locked`, async () => assert.deepEqual(await controlOf(page, 'microphone'), { pressed: 'false', disabled: 'true' }), 5_000);
          assert.equal(
            ((await page.locator('party-meeting-room media-stage [data-locked]').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
            'Micro đang khóa: chủ trì đã mời Nguyễn Thị Lan phát biểu và tắt micro của những người khác. Hết lượt phát biểu, đồng chí bật lại được micro.',
          );
        }
        // The speaker and the chair keep theirs; everyone sees who is muted.
        for (const page of [member, chair]) assert.deepEqual(await controlOf(page, 'microphone'), { pressed: 'true', disabled: 'false' });
        await waitFor('the chair sees the others muted and the speaker not', async () => {
          const stage = await stageOf(chair);
          assert.deepEqual([stage[MEMBER]?.muted, stage[PROBATIONARY]?.muted, stage[DELEGATE]?.muted], [false, true, true]);
        }, 5_000);
      }
      assert.equal(await countOf(member, 'speaker-queue button[data-action="end-own"]'), 1, 'the speaker can end their own turn');
      for (const page of [probationary, delegate]) assert.equal(await countOf(page, 'speaker-queue button[data-action^="end"]'), 0);

      // Meanwhile the minute-taker notes the discussion under its item.
      const note = member.locator('meeting-minutes form[data-form="note"]');
      assert.equal(await note.locator('select[name="item"]').inputValue(), idOf('Thảo luận'), 'the note goes to the item under way');
      await note.locator('textarea[name="text"]').fill(DISCUSSION_NOTE);
      await note.locator('button[type="submit"]').click();
      await waitFor('the note is saved', async () => assert.equal(((await member.locator('meeting-minutes .notice').textContent()) ?? '').trim(), 'Đã ghi vào biên bản.'));

      await chair.locator('speaker-queue button[data-action="end"]').click();
      floor = null;
      course[idOf('Thảo luận')] = { speakers: ['Nguyễn Thị Lan'], notes: [DISCUSSION_NOTE] };
      await everyPageAgrees();
      if (withMedia) {
        // The turn is over: the locks go; the microphones stay off until their owners switch them on.
        for (const [name, page] of [['probationary', probationary], ['delegate', delegate]] as const) {
          await waitFor(`${name}'s microphone is unlocked`, async () => assert.deepEqual(await controlOf(page, 'microphone'), { pressed: 'false', disabled: 'false' }), 5_000);
          assert.equal(await countOf(page, 'party-meeting-room media-stage [data-locked]'), 0);
        }
        await delegate.locator('party-meeting-room media-stage button[data-control="microphone"]').click();
        await waitFor('the delegate has switched the microphone on', async () => assert.equal((await controlOf(delegate, 'microphone')).pressed, 'true'), 5_000);
        await waitFor('the chair sees the delegate unmuted', async () => assert.equal((await stageOf(chair))[DELEGATE]?.muted, false), 5_000);
      }
    });

    step('5. the chair puts the resolution to an open vote; full members vote, the others see why they do not', async () => {
      await chairStartsNext('Tổng hợp ý kiến, phân công nhiệm vụ');
      await chairStartsNext('Biểu quyết thông qua kết luận hoặc nghị quyết');

      const form = chair.locator('vote-panel form.motion-form');
      await form.locator('textarea[name="title"]').fill(RESOLUTION);
      await form.locator('select[name="tag"]').selectOption('resolution');
      assert.equal(await form.locator('input[name="ballot"][value="open"]').isChecked(), true, 'an open vote by default');
      assert.equal(await form.locator('input[name="threshold"][value="majority"]').isChecked(), true, 'more than half by default');
      await form.locator('button[data-action="create-motion"]').click();
      const draft = chair.locator('vote-panel [part="drafts"] li');
      await waitFor('the chair sees the draft', async () => assert.equal(((await draft.locator('.name').textContent()) ?? '').trim(), RESOLUTION));
      motions.push({ title: RESOLUTION, status: 'draft', ballots: {} });
      // Only the chair's panel lists the draft; the minutes list it for everyone as not yet voted.
      await everyPageAgrees();
      for (const page of [member, probationary, delegate]) assert.equal(await countOf(page, 'vote-panel [part="drafts"]'), 0);
      await draft.locator('button[data-action="open-vote"]').click();
      motions.at(-1)!.status = 'voting';
      await everyPageAgrees();

      await cannotVote(probationary, 'the probationary member', 'not-eligible', /Bạn là đảng viên dự bị\..*trừ quyền biểu quyết, ứng cử và bầu cử \(Điều lệ Đảng, Điều 3\)/);
      await cannotVote(delegate, 'the delegate', 'not-eligible', /Đại biểu cấp trên theo dõi và phát biểu ý kiến, nhưng không biểu quyết\./);
      assert.equal(await countOf(member, 'vote-panel section.room, vote-panel button[data-action]'), 0, 'a member records no room and closes nothing');

      await votesWithBigButton(member, MEMBER, 'agree');
      await votesWithBigButton(chair, CHAIR, 'agree');
      await everyPageAgrees();
      // The chair sees who has not voted yet: the four members in the room.
      const notVoted = await chair.locator('vote-panel [data-not-voted] li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-member-id')));
      assert.deepEqual(notVoted, IN_ROOM);
      await chairRecordsHand('le-thi-hoa', 'agree');
      await chairRecordsHand('pham-van-long', 'agree');
      await chairRecordsHand('do-thi-thu-ha', 'agree');
      await chairRecordsHand('vu-quang-huy', 'disagree');
      await everyPageAgrees();

      await chairClosesVote('Kết thúc biểu quyết? Sau khi kết thúc, không ai biểu quyết được nữa.');
      await everyPageAgrees();
      // Spelled out once, so a wrong model above cannot hide a wrong rule: 5 of 6 (7 called − 1 absent with reason), 4 needed.
      const [result] = (await readMeetingView(delegate)).votes.closed;
      assert.equal(result?.rule, 'Đạt: 5/6 tán thành, quá nửa của 6 (cần ít nhất 4).');
      assert.equal(result?.denominator, '7 đảng viên chính thức được triệu tập, trừ 1 vắng có lý do → 6');
      assert.equal(result?.counts.percent, '83,3 %');
    });

    step('6. the minute-taker reads the minutes back, the chair puts them to the vote, they are adopted and locked', async () => {
      // Nobody is admitted or confirmed this month: the chair skips that item with the reason.
      const skipped = chair.locator(`agenda-runner li[data-item-id="${idOf('Xét kết nạp, chuyển đảng chính thức (nếu có)')}"]`);
      await skipped.locator('button[data-action="skip"]').click();
      await skipped.locator('input[name="reason"]').fill('Không có trường hợp kết nạp, chuyển đảng chính thức');
      await skipped.locator('button[type="submit"]').click();
      setStatus(idOf('Xét kết nạp, chuyển đảng chính thức (nếu có)'), 'skipped');
      await waitFor('the item is skipped', async () => assert.equal(await skipped.getAttribute('data-status'), 'skipped'));
      await chairStartsNext('Chấm điểm buổi sinh hoạt');
      await chairStartsNext('Thông qua biên bản');
      await everyPageAgrees();

      assert.equal(await countOf(chair, 'meeting-minutes button[data-action="adopt"]'), 0, 'no adoption before the read-back');
      await member.locator('meeting-minutes button[data-action="read-back"]').click();
      minutesStatus = 'read-back';
      await everyPageAgrees();
      assert.equal(await countOf(member, 'meeting-minutes button[data-action="adopt"]'), 0, 'the minute-taker does not put the minutes to the vote');

      await chair.locator('meeting-minutes button[data-action="adopt"]').click();
      motions.push({ title: ADOPTION, status: 'voting', ballots: {} });
      await everyPageAgrees();
      await cannotVote(probationary, 'the probationary member', 'not-eligible', /Bạn là đảng viên dự bị\./);
      await cannotVote(delegate, 'the delegate', 'not-eligible', /không biểu quyết\./);

      await votesWithBigButton(member, MEMBER, 'agree');
      await votesWithBigButton(chair, CHAIR, 'agree');
      await chairRecordsHand('le-thi-hoa', 'agree');
      await chairRecordsHand('pham-van-long', 'agree');
      await everyPageAgrees();
      // Two in the room did not raise a hand: the confirmation says so, and 4 of 6 is still more than half.
      await chairClosesVote('Kết thúc biểu quyết? Sau khi kết thúc, không ai biểu quyết được nữa. Còn 2 đồng chí chưa biểu quyết.');
      minutesStatus = 'adopted';
      await everyPageAgrees();
      const adoptedAt = await Promise.all(pages.map(({ page }) => page.locator('meeting-minutes [data-field="state"]').textContent()));
      assert.equal(new Set(adoptedAt).size, 1, `every page shows the same adoption time: ${adoptedAt.join(' | ')}`);

      // Locked: no note, no read-back, no second adoption; only an annex, for the minute-taker and the chair.
      for (const page of [member, chair]) {
        assert.equal(await countOf(page, 'meeting-minutes form[data-form="note"], meeting-minutes button[data-action]'), 0);
        assert.equal(await countOf(page, 'meeting-minutes form[data-form="annex"]'), 1);
      }
      for (const page of [probationary, delegate]) assert.equal(await countOf(page, 'meeting-minutes form'), 0);
    });

    step('7. the chair closes the meeting; every page shows it closed', async () => {
      await chairStartsNext('Kết thúc');
      await chair.locator('party-meeting-room button[data-action="close-meeting"]').click();
      await chair.locator('party-meeting-room button[data-action="confirm-close"]').click();
      phase = 'closed';
      setStatus(idOf('Kết thúc'), 'done');
      await everyPageAgrees();
      for (const { name, page } of pages) {
        assert.equal(await procedureActions(page), 0, `${name} has no control left`);
        assert.equal(await countOf(page, 'attendance-roll button, agenda-runner button, speaker-queue button, vote-panel button'), 0, `${name}: nothing to click`);
        assert.match((await page.locator('speaker-queue [data-phase-note]').textContent()) ?? '', /\S/, `${name} is told the meeting is over`);
      }

      assert.deepEqual(
        pageProblems.filter((p) => p.includes('uncaught')),
        [],
        'no uncaught error in any page',
      );
      assert.deepEqual(
        pageProblems.filter((p) => /Content.Security.Policy/i.test(p)),
        [],
        'no Content-Security-Policy violation in any page',
      );
    });
  });
}
