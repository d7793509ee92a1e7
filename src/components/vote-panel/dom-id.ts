/**
 * An element id made from a prefix and a meeting's id (a motion's, a bridge
 * point's). The protocol allows any characters in those ids, but an id used in
 * `aria-labelledby` or `for` must not contain spaces; other characters are
 * escaped too so that ids stay distinct.
 */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}_`)}`;
}
