"use server";
import { revalidatePath } from "next/cache";
import { revealClientSecret } from "@/lib/clients/reveal-client-secret";
import { rotateClientSecret } from "@/lib/clients/rotate-client-secret";
import { clientRefSchema, rotateClientSecretSchema } from "@/lib/clients/schemas";
import { ownerAction } from "@/lib/forms/form-action";

export const revealClientSecretAction = ownerAction<typeof clientRefSchema, { secret: string }>(
  "client.secret.reveal",
  clientRefSchema,
  async (owner, { clientId }) => ({ status: "success", data: { secret: await revealClientSecret(owner.id, clientId) } }),
);

export const rotateClientSecretAction = ownerAction<typeof rotateClientSecretSchema, { secret: string; previousSecretExpiresAt: string | null }>(
  "client.secret.rotate",
  rotateClientSecretSchema,
  async (owner, { clientId, grace }) => {
    const rotated = await rotateClientSecret(owner.id, clientId, grace);
    revalidatePath(`/user/oauth-clients/${clientId}`, "layout");
    return {
      status: "success",
      data: { secret: rotated.secret, previousSecretExpiresAt: rotated.previousSecretExpiresAt?.toISOString() ?? null },
    };
  },
);
