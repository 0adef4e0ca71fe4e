import "server-only";

/** What the API shows of a customer (never the owner id). */
export const CUSTOMER_SELECT = {
  id: true,
  email: true,
  name: true,
  phone: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface CustomerView {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  createdAt: Date;
  updatedAt: Date;
}
