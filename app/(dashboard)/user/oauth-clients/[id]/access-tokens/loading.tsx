import { TokenListSkeleton } from "@/components/access-tokens/token-list-skeleton";

export default function Loading() {
  return <TokenListSkeleton rows={3} />;
}
