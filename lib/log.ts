/**
 * Server log lines. Errors are logged by name and code only: messages of
 * driver errors can carry query arguments, and those can be secrets.
 */
export function logError(where: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : undefined;
  console.error(`[latch] ${where} failed: ${name}${code ? ` (${code})` : ""}`);
}

/** A server log line about Latch's own state (never a value a request brought). */
export function logWarning(where: string, message: string): void {
  console.error(`[latch] ${where}: ${message}`);
}
