import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The time, refreshed every `intervalMs` while the host is connected and the
 * clock is `active`: an elapsed time on screen moves only while something is
 * under way, and no timer outlives the element.
 */
export class ClockController implements ReactiveController {
  private timer?: ReturnType<typeof setInterval>;
  private connected = false;
  private wanted = false;
  private current = Date.now();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly intervalMs = 1000,
  ) {
    host.addController(this);
  }

  /** Epoch milliseconds of the last tick (or of the last call to `refresh`). */
  get now(): number {
    return this.current;
  }

  /** Whether the host wants ticks; they run only while it is also connected. */
  set active(value: boolean) {
    if (value === this.wanted) return;
    this.wanted = value;
    this.sync();
  }

  get active(): boolean {
    return this.wanted;
  }

  /**
   * Reads the time again without waiting for a tick, and starts counting the
   * next second from now: when an item has just started, its reading then
   * turns to 0:01 a second later, not up to a second late.
   */
  refresh(): void {
    this.current = Date.now();
    if (this.timer === undefined) return;
    this.stop();
    this.sync();
  }

  hostConnected(): void {
    this.connected = true;
    this.refresh();
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.sync();
  }

  /** Every render reads the time afresh, whatever caused it. */
  hostUpdate(): void {
    this.current = Date.now();
  }

  private sync(): void {
    const run = this.connected && this.wanted;
    if (run && this.timer === undefined) {
      this.timer = setInterval(() => {
        this.current = Date.now();
        this.host.requestUpdate();
      }, this.intervalMs);
    } else if (!run && this.timer !== undefined) {
      this.stop();
    }
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
