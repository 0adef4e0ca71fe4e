// Runs once when a server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOnStart } = await import("@/lib/config/check-config-on-start");
    checkConfigOnStart();
  }
}
