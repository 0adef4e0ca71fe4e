-- DropIndex
DROP INDEX "Customer_ownerId_createdAt_id_idx";

-- CreateIndex
CREATE INDEX "Customer_ownerId_createdAt_id_email_name_phone_updatedAt_idx" ON "Customer"("ownerId", "createdAt", "id", "email", "name", "phone", "updatedAt");

