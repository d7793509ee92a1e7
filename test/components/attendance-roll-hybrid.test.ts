import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/attendance-roll/define.js';
import type { AttendanceRoll } from '../../src/components/attendance-roll/attendance-roll.js';
import { LocalMeetingStore } from '../../src/client/index.js';
import type { MeetingDefinition } from '../../src/core/index.js';
import { shadowOf } from './meeting-fixture.js';

/** A hybrid meeting: the main bridge point online, a commune room run by a technician; members with every flag. */
const hybrid: MeetingDefinition = {
  id: 'hybrid',
  title: 'Sinh hoạt chi bộ kết hợp',
  scheduledAt: '2026-11-25T19:30:00+07:00',
  chairId: 'an',
  mode: 'hybrid',
  cell: {
    id: 'c',
    name: 'Chi bộ Xã',
    members: [
      { id: 'an', name: 'Nguyễn Văn An', status: 'full' },
      { id: 'binh', name: 'Trần Thị Bình', status: 'full' },
      { id: 'cuong', name: 'Lê Văn Cường', status: 'full', flags: { exempt: true } },
      { id: 'dung', name: 'Phạm Thị Dung', status: 'full', flags: { attachedHere: true } },
    ],
  },
  delegates: [],
  guests: [{ id: 'tech', name: 'Kỹ thuật viên xã', kind: 'technician' }],
  bridgePoints: [
    { id: 'main', name: 'Điểm cầu chính', main: true },
    { id: 'xa', name: 'Hội trường xã', operatorId: 'tech' },
  ],
  seating: { binh: 'xa', tech: 'xa' },
};

const marksOf = (roll: AttendanceRoll, id: string) =>
  [...shadowOf(roll).querySelectorAll<HTMLButtonElement>(`li[data-member-id=${id}] .actions button`)].map((b) => b.dataset.mark);
const countOf = (roll: AttendanceRoll, field: string) => shadowOf(roll).querySelector(`[data-count=${field}]`)?.textContent?.trim();

async function openHybrid() {
  const chair = new LocalMeetingStore(hybrid, { participantId: 'an', role: 'chair' });
  await chair.send({ type: 'open-meeting' });
  return chair;
}

describe('<attendance-roll> in a hybrid meeting', () => {
  it('is accessible, and offers the chair every mark the core accepts for each member', async () => {
    const roll = await fixture<AttendanceRoll>(html`<attendance-roll .store=${await openHybrid()}></attendance-roll>`);
    await expect(roll).to.be.accessible();
    expect(marksOf(roll, 'binh')).to.deep.equal(['present-online', 'present-in-person', 'absent-with-reason', 'absent-without-reason']);
    expect(marksOf(roll, 'cuong'), 'an exempt member may be marked exempt').to.deep.equal(['present-online', 'present-in-person', 'absent-with-reason', 'absent-without-reason', 'exempt']);
    expect(shadowOf(roll).querySelector('li[data-member-id=cuong] [data-flag=exempt]')?.textContent?.trim()).to.equal('Miễn sinh hoạt');
    expect(shadowOf(roll).querySelector('li[data-member-id=dung] [data-flag=attachedHere]')?.textContent?.trim()).to.equal('Sinh hoạt tạm thời');
    expect(countOf(roll, 'attachedHere')).to.equal('1');
    expect(countOf(roll, 'exempt')).to.equal('1');
  });

  it('lets the room\'s operator mark only their room\'s members present in person, and names the room', async () => {
    const chair = await openHybrid();
    const operator = chair.as({ participantId: 'tech', role: 'technician' });
    const roll = await fixture<AttendanceRoll>(html`<attendance-roll .store=${operator}></attendance-roll>`);
    expect(marksOf(roll, 'binh')).to.deep.equal(['present-in-person']);
    expect(marksOf(roll, 'an')).to.deep.equal([]);
    shadowOf(roll).querySelector<HTMLButtonElement>('li[data-member-id=binh] button[data-mark=present-in-person]')!.click();
    await new Promise((r) => setTimeout(r));
    await roll.updateComplete;
    expect(shadowOf(roll).querySelector('li[data-member-id=binh] .mark')?.textContent?.trim()).to.equal('Có mặt tại điểm cầu · Hội trường xã');
    expect(countOf(roll, 'presentInPerson')).to.equal('1');
    expect(chair.getSnapshot().meeting!.attendance.binh?.bridgePointId).to.equal('xa');
    await expect(roll).to.be.accessible();
  });

  it('records a reason the chair does not accept, which stays in the denominator', async () => {
    const chair = await openHybrid();
    const roll = await fixture<AttendanceRoll>(html`<attendance-roll .store=${chair}></attendance-roll>`);
    shadowOf(roll).querySelector<HTMLButtonElement>('li[data-member-id=binh] button[data-mark=absent-with-reason]')!.click();
    await roll.updateComplete;
    const form = shadowOf(roll).querySelector('form')!;
    form.querySelector<HTMLInputElement>('input[name=reason]')!.value = 'Đi chơi';
    form.querySelector<HTMLInputElement>('input[name=accepted]')!.click();
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await new Promise((r) => setTimeout(r));
    await roll.updateComplete;
    expect(chair.getSnapshot().meeting!.attendance.binh).to.include({ mark: 'absent-with-reason', reason: 'Đi chơi', reasonAccepted: false });
    expect(shadowOf(roll).querySelector('li[data-member-id=binh] .mark')?.textContent?.trim()).to.equal('Vắng có lý do: Đi chơi (lý do không được chấp nhận)');
  });
});
