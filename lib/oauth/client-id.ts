// What a presented client_id may look like before it is used in a query:
// bounded, printable, no whitespace. Keeps junk (and NUL bytes, which
// PostgreSQL rejects) out of the database layer.
export function isPlausibleClientId(value: string): boolean {
  return value.length > 0 && value.length <= 2048 && /^[\x21-\x7e]+$/.test(value);
}
