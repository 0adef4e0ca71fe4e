// Test data with random unique values, created through the services (never
// through public routes), so tests run in parallel without a reset.
// Area-specific factories live beside this file (e.g. tests/support/token-factories.ts).
import crypto from "node:crypto";
import { createClient } from "@/lib/clients/create-client";
import type { CreateClientInput } from "@/lib/clients/schemas";
import { mintAccessToken, type MintAccessTokenInput } from "@/lib/tokens/mint-access-token";
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

export async function createTestClient(ownerId: string, overrides: Partial<CreateClientInput> = {}) {
  return createClient(ownerId, {
    name: `Client ${crypto.randomBytes(3).toString("hex")}`,
    description: "",
    type: "confidential",
    redirectUris: ["https://app.example.test/callback", "http://127.0.0.1/callback"],
    ...overrides,
  });
}

/** A manual token by default; pass createdVia/scope/audience/expiresAt to vary. */
export async function createTestToken(ownerId: string, clientId: string, overrides: Partial<MintAccessTokenInput> = {}) {
  return mintAccessToken({
    ownerId,
    clientId,
    name: `Token ${crypto.randomBytes(3).toString("hex")}`,
    createdVia: "manual",
    expiresAt: null,
    ...overrides,
  });
}
