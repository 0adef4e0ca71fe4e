// Calls a server action over HTTP the way React does from a form: a POST to a
// page that uses it, with the action's id (from the build's manifest) in the
// Next-Action header and the (previousState, formData) arguments encoded as
// React encodes them. Lets a test act as any signed-in owner, or none.
import fs from "node:fs";
import path from "node:path";
import type { HttpSession } from "./http-session";

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename: string;
  exportedName: string;
}

function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  if (!found) throw new Error(`No server action ${exportedName} in ${filename} in this build`);
  return found[0];
}

export async function callServerAction(
  session: HttpSession,
  pagePath: string,
  action: { filename: string; exportedName: string },
  fields: Record<string, string | string[]>,
): Promise<{ status: number; text: string }> {
  const body = new FormData();
  // Argument 0: the previous form state; argument 1: the FormData, as reference $K1.
  body.append("0", JSON.stringify([{ status: "idle" }, "$K1"]));
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(`1_${key}`, v);
  }
  const response = await session.fetch(pagePath, {
    method: "POST",
    headers: { "Next-Action": actionId(action.filename, action.exportedName), Accept: "text/x-component" },
    body,
  });
  return { status: response.status, text: await response.text() };
}
