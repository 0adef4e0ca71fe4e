import "server-only";
import { loadConfig, type Config } from "./load-config";

let cached: Config | undefined;

/** The validated configuration, read once per process. */
export function config(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}

export type { Config };
