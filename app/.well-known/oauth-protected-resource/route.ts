import { metadataPreflightResponse, protectedResourceMetadataResponse } from "@/lib/resource/protected-resources";

// Built from the runtime configuration (the public URL), never at build time.
export const dynamic = "force-dynamic";

// RFC 9728 metadata for the server as a whole.
export const GET = () => protectedResourceMetadataResponse("root");
export const OPTIONS = () => metadataPreflightResponse();
