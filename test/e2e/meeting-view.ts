/**
 * What one page shows of a meeting, read through the shadow roots of the
 * demo's `<party-meeting-room>` and its default layout in one synchronous
 * pass, so that every browser context can be compared with the same expected
 * view. Only what every participant sees alike goes in here; the controls of
 * one role are checked by the test itself.
 */
import type { Page } from 'playwright-core';

/** A closed vote as `<vote-panel>` shows it. */
export interface ClosedVoteView {
  title: string;
  passed: boolean;
  verdict: string;
  rule: string;
  denominator: string;
  counts: Record<string, string>;
  /** `data-source` → the line of that source ("Trực tuyến: 2 tán thành, …"). */
  sources: Record<string, string>;
  /** Who agreed, by name, sorted. */
  agreeNames: string[];
}

/** A vote as section IV of the minutes records it. */
export interface MinutesVoteView {
  title: string;
  /** "Chưa biểu quyết." or "Đang biểu quyết." before there is a result, else ''. */
  pending: string;
  agree: string;
  denominator: string;
  rule: string;
}

/** The shared view of a meeting on one page. */
export interface MeetingView {
  connection: string | null;
  phase: string | null;
  online: string[];
  roll: { counts: Record<string, number>; marks: Record<string, string>; markTexts: Record<string, string> };
  agenda: { current: string | null; currentTitle: string | null; items: { id: string; title: string; status: string }[] };
  speakers: { floor: string | null; hands: string[]; spoke: string[] };
  votes: { voting: { title: string; progress: string } | null; closed: ClosedVoteView[] };
  minutes: {
    status: string | null;
    state: string;
    live: string;
    recorder: string;
    present: string;
    withReason: string;
    /** Items of section III with a speech or a note: speakers by name, notes by text. */
    course: Record<string, { speakers: string[]; notes: string[] }>;
    votes: MinutesVoteView[];
    adopted: string | null;
    closed: string;
  };
}

/**
 * Chromium runs `page.evaluate` functions from their source text; tsx
 * (esbuild with keepNames) wraps inner named functions in `__name(…)`, which
 * the page lacks. Installed in every context with `addInitScript`; the demo's
 * own bundle does not use it.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name ??= (fn) => fn;';

/**
 * Reads the view inside the page. Throws (so that `waitFor` retries) while the
 * room or one of its elements has not rendered yet, or when an element is there
 * twice. Clock values ("19:30", "19 giờ 30 phút", dates) are replaced by
 * `{time}` and `{date}`, since they depend on when the test runs.
 */
