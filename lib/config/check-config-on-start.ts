import { ConfigError, loadConfig } from "@/lib/config/load-config";

/** A missing or weak value stops the start with one clear line naming it. */
export function checkConfigOnStart(): void {
  try {
    const config = loadConfig(process.env);
    // next-auth reads its own URL from the environment.
    process.env.NEXTAUTH_URL ??= config.publicUrl;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
