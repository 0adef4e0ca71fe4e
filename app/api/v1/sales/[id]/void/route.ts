import { apiRoutes } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({ POST: operation("void_sale") });
