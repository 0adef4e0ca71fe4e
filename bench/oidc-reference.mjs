// The reference the bench compares Latch with: node-oidc-provider (Koa) with
// one confidential client, client_credentials and introspection enabled,
// opaque access tokens, everything in memory. It prints one JSON line when it
// listens: { port, clientId, clientSecret }.
//
// Usage: node bench/oidc-reference.mjs [port]   (0 or nothing: any free port)
import crypto from "node:crypto";
import http from "node:http";

// node-oidc-provider 9 warns that it prefers Node 22; it runs on 20.
process.env.NODE_ENV ??= "production";
const { default: Provider } = await import("oidc-provider");

/** Plain in-memory store. The bundled one is an LRU of 1,000 entries, which would evict tokens mid-run. */
const stores = new Map();
class MemoryAdapter {
  constructor(name) {
    if (!stores.has(name)) stores.set(name, new Map());
    this.store = stores.get(name);
  }
  async upsert(id, payload, expiresIn) {
    this.store.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
  }
  async find(id) {
    const entry = this.store.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.store.delete(id);
      return undefined;
    }
    return entry.payload;
  }
  async findByUid(uid) {
    for (const [, entry] of this.store) if (entry.payload.uid === uid) return entry.payload;
    return undefined;
  }
  async findByUserCode(userCode) {
    for (const [, entry] of this.store) if (entry.payload.userCode === userCode) return entry.payload;
    return undefined;
  }
  async consume(id) {
    const entry = this.store.get(id);
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id) {
    this.store.delete(id);
  }
  async revokeByGrantId(grantId) {
    for (const [key, entry] of this.store) if (entry.payload.grantId === grantId) this.store.delete(key);
  }
}

const requestedPort = Number(process.argv[2] ?? 0);
const clientId = `bench-${crypto.randomBytes(8).toString("hex")}`;
const clientSecret = crypto.randomBytes(32).toString("base64url");
const { privateKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });

const server = http.createServer();
await new Promise((resolve) => server.listen(requestedPort, "127.0.0.1", resolve));
const { port } = server.address();

const provider = new Provider(`http://127.0.0.1:${port}`, {
  adapter: MemoryAdapter,
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic",
      // The one signing key is an EC key; this client never gets an ID token.
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "bench", use: "sig", alg: "ES256" }] },
  cookies: { keys: [crypto.randomBytes(32).toString("base64url")] },
  features: {
    clientCredentials: { enabled: true },
    introspection: {
      enabled: true,
      // A client may introspect its own tokens, as Latch allows.
      allowedPolicy: (ctx, client, token) => token.clientId === client.clientId,
    },
    devInteractions: { enabled: false },
  },
  clientBasedCORS: () => false,
  findAccount: async () => undefined,
});
provider.proxy = false;
server.on("request", provider.callback());

process.stdout.write(`${JSON.stringify({ port, clientId, clientSecret })}\n`);
process.on("SIGTERM", () => process.exit(0));
