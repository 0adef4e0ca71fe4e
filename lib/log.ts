/**
 * Server log lines. Errors are logged by name and code only: messages of
 * driver errors can carry query arguments, and those can be secrets.
 */
export function logError(where: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const code = typeof error === "object" && error && "code" in error ? String(error.code) : undefined;
  console.error(`[latch] ${where} failed: ${name}${code ? ` (${code})` : ""}`);
}
