import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentCard } from "@/components/oauth/consent-card";
import { currentOwner } from "@/lib/auth/session";
import { checkAuthorizationRequest, clientAvailableTo, recognisedParams } from "@/lib/oauth/authorization-request";
import { loginUrl } from "@/lib/oauth/authorization-endpoint";
import { consentDetails } from "@/lib/oauth/consent-details";
import { createConsentToken } from "@/lib/oauth/consent-token";

export const metadata: Metadata = { title: "Allow access?", referrer: "no-referrer", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(values: Awaited<SearchParams>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/**
 * The consent page. /oauth/authorize has already checked the request and
 * sent the browser here; it is checked again, since anyone can open this URL.
 * Anything wrong goes back through /oauth/authorize, which answers it with
 * the right error page or error redirect.
 */
export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  const all = toParams(await searchParams);
  const params = recognisedParams(all);
  const owner = await currentOwner();
  if (!owner) redirect(loginUrl(params));
  const check = await checkAuthorizationRequest(params, owner.id);
  if (check.kind !== "ok" || !clientAvailableTo(check.request.client, owner.id)) redirect(`/oauth/authorize?${params.toString()}`);
  const { request } = check;
  return (
    <ConsentCard
      email={owner.email}
      details={consentDetails(request)}
      hiddenFields={[...request.params.entries()]}
      consentToken={createConsentToken(owner.id, request.params)}
      problem={all.get("consent_error") === "choose_permissions" ? "Choose at least one group of permissions, or pick read-only or all." : null}
    />
  );
}
