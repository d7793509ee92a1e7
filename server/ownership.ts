import postgres from 'postgres';

/** Where a meeting is served: here, or by another process at `url`. */
export type Placement = { readonly here: true } | { readonly here: false; readonly url: string };

/**
 * Which server process serves which meeting (issue 7 "Scale"): one owner per
 * meeting at a time, so that one process decides its commands in order and
 * holds its state. `SoloOwnership` is the single-process default.
 */
export interface MeetingOwnership {
  /** This process's id, recorded as the owner. */
  readonly owner: string;
  /** Takes the meeting if nobody holds it (or its holder's lease ran out); else says who has it. */
  place(meetingId: string): Promise<Placement>;
  /** Calls `onLost` with a meeting this process no longer owns (its lease was taken over). */
  onLost(listener: (meetingId: string) => void): void;
  close(): Promise<void>;
}

/** One process serves every meeting. */
export class SoloOwnership implements MeetingOwnership {
  readonly owner = 'solo';
  place(): Promise<Placement> {
    return Promise.resolve({ here: true });
  }
  onLost(): void {}
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** Options of `PostgresOwnership`. */
export interface PostgresOwnershipOptions {
  readonly url: string;
  readonly schema?: string;
  /** This process's id (unique among the province's processes). */
  readonly owner: string;
  /** The WebSocket address clients of this process's meetings are sent to (`wss://node-2.example/ws`). */
  readonly publicUrl: string;
  /** How long an owner holds a meeting without renewing; renewed every third of it. */
  readonly leaseMs?: number;
}

/**
 * Ownership recorded in PostgreSQL, next to the event log: a row per meeting
 * with its owner, the owner's address and a lease. The owner renews its
 * leases; if it dies, the first process asked for the meeting after the lease
 * ran out takes it over and rebuilds it from the log. The event store fences
 * every append with the same row (`PostgresEventStore`'s `owner` option), so
 * a process that lost a meeting can never append to it again.
 */
export class PostgresOwnership implements MeetingOwnership {
  readonly owner: string;
  private readonly listeners = new Set<(meetingId: string) => void>();
  private readonly owned = new Set<string>();
  private readonly timer: ReturnType<typeof setInterval>;

  private constructor(
    private readonly sql: postgres.Sql,
    private readonly options: Required<Omit<PostgresOwnershipOptions, 'schema'>>,
  ) {
    this.owner = options.owner;
    this.timer = setInterval(() => void this.renew(), Math.max(50, Math.floor(options.leaseMs / 3)));
    this.timer.unref();
  }

  /** Connects; open the `PostgresEventStore` (which creates the table) first. */
  static async open(options: PostgresOwnershipOptions): Promise<PostgresOwnership> {
    const schema = options.schema ?? 'public';
    const sql = postgres(options.url, { max: 2, onnotice: () => {}, connection: { search_path: schema, application_name: 'party-meeting-ownership' } });
    // The table is created with the event log (PostgresEventStore.open), which fences appends with it.
    await sql`SELECT 1 FROM meeting_owners LIMIT 1`;
    return new PostgresOwnership(sql, { leaseMs: 10_000, ...options });
  }

  async place(meetingId: string): Promise<Placement> {
    const { owner, publicUrl, leaseMs } = this.options;
    // Take the row if it is new, ours, or its lease ran out; a holder with a live lease keeps it.
    const [row] = await this.sql<{ owner: string; url: string }[]>`
      INSERT INTO meeting_owners (meeting_id, owner, url, lease_until)
      VALUES (${meetingId}, ${owner}, ${publicUrl}, now() + ${leaseMs} * interval '1 millisecond')
      ON CONFLICT (meeting_id) DO UPDATE
        SET owner = EXCLUDED.owner, url = EXCLUDED.url, lease_until = EXCLUDED.lease_until
        WHERE meeting_owners.owner = EXCLUDED.owner OR meeting_owners.lease_until < now()
      RETURNING owner, url`;
    if (row) {
      this.owned.add(meetingId);
      return { here: true };
    }
    const [holder] = await this.sql<{ url: string }[]>`SELECT url FROM meeting_owners WHERE meeting_id = ${meetingId}`;
    this.owned.delete(meetingId);
    return holder ? { here: false, url: holder.url } : this.place(meetingId);
  }

  onLost(listener: (meetingId: string) => void): void {
    this.listeners.add(listener);
  }

  /** Extends the leases of the meetings this process still owns; the others are lost. */
  private async renew(): Promise<void> {
    if (this.owned.size === 0) return;
    try {
      const kept = await this.sql<{ meeting_id: string }[]>`
        UPDATE meeting_owners SET lease_until = now() + ${this.options.leaseMs} * interval '1 millisecond'
        WHERE owner = ${this.owner} AND meeting_id = ANY(${[...this.owned]})
        RETURNING meeting_id`;
      const still = new Set(kept.map((r) => r.meeting_id));
      for (const meetingId of [...this.owned]) {
        if (still.has(meetingId)) continue;
        this.owned.delete(meetingId);
        for (const listener of this.listeners) listener(meetingId);
      }
    } catch {
      // The database is unreachable: appends fail too (fenced); the leases run out and another process takes over.
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    // Hand the meetings back at once, so that another process need not wait for the leases to run out.
    await this.sql`DELETE FROM meeting_owners WHERE owner = ${this.owner}`.catch(() => undefined);
    await this.sql.end({ timeout: 2 });
  }
}
