/**
 * NUL and the other C0 control characters but tab, line feed and carriage
 * return, and DEL. None belongs in a name, an id or a phone number, and
 * PostgreSQL refuses NUL in text outright, which would make such input a
 * server error there while SQLite stores it.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value);
}
