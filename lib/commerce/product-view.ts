import "server-only";

/** What the API shows of a product (never the owner id). */
export const PRODUCT_SELECT = {
  id: true,
  name: true,
  sku: true,
  priceCents: true,
  currency: true,
  active: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface ProductView {
  id: string;
  name: string;
  sku: string | null;
  priceCents: number;
  currency: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}
