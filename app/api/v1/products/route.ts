import { apiHandler } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const GET = apiHandler(operation("list_products"));
export const POST = apiHandler(operation("create_product"));
