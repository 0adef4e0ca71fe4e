// Every dashboard mutation is a server action that checks the session itself:
// called over HTTP by another signed-in owner it finds nothing and changes
// nothing, and called without a session it does nothing at all.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PERMISSION_KEYS } from "@/lib/permissions/catalogue";
import { createOwner, createTestClient, createTestToken } from "../support/factories";
import { HttpSession } from "../support/http-session";
import { callServerAction } from "../support/server-actions";

const baseUrl = inject("baseUrl");

let victim: { clientRowId: string; tokenId: string; secretHash: string | null };
let intruder: HttpSession;

beforeAll(async () => {
  const owner = await createOwner("victim");
  const client = await createTestClient(owner.id, { name: "Victim's client" });
  const token = await createTestToken(owner.id, client.id, { name: "Victim's token" });
  const row = await db().oAuthClient.findUniqueOrThrow({ where: { id: client.id } });
  victim = { clientRowId: client.id, tokenId: token.id, secretHash: row.secretHash };

  const other = await createOwner("intruder");
  intruder = new HttpSession(baseUrl);
  expect((await intruder.signIn(other.email, other.password)).ok).toBe(true);
});

const CLIENT_ACTIONS = "lib/clients/actions";
const cases = () =>
  [
    ["update the client", "/user/oauth-clients", `${CLIENT_ACTIONS}/update-client-action.ts`, "updateClientAction", { clientId: victim.clientRowId, name: "Hijacked", description: "", redirectUris: "https://evil.example/cb" }],
    ["disable the client", "/user/oauth-clients", `${CLIENT_ACTIONS}/client-status-actions.ts`, "setClientDisabledAction", { clientId: victim.clientRowId, disabled: "true" }],
    ["delete the client", "/user/oauth-clients", `${CLIENT_ACTIONS}/client-status-actions.ts`, "deleteClientAction", { clientId: victim.clientRowId }],
    ["reveal the secret", "/user/oauth-clients", `${CLIENT_ACTIONS}/client-secret-actions.ts`, "revealClientSecretAction", { clientId: victim.clientRowId }],
    ["rotate the secret", "/user/oauth-clients", `${CLIENT_ACTIONS}/client-secret-actions.ts`, "rotateClientSecretAction", { clientId: victim.clientRowId, grace: "none" }],
    ["cut the permissions", "/user/oauth-clients", "lib/clients/permission-actions.ts", "saveClientPermissionsAction", { clientId: victim.clientRowId, permission: ["sale.list"] }],
    ["create a token", "/user/oauth-access-tokens", "lib/tokens/token-actions.ts", "createTokenAction", { clientId: victim.clientRowId, name: "Backdoor", expiry: "30" }],
    ["reveal a token", "/user/oauth-access-tokens", "lib/tokens/token-actions.ts", "revealTokenAction", { id: victim.tokenId }],
    ["delete a token", "/user/oauth-access-tokens", "lib/tokens/token-actions.ts", "deleteTokensAction", { ids: [victim.tokenId] }],
    ["delete all tokens", "/user/oauth-access-tokens", "lib/tokens/token-actions.ts", "deleteClientTokensAction", { clientId: victim.clientRowId }],
  ] as const;

async function victimUnchanged() {
  const client = await db().oAuthClient.findUnique({ where: { id: victim.clientRowId } });
  expect(client?.name).toBe("Victim's client");
  expect(client?.disabled).toBe(false);
  expect(client?.secretHash).toBe(victim.secretHash);
  expect(client?.permissions.split(" ").length).toBe(PERMISSION_KEYS.length);
  expect(await db().accessToken.count({ where: { clientId: victim.clientRowId } })).toBe(1);
  expect(await db().accessToken.count({ where: { id: victim.tokenId } })).toBe(1);
}

describe("server actions check the session themselves", () => {
  it.each(Array.from({ length: 10 }, (_, i) => i))("another owner cannot act on a client or token that is not theirs (case %i)", async (i) => {
    const [, page, filename, exportedName, fields] = cases()[i]!;
    const result = await callServerAction(intruder, page, { filename, exportedName }, fields as Record<string, string | string[]>);
    expect(result.status).toBe(200);
    expect(result.text).toContain('"status":"error"');
    expect(result.text).not.toMatch(/latch_(cs|at)_[A-Za-z0-9_-]{20,}/);
    await victimUnchanged();
  });

  it("without a session, an action answers that the session has ended and does nothing", async () => {
    const anonymous = new HttpSession(baseUrl);
    const result = await callServerAction(anonymous, "/login", { filename: `${CLIENT_ACTIONS}/client-status-actions.ts`, exportedName: "deleteClientAction" }, { clientId: victim.clientRowId });
    expect(result.text).not.toContain('"status":"success"');
    await victimUnchanged();
  });
});
