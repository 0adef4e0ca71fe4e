-- DropIndex
DROP INDEX "Customer_ownerId_createdAt_idx";

-- DropIndex
DROP INDEX "Product_ownerId_createdAt_idx";

-- DropIndex
DROP INDEX "Sale_ownerId_createdAt_idx";

-- CreateIndex
CREATE INDEX "Customer_ownerId_createdAt_id_idx" ON "Customer"("ownerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Product_ownerId_createdAt_id_idx" ON "Product"("ownerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Sale_ownerId_createdAt_id_idx" ON "Sale"("ownerId", "createdAt", "id");

