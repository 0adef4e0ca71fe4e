import "server-only";
import type { Operation } from "@/lib/api/operation";
import { accountOperations } from "@/lib/api/operations/account";
import { customerOperations } from "@/lib/api/operations/customers";
import { productOperations } from "@/lib/api/operations/products";
import { saleOperations } from "@/lib/api/operations/sales";

/** Every commerce operation, in the order the API documents and MCP lists them. */
export const OPERATIONS: readonly Operation[] = [
  ...accountOperations,
  ...customerOperations,
  ...productOperations,
  ...saleOperations,
];

const BY_NAME = new Map(OPERATIONS.map((op) => [op.name, op]));

export function operation(name: string): Operation {
  const found = BY_NAME.get(name);
  if (!found) throw new Error(`Unknown operation ${name}`);
  return found;
}
