/** Registers every element of the SDK. Import this once on a page. */
import './components/party-meeting-room/define.js';
import './components/attendance-roll/define.js';
