// The demo portal's script: registering the elements is all a portal page needs.
import '../src/define.js';
import type { MeetingOpenEvent } from '../src/index.js';

// On the upper level's console (/cap-tren), "Mở cuộc họp" shows that meeting's assessment below.
document.addEventListener('party-meeting-open', (event) => {
  const { meetingId } = (event as MeetingOpenEvent).detail;
  const assessment = document.querySelector('meeting-assessment');
  if (!assessment) return;
  event.preventDefault();
  assessment.meeting = meetingId;
  assessment.scrollIntoView({ block: 'start' });
});
