import "server-only";

/** What the API shows of a sale and its line items (never the owner id). */
export const SALE_SELECT = {
  id: true,
  customerId: true,
  status: true,
  totalCents: true,
  currency: true,
  voidedAt: true,
  createdAt: true,
  items: {
    select: { id: true, productId: true, quantity: true, unitPriceCents: true },
    orderBy: { id: "asc" as const },
  },
} as const;

export interface SaleView {
  id: string;
  customerId: string;
  status: string;
  totalCents: number;
  currency: string;
  voidedAt: Date | null;
  createdAt: Date;
  items: { id: string; productId: string; quantity: number; unitPriceCents: number }[];
}
