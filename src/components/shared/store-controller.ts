import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ClientSnapshot, MeetingStore } from '../../client/index.js';

/**
 * Subscribes its host to a meeting store while the host is connected, and
 * asks for an update only when the selected slice of the snapshot changes.
 */
export class StoreController<T> implements ReactiveController {
  private store?: MeetingStore;
  private unsubscribe?: () => void;
  private selected?: T;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly select: (snapshot: ClientSnapshot) => T,
  ) {
    host.addController(this);
  }

  /** The current selection, or undefined without a store. */
  get value(): T | undefined {
    return this.selected;
  }

  /** Follows another store (or none). */
  setStore(store: MeetingStore | undefined): void {
    if (store === this.store) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.store = store;
    this.selected = store ? this.select(store.getSnapshot()) : undefined;
    this.host.requestUpdate();
    if (this.connected) this.listen();
  }

  private connected = false;

  hostConnected(): void {
    this.connected = true;
    this.listen();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  private listen(): void {
    if (!this.store || this.unsubscribe) return;
    const store = this.store;
    this.unsubscribe = store.subscribe(() => {
      const next = this.select(store.getSnapshot());
      if (next !== this.selected) {
        this.selected = next;
        this.host.requestUpdate();
      }
    });
    const now = this.select(store.getSnapshot());
    if (now !== this.selected) {
      this.selected = now;
      this.host.requestUpdate();
    }
  }
}
