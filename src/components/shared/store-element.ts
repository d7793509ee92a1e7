import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { CommandRejectedError, type ClientSnapshot, type MeetingStore } from '../../client/index.js';
import type { ClientCommand } from '../../core/index.js';
import { meetingStoreContext } from './context.js';
import { CommandRejectedEvent } from './events.js';
import { rejectionMessage } from './i18n.js';
import { PartyElement } from './party-element.js';
import { StoreController } from './store-controller.js';

/**
 * The base of every element that shows a meeting: takes the store from
 * `.store` or from the enclosing `<party-meeting-room>`, re-renders when the
 * snapshot changes, and sends commands with their refusals shown in the
 * element's language.
 */
export class StoreElement extends PartyElement {
  /** The meeting store; taken from the enclosing `<party-meeting-room>` when not set. */
  @property({ attribute: false }) store?: MeetingStore;

  @consume({ context: meetingStoreContext, subscribe: true })
  @state()
  private contextStore?: MeetingStore;

  /** The last refusal, localized, for a `role="alert"` region. */
  @state() protected error = '';

  private readonly snapshotController = new StoreController<ClientSnapshot>(this, (s) => s);

  /** The store in use: the one set directly, else the room's. */
  protected get activeStore(): MeetingStore | undefined {
    return this.store ?? this.contextStore;
  }

  /** The current snapshot, once there is a store. */
  protected get snapshot(): ClientSnapshot | undefined {
    return this.snapshotController.value;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.snapshotController.setStore(this.activeStore);
  }

  /**
   * Sends a command. On refusal, shows the localized reason in `error`, fires
   * `party-command-rejected`, and resolves undefined; on success, clears the
   * error and resolves the sequence number reached.
   */
  protected async sendCommand(command: ClientCommand, describe?: (code: string) => string | undefined): Promise<number | undefined> {
    const store = this.activeStore;
    if (!store) return undefined;
    this.error = '';
    try {
      return await store.send(command);
    } catch (error) {
      const { code, message } = error instanceof CommandRejectedError ? error.rejection : { code: 'server-error', message: String(error) };
      this.error = describe?.(code) ?? rejectionMessage(this.language, code, message);
      this.dispatchEvent(new CommandRejectedEvent({ code, message }));
      return undefined;
    }
  }
}
