import { apiHandler } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const GET = apiHandler(operation("get_customer"));
export const PATCH = apiHandler(operation("update_customer"));
export const DELETE = apiHandler(operation("delete_customer"));
