import type { CommandOf, Decision } from '../commands.js';
import { accept, reject, requirePhase, requireText, type DecideContext } from './context.js';

type AgendaCommand = CommandOf<'add-agenda-item' | 'move-agenda-item' | 'skip-agenda-item' | 'start-agenda-item' | 'finish-agenda-item'>;

/**
 * The chair runs the program (HD 42-HD/BTCTW): adds, reorders and skips items
 * (with a reason, for the minutes), starts one (ending the one before) and
 * finishes it; planned and actual durations follow from the times.
 */
export function decideAgenda({ state, actor, now }: DecideContext, command: AgendaCommand): Decision {
  const wrong = requirePhase(state, ['scheduled', 'lobby', 'open', 'closing'], 'change the program');
  if (wrong) return wrong;
  const by = actor.participantId;
  const find = (id: string) => state.agenda.find((i) => i.id === id);
  switch (command.type) {
    case 'add-agenda-item': {
      const { item } = command;
      if (find(item.id)) return reject('duplicate-id', `The program already has an item ${item.id}.`);
      const bad = requireText(item.title, 'A title', 200);
      if (bad) return bad;
      if (!Number.isInteger(item.plannedMinutes) || item.plannedMinutes < 0 || item.plannedMinutes > 600) {
        return reject('invalid-value', 'Planned minutes must be a whole number from 0 to 600.');
      }
      const after = command.afterId === undefined ? state.agenda.length - 1 : state.agenda.findIndex((i) => i.id === command.afterId);
      if (command.afterId !== undefined && after < 0) return reject('unknown-agenda-item', `There is no item ${command.afterId}.`);
      return accept([{ type: 'agenda-item-added', at: now, by, item: { ...item, title: item.title.trim() }, index: after + 1 }]);
    }
    case 'move-agenda-item': {
      const item = find(command.itemId);
      if (!item) return reject('unknown-agenda-item', `There is no item ${command.itemId}.`);
      if (item.status !== 'pending') return reject('agenda-item-not-pending', 'Only items not yet begun can be moved.');
      if (!Number.isInteger(command.toIndex) || command.toIndex < 0 || command.toIndex >= state.agenda.length) {
        return reject('invalid-value', `The new position must be from 0 to ${state.agenda.length - 1}.`);
      }
      return accept([{ type: 'agenda-item-moved', at: now, by, itemId: item.id, toIndex: command.toIndex }]);
    }
    case 'skip-agenda-item': {
      const item = find(command.itemId);
      if (!item) return reject('unknown-agenda-item', `There is no item ${command.itemId}.`);
      if (item.status !== 'pending') return reject('agenda-item-not-pending', 'Only items not yet begun can be skipped.');
      const bad = requireText(command.reason, 'A reason for skipping', 200);
      if (bad) return reject('reason-required', bad.rejection.message);
      return accept([{ type: 'agenda-item-skipped', at: now, by, itemId: item.id, reason: command.reason.trim() }]);
    }
    case 'start-agenda-item': {
      const inSession = requirePhase(state, ['open', 'closing'], 'start an item');
      if (inSession) return inSession;
      const item = find(command.itemId);
      if (!item) return reject('unknown-agenda-item', `There is no item ${command.itemId}.`);
      if (item.status !== 'pending') return reject('agenda-item-not-pending', 'This item has begun already or was skipped.');
      return accept([{ type: 'agenda-item-started', at: now, by, itemId: item.id }]);
    }
    case 'finish-agenda-item': {
      const running = state.agenda.find((i) => i.status === 'running');
      if (!running) return reject('no-running-item', 'No item of the program is under way.');
      return accept([{ type: 'agenda-item-finished', at: now, by, itemId: running.id }]);
    }
  }
}
