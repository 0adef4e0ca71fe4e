import { TokenListSkeleton } from "@/components/access-tokens/token-list-skeleton";

export default function Loading() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Access Tokens</h1>
      <TokenListSkeleton />
    </div>
  );
}
