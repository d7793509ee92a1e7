/**
 * The port's `getSnapshot` and `subscribe` (src/core/media.ts), the same for
 * every adapter: one immutable snapshot, computed when it is asked for and
 * kept until something changed (so `useSyncExternalStore`-like readers and
 * Lit controllers compare it by identity), and listeners told once per task,
 * after all of that task's changes, never from inside a setter.
 */
export class SnapshotCache<Snapshot> {
  private snapshot?: Snapshot;
  private notifying = false;
  private readonly listeners = new Set<() => void>();

  /** `compute` builds a fresh snapshot from the adapter's state. */
  constructor(private readonly compute: () => Snapshot) {}

  /** The current snapshot: the same value until `changed()`. */
  get(): Snapshot {
    this.snapshot ??= this.compute();
    return this.snapshot;
  }

  /** Calls `listener` after every batch of changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks the snapshot stale and tells the listeners once, after the current task's changes. */
  changed(): void {
    this.snapshot = undefined;
    if (this.notifying) return;
    this.notifying = true;
    queueMicrotask(() => {
      this.notifying = false;
      for (const listener of this.listeners) listener();
    });
  }
}
