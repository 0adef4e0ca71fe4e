import "server-only";
import { loginSchema } from "@/lib/auth/schemas";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db/prisma";

export const LOCKOUT_ATTEMPTS = 10;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string } }
  | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks an email and password. Failures are counted per email in the
 * database, so the lockout holds across app instances; after
 * LOCKOUT_ATTEMPTS failures in the window every attempt is refused until the
 * oldest failure ages out.
 */
export async function verifyCredentials(raw: unknown): Promise<CredentialsResult> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  // The attempt is recorded before it is counted, so a burst of parallel
  // guesses cannot all slip under the limit; a success removes the record.
  const since = new Date(Date.now() - LOCKOUT_WINDOW_MS);
  await db().loginFailure.create({ data: { email } });
  const failures = await db().loginFailure.count({ where: { email, createdAt: { gte: since } } });
  if (failures > LOCKOUT_ATTEMPTS) {
    // Refused without a check. The refused attempt stays counted: removing it
    // would let a burst of parallel guesses, all refused at once, reset the
    // counter for the next one.
    await db().loginFailure.deleteMany({ where: { email, createdAt: { lt: since } } });
    return { ok: false, reason: "locked" };
  }

  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, passwordHash: true } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    await db().loginFailure.deleteMany({ where: { email, createdAt: { lt: since } } });
    return { ok: false, reason: "invalid" };
  }
  await db().loginFailure.deleteMany({ where: { email } });
  return { ok: true, user: { id: user.id, email: user.email } };
}
