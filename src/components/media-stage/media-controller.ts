import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaAdapter, MediaSnapshot } from '../../core/index.js';

/**
 * Subscribes its host to a media adapter while the host is connected, and
 * asks for an update whenever the adapter's snapshot changes (adapters hand
 * out a new immutable snapshot on every change).
 */
export class MediaController implements ReactiveController {
  private adapter?: MediaAdapter<MediaStreamTrack>;
  private unsubscribe?: () => void;
  private current?: MediaSnapshot<MediaStreamTrack>;
  private connected = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The adapter's snapshot, or undefined without an adapter. */
  get value(): MediaSnapshot<MediaStreamTrack> | undefined {
    return this.current;
  }

  /** Follows another adapter (or none). */
  setAdapter(adapter: MediaAdapter<MediaStreamTrack> | undefined): void {
    if (adapter === this.adapter) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.adapter = adapter;
    this.current = adapter?.getSnapshot();
    this.host.requestUpdate();
    if (this.connected) this.listen();
  }

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
    if (!this.adapter || this.unsubscribe) return;
    const adapter = this.adapter;
    const read = () => {
      const next = adapter.getSnapshot();
      if (next === this.current) return;
      this.current = next;
      this.host.requestUpdate();
    };
    this.unsubscribe = adapter.subscribe(read);
    read();
  }
}
