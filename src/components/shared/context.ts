import { createContext } from '@lit/context';
import type { MeetingStore } from '../../client/index.js';
import type { MediaAdapter } from '../../core/index.js';

/** The meeting store that `<party-meeting-room>` provides to the elements inside it. */
export const meetingStoreContext = createContext<MeetingStore | undefined>(Symbol.for('party-meeting-store'));

/** The media adapter that `<party-meeting-room>` provides once the member joined the meeting's video and sound. */
export const mediaContext = createContext<MediaAdapter<MediaStreamTrack> | undefined>(Symbol.for('party-meeting-media'));
