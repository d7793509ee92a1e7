/**
 * Writes a meeting's line of the pilot report when it closes, so that the
 * yearly report is SQL over the registry, never a read of every log
 * (issue 8). Mounted as the meeting server's `onEvent` observer.
 */
import { meetingReport, type MeetingEvent, type MeetingState } from '../../src/core/index.js';
import type { Log } from '../log.js';
import type { EventObserver } from '../meeting-host.js';
import type { RegistryStore } from '../registry-store.js';

/**
 * The observer: on `meeting-closed`, the core's `meetingReport` of the
 * state, placed in its unit (the registry's parent of the cell), written in
 * the background; a failure is logged with the meeting id and never touches
 * the meeting. `written` (tests, benchmarks) resolves after each write.
 */
export function reportWriter(registry: RegistryStore, log: Log, written?: (meetingId: string, ok: boolean) => void): EventObserver {
  return (meetingId: string, event: MeetingEvent, state: MeetingState) => {
    if (event.type !== 'meeting-closed') return;
    const report = meetingReport(state);
    void (async () => {
      const entry = await registry.meeting(meetingId);
      const parentId = entry?.parentId ?? (await registry.cell(state.cell.id))?.parentId;
      await registry.recordMeetingReport({ ...report, cellName: state.cell.name, ...(parentId !== undefined ? { parentId } : {}) });
    })().then(
      () => {
        log('info', 'meeting report written', { meeting: meetingId });
        written?.(meetingId, true);
      },
      (error: unknown) => {
        log('error', 'meeting report not written', { meeting: meetingId, error: String(error) });
        written?.(meetingId, false);
      },
    );
  };
}
