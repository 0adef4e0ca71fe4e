"use server";
// Thin server actions for the token pages: each checks the session (through
// ownerAction), parses with the shared schema and calls one service.
import { revalidatePath } from "next/cache";
import { ownerAction } from "@/lib/forms/form-action";
import { createManualToken } from "@/lib/tokens/create-manual-token";
import { deleteAccessTokens } from "@/lib/tokens/delete-access-tokens";
import { deleteClientTokens } from "@/lib/tokens/delete-client-tokens";
import { deleteExpiredTokens } from "@/lib/tokens/delete-expired-tokens";
import { revealAccessToken } from "@/lib/tokens/reveal-access-token";
import { clientIdSchema, createTokenSchema, deleteExpiredTokensSchema, deleteTokensSchema, tokenIdSchema } from "@/lib/tokens/schemas";

export interface CreatedTokenView {
  token: string;
  name: string;
  prefix: string;
  last4: string;
  /** ISO date, or null for no expiry. */
  expiresAt: string | null;
}

function refreshTokenPages() {
  revalidatePath("/user", "layout");
}

export const createTokenAction = ownerAction<typeof createTokenSchema, CreatedTokenView>("createToken", createTokenSchema, async (owner, input) => {
  const created = await createManualToken(owner.id, input);
  refreshTokenPages();
  return {
    status: "success",
    data: { token: created.token, name: created.name, prefix: created.prefix, last4: created.last4, expiresAt: created.expiresAt?.toISOString() ?? null },
  };
});

export const revealTokenAction = ownerAction<typeof tokenIdSchema, { token: string }>("revealToken", tokenIdSchema, async (owner, input) => {
  return { status: "success", data: await revealAccessToken(owner.id, input.id) };
});

export const deleteTokensAction = ownerAction("deleteTokens", deleteTokensSchema, async (owner, input) => {
  const { count } = await deleteAccessTokens(owner.id, input.ids);
  refreshTokenPages();
  return { status: "success", message: count === 1 ? "Token deleted." : `${count} tokens deleted.` };
});

export const deleteClientTokensAction = ownerAction("deleteClientTokens", clientIdSchema, async (owner, input) => {
  const { count } = await deleteClientTokens(owner.id, input.clientId);
  refreshTokenPages();
  return { status: "success", message: count === 1 ? "1 token deleted." : `${count} tokens deleted.` };
});

export const deleteExpiredTokensAction = ownerAction("deleteExpiredTokens", deleteExpiredTokensSchema, async (owner, input) => {
  const { count } = await deleteExpiredTokens(owner.id, input.clientId ?? null);
  refreshTokenPages();
  return {
    status: "success",
    message: count === 0 ? "No expired tokens were left." : count === 1 ? "1 expired token deleted." : `${count.toLocaleString("en")} expired tokens deleted.`,
  };
});
