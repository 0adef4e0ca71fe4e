import { metadataPreflightResponse, protectedResourceMetadataResponse } from "@/lib/resource/protected-resources";

// Built from the runtime configuration (the public URL), never at build time.
export const dynamic = "force-dynamic";

// RFC 9728 metadata for the commerce API; 401s from /api/v1 point here.
export const GET = () => protectedResourceMetadataResponse("api");
export const OPTIONS = () => metadataPreflightResponse();
