import { z } from "zod";
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
  .max(100, "Use at most 100 characters.");
const description = z.string().trim().max(500, "Use at most 500 characters.").default("");

export const createClientSchema = z.object({
  name,
  description,
  type: z.enum(CLIENT_TYPES, { message: "Choose confidential or public." }),
  redirectUris: redirectUrisField,
});

export const updateClientSchema = z.object({
  clientId: z.string().min(1).max(100),
  name,
  description,
  redirectUris: redirectUrisField,
});

export type CreateClientInput = z.infer<typeof createClientSchema>;
export type UpdateClientInput = z.infer<typeof updateClientSchema>;
