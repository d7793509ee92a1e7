import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { AttendanceRoll } from '../../src/components/attendance-roll/attendance-roll.js';
import type { PartyMeetingRoom } from '../../src/components/party-meeting-room/party-meeting-room.js';
import { chairStore, countOf, markButton, markOf, memberStore, shadowOf, textOf } from './meeting-fixture.js';

function phaseChip(room: PartyMeetingRoom): HTMLElement | null {
  return shadowOf(room).querySelector<HTMLElement>('[data-meeting-phase]');
}

function openButton(room: PartyMeetingRoom): HTMLButtonElement | null {
  return shadowOf(room).querySelector<HTMLButtonElement>('button[data-action=open-meeting]');
}

/** The roll the room lays out itself, once it has rendered with the store it was given. */
async function defaultRoll(room: PartyMeetingRoom): Promise<AttendanceRoll> {
  const roll = shadowOf(room).querySelector('attendance-roll');
  expect(roll, 'default <attendance-roll> in the shadow root').to.exist;
  await roll!.updateComplete;
  return roll!;
}

async function clickOpen(room: PartyMeetingRoom): Promise<void> {
  const button = openButton(room);
  expect(button, 'open button').to.exist;
  button!.click();
  await room.updateComplete;
}

async function clickMark(roll: AttendanceRoll, memberId: string): Promise<void> {
  const button = markButton(roll, memberId, 'present-online');
  expect(button, `present button for ${memberId}`).to.exist;
  button!.click();
  await roll.updateComplete;
}

