import { apiRoutes } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  GET: operation("get_customer"),
  PATCH: operation("update_customer"),
  DELETE: operation("delete_customer"),
});
