// Liveness for load balancers, and the benchmark's baseline: the cheapest
// dynamic route there is. It touches no database on purpose.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
