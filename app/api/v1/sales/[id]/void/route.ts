import { apiHandler } from "@/lib/api/api-handler";
import { operation } from "@/lib/api/operations";

export const POST = apiHandler(operation("void_sale"));
