import "server-only";
import { config } from "@/lib/config/env";
import { decryptSecret, encryptSecret } from "@/lib/crypto/encryption";
import { displayParts, generateSecret, hashSecret } from "@/lib/crypto/secrets";

export interface NewClientSecret {
  secret: string;
  secretHash: string;
  secretEncrypted: string;
  secretLast4: string;
}

/** A fresh client secret with its lookup hash and the encrypted copy the owner can reveal. */
export function newClientSecret(): NewClientSecret {
  const secret = generateSecret("client_secret");
  const secretHash = hashSecret(secret);
  return {
    secret,
    secretHash,
    secretEncrypted: encryptSecret(secret, config().keyring, secretHash),
    secretLast4: displayParts(secret).last4,
  };
}

export function decryptClientSecret(row: { secretHash: string | null; secretEncrypted: string | null }): string | null {
  if (!row.secretHash || !row.secretEncrypted) return null;
  return decryptSecret(row.secretEncrypted, config().keyring, row.secretHash);
}