describe('<party-meeting-room>', () => {
  it('is accessible for the chair of a scheduled meeting', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${chairStore()}></party-meeting-room>`);
    await expect(room).to.be.accessible();
  });

  it('shows the title, the cell, the phase, the connection and who you are', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${chairStore()}></party-meeting-room>`);
    const root = shadowOf(room);
    expect(textOf(root.querySelector('h2'))).to.equal('Sinh hoạt chi bộ thường kỳ tháng 11/2026');
    expect(textOf(root.querySelector('.cell'))).to.equal('Chi bộ Kỹ thuật · Đảng bộ VNPT Yên Bái');
    expect(phaseChip(room)?.dataset.meetingPhase).to.equal('scheduled');
    expect(textOf(phaseChip(room))).to.equal('Chưa khai mạc');
    const status = root.querySelector('[data-connection=connected]');
    expect(status, 'connected status chip').to.exist;
    expect(textOf(status)).to.equal('Đã kết nối');
    expect(textOf(root.querySelector('.you'))).to.equal('Bạn: Nguyễn Văn An (Chủ trì)');
    expect(textOf(root.querySelector('[data-online] [data-participant-id=an]'))).to.equal('Nguyễn Văn An Chủ trì');
  });

  it('gives its default <attendance-roll> the store through context', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${chairStore()}></party-meeting-room>`);
    const roll = await defaultRoll(room);
    expect(roll.store, 'not set as a property').to.be.undefined;
    expect(countOf(roll, 'total')).to.equal('4');
    expect(countOf(roll, 'full')).to.equal('3');
    expect(countOf(roll, 'probationary')).to.equal('1');
    expect(countOf(roll, 'unmarked')).to.equal('4');
  });

  it('opens the meeting when the chair clicks the open button, and the roll follows', async () => {
    const store = chairStore();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${store}></party-meeting-room>`);
    expect(textOf(openButton(room))).to.equal('Khai mạc cuộc họp');
    await clickOpen(room);
    expect(store.getSnapshot().meeting!.phase).to.equal('open');
    expect(phaseChip(room)?.dataset.meetingPhase).to.equal('open');
    expect(textOf(phaseChip(room))).to.equal('Đang họp');
    expect(openButton(room)).to.be.null;
    expect(textOf(shadowOf(room).querySelector('button[data-action=close-meeting]'))).to.equal('Bế mạc cuộc họp');

    const roll = await defaultRoll(room);
    await clickMark(roll, 'binh');
    expect(countOf(roll, 'present')).to.equal('1');
    await expect(room).to.be.accessible();
  });

  it('asks the chair to confirm before closing, and cancelling keeps the meeting open', async () => {
    const store = chairStore();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${store}></party-meeting-room>`);
    await clickOpen(room);
    const button = (action: string) => shadowOf(room).querySelector<HTMLButtonElement>(`button[data-action=${action}]`);
    button('close-meeting')!.click();
    await room.updateComplete;
    expect(store.getSnapshot().meeting!.phase, 'not closed by one click').to.equal('open');
    expect(textOf(shadowOf(room).querySelector('#confirm-close'))).to.equal('Bế mạc cuộc họp? Sau khi bế mạc sẽ không điểm danh được nữa.');
    expect(shadowOf(room).activeElement, 'the safe choice has the focus').to.equal(button('cancel-close'));
    await expect(room).to.be.accessible();

    button('cancel-close')!.click();
    await room.updateComplete;
    expect(button('confirm-close')).to.be.null;
    expect(store.getSnapshot().meeting!.phase).to.equal('open');

    button('close-meeting')!.click();
    await room.updateComplete;
    button('confirm-close')!.click();
    await room.updateComplete;
    expect(store.getSnapshot().meeting!.phase).to.equal('closed');
    expect(phaseChip(room)?.dataset.meetingPhase).to.equal('closed');
    expect(button('close-meeting'), 'no control once closed').to.be.null;
    const roll = await defaultRoll(room);
    expect(markButton(roll, 'binh', 'present-online'), 'no roll call once closed').to.be.null;
  });

  it('shows a member no open button', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${memberStore()}></party-meeting-room>`);
    await expect(room).to.be.accessible();
    expect(openButton(room)).to.be.null;
    expect(shadowOf(room).querySelectorAll('.controls button')).to.have.length(0);
    expect(textOf(shadowOf(room).querySelector('.you'))).to.equal('Bạn: Trần Thị Bình (Đảng viên)');
    expect(textOf(shadowOf(room).querySelector('[data-hint=waiting]'))).to.contain('chờ đồng chí chủ trì khai mạc');
    expect(phaseChip(room)?.dataset.meetingPhase).to.equal('scheduled');
  });

  it('does not open the meeting when a party-phase-request listener calls preventDefault', async () => {
    const store = chairStore();
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${store}></party-meeting-room>`);
    const requests: HTMLElementEventMap['party-phase-request'][] = [];
    room.addEventListener('party-phase-request', (event) => {
      requests.push(event);
      event.preventDefault();
    });
    await clickOpen(room);
    expect(requests).to.have.length(1);
    expect(requests[0]!.cancelable).to.be.true;
    expect(requests[0]!.detail).to.deep.equal({ command: 'open-meeting' });
    expect(store.getSnapshot().meeting!.phase).to.equal('scheduled');
    expect(phaseChip(room)?.dataset.meetingPhase).to.equal('scheduled');
    expect(openButton(room), 'still offered').to.exist;
  });

  it('gives a slotted <attendance-roll> the store through context', async () => {
    const store = chairStore();
    const room = await fixture<PartyMeetingRoom>(
      html`<party-meeting-room .store=${store}><attendance-roll></attendance-roll></party-meeting-room>`,
    );
    const roll = room.querySelector('attendance-roll')!;
    await roll.updateComplete;
    const assigned = shadowOf(room).querySelector('slot')!.assignedElements();
    expect(assigned.length).to.equal(1);
    expect(assigned[0] === roll, 'the slotted roll is the one given').to.be.true;
    const fallback = shadowOf(room).querySelector<HTMLElement>('slot attendance-roll');
    expect(fallback!.getClientRects().length, 'the default roll is not shown').to.equal(0);
    expect(countOf(roll, 'total')).to.equal('4');
    expect(countOf(roll, 'unmarked')).to.equal('4');
    await expect(room).to.be.accessible();

    await clickOpen(room);
    await roll.updateComplete;
    await clickMark(roll, 'dung');
    expect(countOf(roll, 'present')).to.equal('1');
    expect(markOf(roll, 'dung').dataset.mark).to.equal('present-online');
    expect(store.getSnapshot().meeting!.attendance.dung?.mark).to.equal('present-online');
  });

  it('asks for an invite link when it has neither a token nor a store', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room></party-meeting-room>`);
    await expect(room).to.be.accessible();
    const notice = shadowOf(room).querySelector('.notice');
    expect(textOf(notice)).to.contain('đường link mời');
    expect(shadowOf(room).querySelector('attendance-roll')).to.be.null;
    expect(phaseChip(room)).to.be.null;
  });

  it('renders English with lang="en", in its default roll too', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room lang="en" .store=${chairStore()}></party-meeting-room>`);
    await expect(room).to.be.accessible();
    expect(textOf(phaseChip(room))).to.equal('Not opened yet');
    expect(textOf(openButton(room))).to.equal('Open the meeting');
    const roll = await defaultRoll(room);
    expect(textOf(shadowOf(roll).querySelector('h2'))).to.equal('Roll call');
  });

  // Guards a bug of commit 30afe5d: disconnectedCallback cleared `provided`, the update
  // that followed ran while detached, and nothing asked for an update on reconnection,
  // so a room moved later in the page said it needed an invite link.
  it('still shows the meeting after being detached and attached again', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${chairStore()}></party-meeting-room>`);
    const parent = room.parentNode!;
    room.remove();
    await aTimeout(0);
    parent.appendChild(room);
    await room.updateComplete;
    expect(textOf(shadowOf(room).querySelector('h2'))).to.equal('Sinh hoạt chi bộ thường kỳ tháng 11/2026');
    expect(textOf(shadowOf(room))).not.to.contain('đường link mời');
  });

  it('shows an <attendance-roll> appended after the first render', async () => {
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${chairStore()}></party-meeting-room>`);
    const roll = document.createElement('attendance-roll');
    room.append(roll);
    await room.updateComplete;
    await roll.updateComplete;
    expect(roll.assignedSlot, 'slotted').to.exist;
    expect(countOf(roll, 'total')).to.equal('4');
  });
});

describe('<party-meeting-room> with a waiting room', () => {
  it('shows a waiting member only the lobby gate, then the whole meeting once admitted', async () => {
    const { LocalMeetingStore } = await import('../../src/client/index.js');
    const { meetingDefinition } = await import('./meeting-fixture.js');
    const chair = new LocalMeetingStore({ ...meetingDefinition, policy: { lobbyAdmission: true } }, { participantId: 'an', role: 'chair' });
    await chair.send({ type: 'open-meeting' });
    const member = chair.as({ participantId: 'binh', role: 'member' });
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${member}></party-meeting-room>`);
    expect(shadowOf(room).querySelector('lobby-gate'), 'the gate').to.exist;
    expect(shadowOf(room).querySelector('vote-panel'), 'nothing else while waiting').to.be.null;
    await expect(room).to.be.accessible();
    await chair.send({ type: 'admit', participantId: 'binh' });
    await room.updateComplete;
    expect(shadowOf(room).querySelector('vote-panel'), 'the meeting once admitted').to.exist;
  });
});

describe('<party-meeting-room> on a bridge point\'s projector', () => {
  it('goes full screen with a real click, and back', async () => {
    const { sendMouse } = await import('@web/test-runner-commands');
    const room = await fixture<PartyMeetingRoom>(html`<party-meeting-room .store=${chairStore()}></party-meeting-room>`);
    const button = shadowOf(room).querySelector<HTMLButtonElement>('button[data-fullscreen]');
    expect(button, 'the full-screen button').to.exist;
    expect(button!.textContent!.trim()).to.equal('Chiếu toàn màn hình');
    const box = button!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
    await waitUntil(() => document.fullscreenElement === room, 'the room is full screen');
    await room.updateComplete;
    expect(button!.getAttribute('aria-pressed')).to.equal('true');
    await document.exitFullscreen();
    await waitUntil(() => document.fullscreenElement === null, 'back to the page');
    await waitUntil(() => button!.getAttribute('aria-pressed') === 'false', 'the button says so');
  });
});
