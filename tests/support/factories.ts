// Test data with random unique values, created through the services (never
// through public routes), so tests run in parallel without a reset.
import crypto from "node:crypto";
import { createUser } from "@/lib/users/create-user";

export function uniqueEmail(label = "owner"): string {
  return `${label}-${crypto.randomBytes(6).toString("hex")}@example.test`;
}

export const TEST_PASSWORD = "correct horse battery staple";

export async function createOwner(label?: string) {
  const email = uniqueEmail(label);
  const user = await createUser({ email, password: TEST_PASSWORD });
  return { ...user, password: TEST_PASSWORD };
}
