import { createContext } from '@lit/context';
import type { MeetingStore } from '../../client/index.js';

/** The meeting store that `<party-meeting-room>` provides to the elements inside it. */
export const meetingStoreContext = createContext<MeetingStore | undefined>(Symbol.for('party-meeting-store'));
