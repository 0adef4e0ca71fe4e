import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { productionServerArgs, SERVER_SCRIPT, START_FLAGS } from "@/server/start-command.mjs";

describe("productionServerArgs", () => {
  it("gives node the flags of npm start's script, then the production server by its absolute path", () => {
    const args = productionServerArgs();
    const script = args.findIndex((arg) => !arg.startsWith("-"));
    expect(args.slice(0, script)).toContain("--max-old-space-size=1536");
    expect(path.isAbsolute(args[script]!)).toBe(true);
    expect(fs.existsSync(args[script]!)).toBe(true);
    expect(args[script]).toMatch(/server[/\\]production-server\.mjs$/);
  });

  it("is the command of package.json's start script", () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.resolve("package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(scripts.start).toBe(`node ${START_FLAGS.join(" ")} ${SERVER_SCRIPT}`);
  });
});
