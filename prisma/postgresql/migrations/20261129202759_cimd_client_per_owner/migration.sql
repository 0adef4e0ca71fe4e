-- DropIndex
DROP INDEX "OAuthClient_clientId_key";

-- CreateIndex
CREATE INDEX "OAuthClient_clientId_idx" ON "OAuthClient"("clientId");

-- CreateIndex
CREATE UNIQUE INDEX "OAuthClient_clientId_ownerId_key" ON "OAuthClient"("clientId", "ownerId");

