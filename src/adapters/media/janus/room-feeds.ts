import type { PluginData } from './janus-api.js';
import { decodeDisplay, type FeedInfo } from './feed-info.js';
import type { WantedStream } from './subscription.js';

/** A stream a publisher offers to the room (VideoRoom's `publishers[].streams[]`). */
export interface PublishedStream {
  readonly type: string;
  readonly mid: string;
  readonly disabled: boolean;
}

/** A publisher of the room: Janus's feed id, who it is (from its display), and what it sends. */
export interface Feed {
  readonly id: number;
  readonly info: FeedInfo;
  readonly streams: readonly PublishedStream[];
  /** When it (re)published, in arrival order: the newest feed of a participant wins (a re-join before Janus dropped the old one). */
  readonly order: number;
}

let arrivals = 0;

function streamsOf(value: unknown): PublishedStream[] {
  if (!Array.isArray(value)) return [];
  return (value as Record<string, unknown>[]).map((s) => ({ type: String(s.type), mid: String(s.mid), disabled: s.disabled === true }));
}

/**
 * The room's publishers as this member knows them, kept from the VideoRoom's
 * events: the `publishers` list of `joined` and of later events (a new or
 * updated feed), `unpublished` and `leaving` (gone), and `{ id, display }`
 * (a display changed: the microphone or camera state).
 */
export class RoomFeeds {
  private readonly feeds = new Map<number, Feed>();

  /** Replaces everything with a full list (after joining, or after reclaiming the session). */
  reset(publishers: unknown): void {
    this.feeds.clear();
    this.add(publishers);
  }

  /** Applies one room event; returns whether the feeds changed. */
  apply(data: PluginData): boolean {
    let changed = false;
    if (Array.isArray(data.publishers)) changed = this.add(data.publishers) || changed;
    for (const gone of [data.unpublished, data.leaving]) {
      if ((typeof gone === 'number' || typeof gone === 'string') && gone !== 'ok') changed = this.feeds.delete(Number(gone)) || changed;
    }
    if (data.id !== undefined && typeof data.display === 'string' && data.videoroom === 'event') {
      const feed = this.feeds.get(Number(data.id));
      if (feed) {
        this.feeds.set(feed.id, { ...feed, info: decodeDisplay(data.display, feed.id) });
        changed = true;
      }
    }
    return changed;
  }

  get(id: number): Feed | undefined {
    return this.feeds.get(id);
  }

  /** Publisher ids and their streams, to tell whether a list differs from what is known. */
  signature(): string {
    return [...this.feeds.values()]
      .map((f) => `${f.id}:${f.streams.map((s) => `${s.mid}${s.type[0]}${s.disabled ? '-' : ''}`).join(',')}`)
      .sort()
      .join(' ');
  }

  /**
   * The streams to receive: every other participant's audio, and their
   * camera and screen video unless this member is audio-only. This member's
   * own feeds (its screen share, a feed of an earlier session) are not received.
   */
  wanted(me: string, audioOnly: boolean): WantedStream[] {
    const out: WantedStream[] = [];
    for (const feed of this.current(me)) {
      for (const s of feed.streams) {
        if (s.disabled || (s.type !== 'audio' && s.type !== 'video')) continue;
        if (s.type === 'video' && audioOnly) continue;
        out.push({ feed: feed.id, mid: s.mid });
      }
    }
    return out;
  }

  /** The newest camera feed and screen feed of each other participant. */
  byParticipant(me: string): Map<string, { camera?: Feed; screen?: Feed }> {
    const out = new Map<string, { camera?: Feed; screen?: Feed }>();
    for (const feed of this.current(me)) {
      const entry = out.get(feed.info.participantId) ?? {};
      if (feed.info.screen) entry.screen = feed;
      else entry.camera = feed;
      out.set(feed.info.participantId, entry);
    }
    return out;
  }

  /** Other participants' feeds, the newest of each kind per participant only. */
  private current(me: string): Feed[] {
    const newest = new Map<string, Feed>();
    for (const feed of this.feeds.values()) {
      if (feed.info.participantId === me) continue;
      const k = `${feed.info.participantId}/${feed.info.screen ? 's' : 'c'}`;
      const seen = newest.get(k);
      if (!seen || seen.order < feed.order) newest.set(k, feed);
    }
    return [...newest.values()];
  }

  private add(publishers: unknown): boolean {
    if (!Array.isArray(publishers)) return false;
    for (const p of publishers as Record<string, unknown>[]) {
      const id = Number(p.id);
      if (!Number.isFinite(id) || p.dummy === true) continue;
      const known = this.feeds.get(id);
      this.feeds.set(id, { id, info: decodeDisplay(p.display, id), streams: streamsOf(p.streams), order: known?.order ?? ++arrivals });
    }
    return publishers.length > 0;
  }
}
