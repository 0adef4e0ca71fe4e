import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ClientNotFound() {
  return (
    <EmptyState
      title="OAuth client not found"
      action={
        <Link href="/user/oauth-clients" className={buttonClasses("primary")}>
          Back to OAuth Clients
        </Link>
      }
    >
      There is no such client in your account. It may have been deleted, or the link may be wrong.
    </EmptyState>
  );
}
