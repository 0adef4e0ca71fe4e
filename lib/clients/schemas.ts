import { z } from "zod";
import { hasNoControlCharacters } from "@/lib/validation/control-characters";
import { MAX_REDIRECT_URIS, parseRedirectUriLines, redirectUriProblem } from "@/lib/clients/redirect-uris";

export const CLIENT_TYPES = ["confidential", "public"] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];

export const REGISTRATIONS = ["dashboard", "dynamic", "metadata_document"] as const;
export type Registration = (typeof REGISTRATIONS)[number];
export const REGISTRATION_LABELS: Record<Registration, string> = {
  dashboard: "Created in the dashboard",
  dynamic: "Dynamic registration",
  metadata_document: "Client ID Metadata Document",
};

/** The redirect URIs textarea: one per line, each checked, at most 20. */
export const redirectUrisField = z
  .string()
  .max(50_000, "Too much text.")
  .default("")
  .transform((text, ctx) => {
    const uris = parseRedirectUriLines(text);
    if (uris.length > MAX_REDIRECT_URIS) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_REDIRECT_URIS} redirect URIs.` });
      return z.NEVER;
    }
    for (const uri of uris) {
      const problem = redirectUriProblem(uri);
      if (problem) {
        ctx.addIssue({ code: "custom", message: problem });
        return z.NEVER;
      }
    }
    return uris;
  });

const name = z
  .string({ message: "Give the client a name." })
  .trim()
  .min(1, "Give the client a name.")
  .max(100, "Use at most 100 characters.")
  .refine(hasNoControlCharacters, "The name cannot contain control characters.");
const description = z
  .string()
  .trim()
  .max(500, "Use at most 500 characters.")
  .refine(hasNoControlCharacters, "The description cannot contain control characters.")
  .default("");

export const PUBLIC_CLIENT_NEEDS_REDIRECT = "A public client gets its tokens only through a redirect: add at least one redirect URI.";

export const createClientSchema = z
  .object({
    name,
    description,
    type: z.enum(CLIENT_TYPES, { message: "Choose confidential or public." }),
    redirectUris: redirectUrisField,
  })
  // A confidential client may live on client_credentials alone; a public one has no other grant.
  .refine((client) => client.type !== "public" || client.redirectUris.length > 0, { message: PUBLIC_CLIENT_NEEDS_REDIRECT, path: ["redirectUris"] });

/**
 * Auth Details' save. The `loaded…` fields hold the values the page loaded
 * with, so that only the owner's own changes are saved (see updateClient);
 * they are our own page's, so they are read as they are, unchecked.
 */
export const updateClientSchema = z.object({
  clientId: z.string().min(1).max(100),
  name,
  description,
  redirectUris: redirectUrisField,
  loadedName: z.string().max(1_000).optional(),
  loadedDescription: z.string().max(5_000).optional(),
  loadedRedirectUris: z.string().max(50_000).transform(parseRedirectUriLines).optional(),
});

export type CreateClientInput = z.infer<typeof createClientSchema>;
export type UpdateClientInput = z.infer<typeof updateClientSchema>;

/** A form that acts on one client: the hidden field holds the row id. */
export const clientRefSchema = z.object({ clientId: z.string().min(1).max(100) });

export const setClientDisabledSchema = clientRefSchema.extend({
  disabled: z.enum(["true", "false"], { message: "Choose enable or disable." }).transform((v) => v === "true"),
});

/** How long the old secret keeps working after a rotation. */
export const SECRET_GRACE_PERIODS = ["none", "1h", "24h"] as const;
export type SecretGracePeriod = (typeof SECRET_GRACE_PERIODS)[number];
export const SECRET_GRACE_MS: Record<SecretGracePeriod, number> = { none: 0, "1h": 3_600_000, "24h": 86_400_000 };
export const SECRET_GRACE_LABELS: Record<SecretGracePeriod, string> = {
  none: "None: the old secret stops working now",
  "1h": "1 hour",
  "24h": "24 hours",
};

export const rotateClientSecretSchema = clientRefSchema.extend({
  grace: z.enum(SECRET_GRACE_PERIODS, { message: "Choose how long the old secret keeps working." }),
});
