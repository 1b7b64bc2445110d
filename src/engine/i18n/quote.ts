/**
 * A user's value shown inside a message: cut to at most `max` characters (default 60) with
 * "…", and line breaks shown as spaces, so a 20 MB text cell never floods a message.
 * Every message that echoes a cell, a header or an option value goes through here.
 *
 * @example
 * shown("abc")                 // "abc"
 * shown("x".repeat(100)).length // 61 (60 characters and "…")
 */
export const MAX_SHOWN = 60;

export function shown(value: unknown, max = MAX_SHOWN): string {
  const s = String(value).replace(/\s*[\r\n]+\s*/g, " ");
  return s.length <= max ? s : `${s.slice(0, max)}…`;
}
