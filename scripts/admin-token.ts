/**
 * Mints an admin token for the REST API (docs/openapi.json), signed with the
 * server's secret: PARTY_JWT_SECRET, else the one the server generated in
 * DATA_DIR (./data).
 *
 *   node --import tsx scripts/admin-token.ts [--subject portal] [--units a,b] [--expires 1h]
 *
 * `--units` limits the token to those units (cell ids or parent unit ids): an
 * upper-level user's view. Without it the token reaches every unit, as the
 * province's portal backend needs. Prints the token alone on stdout.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AdminTokens } from '../server/api/admin-tokens.js';

const { values } = parseArgs({
  options: {
    subject: { type: 'string', default: 'portal' },
    units: { type: 'string' },
    expires: { type: 'string', default: '1h' },
  },
});

function secret(): string {
  if (process.env.PARTY_JWT_SECRET) return process.env.PARTY_JWT_SECRET;
  const file = join(resolve(process.env.DATA_DIR ?? 'data'), 'jwt-secret');
  if (!existsSync(file)) {
    console.error(`No secret: set PARTY_JWT_SECRET, or start the server once so that it writes ${file}.`);
    process.exit(1);
  }
  return readFileSync(file, 'utf8').trim();
}

const units = values.units
  ?.split(',')
  .map((unit) => unit.trim())
  .filter(Boolean);
const token = await new AdminTokens(secret()).sign({ subject: values.subject, ...(units ? { units } : {}) }, values.expires);
console.log(token);
