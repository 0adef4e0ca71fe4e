export function RedirectUrisHint() {
  return (
    <>
      One per line, up to 20. <code className="font-mono">https://</code> anywhere; <code className="font-mono">http://</code> only on{" "}
      <code className="font-mono">localhost</code>, <code className="font-mono">127.0.0.1</code> or <code className="font-mono">[::1]</code>{" "}
      (any port matches); app schemes such as <code className="font-mono">cursor://…</code> for native apps. No fragments (#).
    </>
  );
}
