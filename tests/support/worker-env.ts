// Test workers talk to the same database, with the same keys, as the server
// the global setup started, so services can be called directly.
import { inject } from "vitest";

Object.assign(process.env, inject("serverEnv"));
