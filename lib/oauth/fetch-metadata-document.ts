import "server-only";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

// Fetching a Client ID Metadata Document is a request the server makes to a
// URL a stranger chose, so: a short timeout, a small size limit, no
// redirects, and (unless configured for development) no private, loopback or
// link-local address. The address check runs inside the socket's DNS lookup,
// so the address checked is the address connected to.

const TIMEOUT_MS = 5000;
const MAX_BYTES = 64 * 1024;

const BLOCKED = (() => {
  const list = new net.BlockList();
  for (const [network, prefix] of [
    ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16],
    ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15],
    ["198.51.100.0", 24], ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
  ] as const) {
    list.addSubnet(network, prefix, "ipv4");
  }
  for (const [network, prefix] of [
    ["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["2001:db8::", 32], ["64:ff9b::", 96], ["100::", 64],
  ] as const) {
    list.addSubnet(network, prefix, "ipv6");
  }
  return list;
})();

export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return !BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class MetadataFetchError extends Error {
  override name = "MetadataFetchError";
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || list.some((a) => !isPublicAddress(a.address))) {
      return callback(Object.assign(new Error("blocked address"), { code: "EBLOCKED" }), "");
    }
    if (options.all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/** GETs a JSON document with the limits above; the caller has checked the URL's shape. */
export function fetchMetadataDocument(url: URL, allowPrivate: boolean): Promise<unknown> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && net.isIP(host) !== 0 && !isPublicAddress(host)) {
    return Promise.reject(new MetadataFetchError("The address is private or loopback."));
  }
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.get(
      url,
      {
        headers: { Accept: "application/json", "User-Agent": "Latch (Client ID Metadata Document fetch)" },
        timeout: TIMEOUT_MS,
        ...(allowPrivate ? {} : { lookup: guardedLookup as unknown as typeof dns.lookup }),
      },
      (response) => {
        const type = (response.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
        if (response.statusCode !== 200) {
          response.resume();
          return reject(new MetadataFetchError(`The document answered HTTP ${response.statusCode} (redirects are not followed).`));
        }
        if (type !== "application/json" && !type.endsWith("+json")) {
          response.resume();
          return reject(new MetadataFetchError("The document is not served as application/json."));
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BYTES) {
            request.destroy();
            reject(new MetadataFetchError(`The document is larger than ${MAX_BYTES / 1024} KB.`));
            return;
          }
          chunks.push(chunk);
        });
        response.on("end", () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
          } catch {
            reject(new MetadataFetchError("The document is not valid JSON."));
          }
        });
        response.on("error", () => reject(new MetadataFetchError("The document could not be read.")));
      },
    );
    const deadline = setTimeout(() => request.destroy(new MetadataFetchError("timeout")), TIMEOUT_MS);
    request.on("timeout", () => request.destroy(new MetadataFetchError("timeout")));
    request.on("close", () => clearTimeout(deadline));
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EBLOCKED") reject(new MetadataFetchError("The document's host resolves to a private or loopback address."));
      else if (error instanceof MetadataFetchError && error.message === "timeout") reject(new MetadataFetchError(`The document did not arrive within ${TIMEOUT_MS / 1000} seconds.`));
      else reject(new MetadataFetchError("The document could not be fetched."));
    });
  });
}