export function readInPage(): MeetingView {
  const norm = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
  const stamp = (text: string): string =>
    text
      .replace(/\d{1,2} giờ \d{2} phút/g, '{time}')
      .replace(/ngày \d{1,2} tháng \d{1,2} năm \d{4}/g, '{date}')
      .replace(/\d{2}\/\d{2}\/\d{4}/g, '{date}')
      .replace(/\d{1,2}:\d{2}/g, '{time}');
  const all = (root: ParentNode, selector: string): HTMLElement[] => Array.from(root.querySelectorAll<HTMLElement>(selector));
  const one = (root: ParentNode, selector: string): HTMLElement | null => {
    const found = all(root, selector);
    if (found.length > 1) throw new Error(`${found.length} elements match ${selector}`);
    return found[0] ?? null;
  };
  const text = (root: ParentNode, selector: string): string => norm(one(root, selector)?.textContent);

  const rooms = document.querySelectorAll('party-meeting-room');
  if (rooms.length !== 1 || !rooms[0]!.shadowRoot) throw new Error(`${rooms.length} <party-meeting-room> with a shadow root`);
  const room = rooms[0]!.shadowRoot!;
  const shadowOf = (tag: string): ShadowRoot => {
    const found = room.querySelectorAll(tag);
    if (found.length !== 1 || !found[0]!.shadowRoot) throw new Error(`expected one rendered <${tag}> in the room, found ${found.length}`);
    return found[0]!.shadowRoot!;
  };

  const roll = shadowOf('attendance-roll');
  const agenda = shadowOf('agenda-runner');
  const speakers = shadowOf('speaker-queue');
  const votes = shadowOf('vote-panel');
  const minutes = shadowOf('meeting-minutes');
  // Until the meeting has arrived, each element renders a "loading" paragraph instead of its section.
  for (const [tag, root] of [['attendance-roll', roll], ['agenda-runner', agenda], ['speaker-queue', speakers], ['vote-panel', votes], ['meeting-minutes', minutes]] as const) {
    if (!Array.from(root.children).some((child) => child.matches('section, div.minutes'))) throw new Error(`<${tag}> is still loading`);
  }

  const current = one(agenda, '[data-current]');
  const voting = one(votes, 'article.motion.current');

  const course: Record<string, { speakers: string[]; notes: string[] }> = {};
  for (const li of all(minutes, 'ol.course > li[data-item-id]')) {
    // "Đồng chí Nguyễn Thị Lan (19:30–19:31)" → the name.
    const names = all(li, 'ul.speeches > li').map((s) => norm(s.textContent).replace(/^Đồng chí /, '').replace(/ \(\d{2}:\d{2}–\d{2}:\d{2}\)$/, ''));
    const notes = all(li, 'ul.notes > li').map((n) => norm(n.textContent).replace(/^\d{2}:\d{2} /, ''));
    if (names.length || notes.length) course[li.dataset.itemId!] = { speakers: names, notes };
  }

  return {
    connection: one(room, '[data-connection]')?.dataset.connection ?? null,
    phase: one(room, '[data-meeting-phase]')?.dataset.meetingPhase ?? null,
    online: all(room, 'ul[data-online] li[data-participant-id]')
      .map((li) => li.dataset.participantId!)
      .sort(),
    roll: {
      counts: Object.fromEntries(all(roll, 'dd[data-count]').map((dd) => [dd.dataset.count!, Number(norm(dd.textContent))])),
      marks: Object.fromEntries(all(roll, 'li[data-member-id]').map((li) => [li.dataset.memberId!, one(li, '.mark[data-mark]')?.dataset.mark ?? 'missing'])),
      markTexts: Object.fromEntries(all(roll, 'li[data-member-id]').map((li) => [li.dataset.memberId!, text(li, '.mark[data-mark]')])),
    },
    agenda: {
      current: current?.dataset.current || null,
      currentTitle: current ? text(current, '.current-title') || null : null,
      items: all(agenda, 'li[data-item-id]').map((li) => ({ id: li.dataset.itemId!, title: text(li, '.item-title'), status: li.dataset.status! })),
    },
    speakers: {
      floor: one(speakers, '[data-floor]')?.dataset.floor ?? null,
      hands: all(speakers, '.queue li[data-participant-id]').map((li) => li.dataset.participantId!),
      spoke: all(speakers, 'li[data-speaker-id]').map((li) => li.dataset.speakerId!),
    },
    votes: {
      voting: voting ? { title: text(voting, 'h3'), progress: text(voting, '[data-progress]') } : null,
      closed: all(votes, 'article.motion.closed').map((article) => ({
        title: text(article, 'h3'),
        passed: one(article, '[data-passed]')?.dataset.passed === 'true',
        verdict: text(article, '[data-verdict]'),
        rule: text(article, '[data-rule]'),
        denominator: text(article, '[data-denominator]'),
        counts: Object.fromEntries(all(article, 'dd[data-count]').map((dd) => [dd.dataset.count!, norm(dd.textContent)])),
        sources: Object.fromEntries(all(article, 'li[data-source]').map((li) => [li.dataset.source!, norm(li.textContent)])),
        agreeNames: text(article, '[data-named=agree] dd')
          .split(', ')
          .filter((name) => name && name !== '—')
          .sort(),
      })),
    },
    minutes: {
      status: one(minutes, 'div.minutes[data-status]')?.dataset.status ?? null,
      state: stamp(text(minutes, '[data-field=state]')),
      live: text(minutes, '[data-field=live]'),
      recorder: text(minutes, '[data-field=recorder]'),
      present: text(minutes, '[data-field=present]'),
      withReason: text(minutes, '[data-field=with-reason]'),
      course,
      votes: all(minutes, 'ol.votes > li').map((li) => ({
        title: text(li, '.item-title'),
        pending: text(li, ':scope > p:not(.item-title):not(.sub)'),
        agree: text(li, '[data-field=agree]'),
        denominator: text(li, '[data-field=denominator]'),
        rule: text(li, '[data-field=rule]'),
      })),
      adopted: one(minutes, '[data-field=adopted]') ? stamp(text(minutes, '[data-field=adopted]')) : null,
      closed: stamp(text(minutes, '[data-field=closed]')),
    },
  };
}

/** Reads the shared view of a page (see `readInPage`). */
export function readMeetingView(page: Page): Promise<MeetingView> {
  return page.evaluate(readInPage);
}
