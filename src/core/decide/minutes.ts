import type { CommandOf, Decision } from '../commands.js';
import { accept, IN_SESSION, reject, requirePhase, requireText, type DecideContext } from './context.js';
import { requireParticipant } from './session.js';

type MinutesCommand = CommandOf<'assign-task' | 'record-conclusion' | 'rate-meeting' | 'add-minutes-note' | 'read-back-minutes' | 'add-minutes-annex'>;

/**
 * Conclusions, tasks with a person and a deadline, the quality rating, and the
 * minutes (HD 42-HD/BTCTW, content and closing steps). Minutes are read back
 * and adopted by a vote; once adopted they are locked: only an annex may be
 * added (DOMAIN.md "Minutes": never silently changed after adoption).
 */
export function decideMinutes(ctx: DecideContext, command: MinutesCommand): Decision {
  const { state, actor, now } = ctx;
  const by = actor.participantId;
  const locked = state.minutes.status === 'adopted';
  if (command.type === 'add-minutes-annex') {
    if (!locked) return reject('minutes-not-adopted', 'Annexes are for adopted minutes; add a note instead.');
    return requireText(command.text, 'An annex') ?? accept([{ type: 'minutes-annex-added', at: now, by, text: command.text.trim() }]);
  }
  if (locked) return reject('minutes-locked', 'The minutes were adopted and are locked; only an annex can be added.');
  const wrong = requirePhase(state, IN_SESSION, 'write the minutes');
  if (wrong) return wrong;
  switch (command.type) {
    case 'assign-task': {
      const unknown = requireParticipant(ctx, command.assigneeId);
      if (unknown) return unknown;
      if (state.tasks.some((t) => t.id === command.taskId)) return reject('duplicate-id', `A task ${command.taskId} exists already.`);
      if (Number.isNaN(Date.parse(command.deadline))) return reject('invalid-value', 'The deadline must be a date.');
      const bad = requireText(command.description, 'A task');
      if (bad) return bad;
      const { type: _type, ...task } = command;
      return accept([{ type: 'task-assigned', at: now, by, ...task, description: task.description.trim() }]);
    }
    case 'record-conclusion':
      return requireText(command.text, 'A conclusion') ?? accept([{ type: 'conclusion-recorded', at: now, by, text: command.text.trim() }]);
    case 'rate-meeting':
      if (!Number.isInteger(command.score) || command.score < 0 || command.score > 100) {
        return reject('invalid-value', 'The score is a whole number from 0 to 100.');
      }
      return accept([{ type: 'meeting-rated', at: now, by, score: command.score, ...(command.note?.trim() ? { note: command.note.trim() } : {}) }]);
    case 'add-minutes-note': {
      if (command.agendaItemId && !state.agenda.some((i) => i.id === command.agendaItemId)) {
        return reject('unknown-agenda-item', `There is no item ${command.agendaItemId}.`);
      }
      const bad = requireText(command.text, 'A note');
      if (bad) return bad;
      return accept([{ type: 'minutes-note-added', at: now, by, text: command.text.trim(), ...(command.agendaItemId ? { agendaItemId: command.agendaItemId } : {}) }]);
    }
    case 'read-back-minutes':
      return accept([{ type: 'minutes-read-back', at: now, by }]);
  }
}
