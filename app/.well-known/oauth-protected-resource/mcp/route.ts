import { metadataPreflightResponse, protectedResourceMetadataResponse } from "@/lib/resource/protected-resources";

// Built from the runtime configuration (the public URL), never at build time.
export const dynamic = "force-dynamic";

// RFC 9728 metadata for the MCP endpoint; 401s from /mcp point here.
export const GET = () => protectedResourceMetadataResponse("mcp");
export const OPTIONS = () => metadataPreflightResponse();
