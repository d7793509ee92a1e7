/**
 * y-websocket clients for the fan-out comparison: one Yjs document and one
 * WebsocketProvider per client, all on one room of a `@y/websocket-server`
 * process. `disableBc: true` (no BroadcastChannel between them) and no
 * awareness state, so the only traffic is the document update being fanned out.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Watchable } from './clients.js';

const ROOM = 'load-bench';
const KEY = 'm';

/** One y-websocket client; `watch` sees the new value of the shared map's key on every remote update. */
export class YjsConnection implements Watchable {
  watch?: (text: string) => void;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;

  private constructor(url: string) {
    this.provider = new WebsocketProvider(url, ROOM, this.doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    // Presence is not what is measured here: no awareness state is broadcast.
    this.provider.awareness.setLocalState(null);
    const map = this.doc.getMap<string>('bench');
    map.observe((_event, transaction) => {
      if (!transaction.local) this.watch?.(map.get(KEY) ?? '');
    });
  }

  /** Connects and resolves once the document is synced with the server. */
  static connect(url: string, timeoutMs = 20_000): Promise<YjsConnection> {
    const connection = new YjsConnection(url);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('y-websocket client did not sync')), timeoutMs);
      connection.provider.once('sync', (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        resolve(connection);
      });
    });
  }

  /** Sets the shared value (the sender's side of a round); returns the size of the Yjs update in bytes. */
  set(value: string): number {
    let bytes = 0;
    const measure = (update: Uint8Array) => (bytes = update.length);
    this.doc.on('update', measure);
    this.doc.getMap<string>('bench').set(KEY, value);
    this.doc.off('update', measure);
    return bytes;
  }

  close(): void {
    this.provider.destroy();
    this.doc.destroy();
  }
}
