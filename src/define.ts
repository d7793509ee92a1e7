/** Registers every element of the SDK. Import this once on a page. */
import './components/party-meeting-room/define.js';
import './components/attendance-roll/define.js';
import './components/agenda-runner/define.js';
import './components/speaker-queue/define.js';
import './components/meeting-minutes/define.js';
import './components/vote-panel/define.js';
import './components/lobby-gate/define.js';
import './components/meeting-documents/define.js';
import './components/device-check/define.js';
import './components/media-stage/define.js';
import './components/meeting-schedule/define.js';
import './components/meeting-assessment/define.js';
import './components/pilot-report/define.js';
