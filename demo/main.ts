// The demo portal's script: registering the elements is all a portal page needs.
import '../src/define.js';
import type { MeetingOpenEvent, MeetingSchedule } from '../src/index.js';

// On the upper level's console (/cap-tren), the delegate form offers the standing-committee member the page names.
for (const schedule of document.querySelectorAll<MeetingSchedule>('meeting-schedule[data-committee-id]')) {
  const { committeeId: id, committeeName: name, committeeOrganization: organization } = schedule.dataset;
  if (id && name) schedule.committee = [{ id, name, ...(organization ? { organization } : {}) }];
}

// On the upper level's console (/cap-tren), "Mở cuộc họp" shows that meeting's assessment below.
document.addEventListener('party-meeting-open', (event) => {
  const { meetingId } = (event as MeetingOpenEvent).detail;
  const assessment = document.querySelector('meeting-assessment');
  if (!assessment) return;
  event.preventDefault();
  assessment.meeting = meetingId;
  assessment.scrollIntoView({ block: 'start' });
});
