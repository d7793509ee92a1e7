/** Structured JSON logs on stderr. Never pass a token or a ballot choice in `fields`. */
export type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

/** Writes one JSON line per entry to stderr. */
export const jsonLog: Log = (level, message, fields) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })}\n`);
};

/** Discards every entry (for tests that do not read the log). */
export const silentLog: Log = () => {};
