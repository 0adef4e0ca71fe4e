// Imports one of the app's own TypeScript modules (the permission catalogue,
// the secret and encryption helpers), so the bench seeds data exactly as the
// app makes it without a second copy of the rules. TypeScript's transpiler
// writes it to a temp file first, and each of its own `@/` imports beside it.
// Only modules that need nothing of Next's ("server-only" and the like).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const projectDir = path.resolve(import.meta.dirname, "../..");
let outDir;

export async function importTs(relativePath) {
  return import(pathToFileURL(transpile(relativePath)).href);
}

const written = new Map();

function transpile(relativePath) {
  if (written.has(relativePath)) return written.get(relativePath);
  const source = fs.readFileSync(path.join(projectDir, relativePath), "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: relativePath,
  });
  if (!outDir) {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "latch-bench-ts-"));
    process.once("exit", () => fs.rmSync(outDir, { recursive: true, force: true }));
  }
  const file = path.join(outDir, relativePath.replace(/[\\/]/g, "_").replace(/\.ts$/, ".mjs"));
  written.set(relativePath, file);
  const linked = outputText.replace(/(from\s+["'])@\/([^"']+)(["'])/g, (_, open, target, close) => `${open}${pathToFileURL(transpile(`${target}.ts`)).href}${close}`);
  fs.writeFileSync(file, linked);
  return file;
}
