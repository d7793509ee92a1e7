import { createHmac } from 'node:crypto';
import type { Log } from './log.js';

/** What the portal is told when a meeting is scheduled, or delegates are assigned to it later: whom to notify, and of what. */
export interface MeetingNotice {
  /** `delegate-withdrawn`: the delegate named is no longer expected; their invite link no longer works (none is sent). */
  readonly event: 'meeting-scheduled' | 'delegates-assigned' | 'delegate-withdrawn';
  readonly meetingId: string;
  readonly title: string;
  readonly scheduledAt: string;
  readonly mode?: string;
  /** Members and delegates to notify, with their invite link when one was issued. */
  readonly recipients: ReadonlyArray<{ readonly participantId: string; readonly name: string; readonly role: 'member' | 'delegate'; readonly inviteUrl?: string }>;
}

/** Options of the notice hook. */
export interface NotifierOptions {
  /** The portal's webhook (it sends the SMS or e-mail). */
  readonly url: string;
  /** Signs each body (HMAC-SHA256, hex, header `x-party-signature`) so the portal can check it came from here. */
  readonly secret?: string;
  readonly log: Log;
  /** Attempts before giving up (default 6: about a minute and a half of backoff). */
  readonly attempts?: number;
  /** First delay between attempts; it doubles each time (default 1 s). */
  readonly initialDelayMs?: number;
  /** Time allowed for one attempt (default 10 s). */
  readonly timeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The notice hook (issue 7): POSTs a JSON notice to the portal's webhook,
 * retried with exponential backoff on a network error or a 5xx/429 answer,
 * every attempt logged (never the invite links: they carry join tokens). A
 * 4xx answer other than 429 is final: the portal refused the notice.
 */
export class Notifier {
  constructor(private readonly options: NotifierOptions) {}

  /** Delivers one notice; resolves with whether the portal accepted it (after retries). */
  async send(notice: MeetingNotice): Promise<boolean> {
    const { url, secret, log, attempts = 6, initialDelayMs = 1000, timeoutMs = 10_000 } = this.options;
    const body = JSON.stringify(notice);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (secret) headers['x-party-signature'] = createHmac('sha256', secret).update(body).digest('hex');
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const fields = { meeting: notice.meetingId, recipients: notice.recipients.length, attempt };
      try {
        const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
        await response.arrayBuffer();
        if (response.ok) {
          log('info', 'notice delivered', { ...fields, status: response.status });
          return true;
        }
        const retry = response.status >= 500 || response.status === 429;
        log('warn', 'notice refused', { ...fields, status: response.status, retry });
        if (!retry) return false;
      } catch (error) {
        log('warn', 'notice failed', { ...fields, error: (error as Error).name });
      }
      if (attempt < attempts) await sleep(initialDelayMs * 2 ** (attempt - 1));
    }
    log('error', 'notice given up', { meeting: notice.meetingId, attempts });
    return false;
  }
}
