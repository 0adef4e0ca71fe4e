import { apiHandler } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const GET = apiHandler(operation("get_product"));
export const PATCH = apiHandler(operation("update_product"));
export const DELETE = apiHandler(operation("delete_product"));
