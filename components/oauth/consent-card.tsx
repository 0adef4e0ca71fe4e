import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ConsentForm } from "@/components/oauth/consent-form";
import type { ConsentDetails } from "@/lib/oauth/consent-details";

interface ConsentCardProps {
  email: string;
  details: ConsentDetails;
  hiddenFields: [string, string][];
  consentToken: string;
  problem: string | null;
}

function Initial({ name }: { name: string }) {
  return (
    <span aria-hidden className="flex size-11 shrink-0 items-center justify-center rounded-lg bg-indigo-100 text-lg font-semibold text-indigo-800">
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}

export function ConsentCard({ email, details, hiddenFields, consentToken, problem }: ConsentCardProps) {
  return (
    <main id="main" className="flex min-h-screen flex-col items-center px-4 py-10 sm:py-16">
      <p className="mb-6 text-2xl font-semibold tracking-tight text-zinc-900">Latch</p>
      <div className="w-full max-w-xl rounded-xl bg-white p-5 shadow-sm ring-1 ring-zinc-200 sm:p-8">
        <div className="flex items-start gap-4">
          <Initial name={details.clientName} />
          <div className="min-w-0">
            <h1 className="text-lg font-semibold leading-snug break-words text-zinc-900">
              {`${details.clientName} wants to access your Latch account`}
            </h1>
            <p className="mt-1 text-sm text-zinc-600">
              Signed in as <span className="font-medium text-zinc-800">{email}</span>
            </p>
          </div>
        </div>

        {details.description ? <p className="mt-4 text-sm text-zinc-700">{details.description}</p> : null}

        <dl className="mt-6 grid gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-zinc-500">How it was registered</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <Badge tone={details.registration === "dashboard" ? "indigo" : "amber"}>{details.registrationLabel}</Badge>
            {details.documentHost ? <span className="text-zinc-600">published by {details.documentHost}</span> : null}
          </dd>
          <dt className="text-zinc-500">Sends you back to</dt>
          <dd className="break-all">
            <span className="font-mono text-zinc-900">{details.redirectHost}</span>
            {details.redirectIsLocal ? <span className="text-zinc-600"> (an app on your device)</span> : null}
          </dd>
          <dt className="text-zinc-500">Access to</dt>
          <dd>{details.audienceLabel}</dd>
          {details.requestedScopes.length ? (
            <>
              <dt className="text-zinc-500">Asked for</dt>
              <dd className="flex flex-wrap gap-1.5">
                {details.requestedScopes.map((s) => (
                  <code key={s} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800">
                    {s}
                  </code>
                ))}
              </dd>
            </>
          ) : null}
        </dl>

        {details.firstConsent ? (
          <div className="mt-6">
            <Alert tone="warning">
              This is the first time this app connects. It did not come from your dashboard, so you choose what it may do.
              It then appears under OAuth Clients, where you can change its permissions or delete it at any time.
            </Alert>
          </div>
        ) : null}
        {problem ? (
          <div className="mt-4">
            <Alert tone="error">{problem}</Alert>
          </div>
        ) : null}

        <ConsentForm
          firstConsent={details.firstConsent}
          clientPermissions={details.clientPermissions}
          scope={details.scope}
          hiddenFields={hiddenFields}
          consentToken={consentToken}
        />
      </div>
      <p className="mt-6 max-w-xl text-center text-xs text-zinc-500">
        Allow only apps you trust. Latch checks every request the app makes against these permissions, and you can revoke
        its access at any time from OAuth Clients.
      </p>
    </main>
  );
}
