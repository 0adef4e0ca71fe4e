import { apiHandler } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const GET = apiHandler(operation("get_sale"));
