import { redirect } from "next/navigation";
import { SiteHeader } from "@/components/shell/site-header";
import { ToastProvider } from "@/components/ui/toast";
import { currentOwner } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const owner = await currentOwner();
  if (!owner) redirect("/login");
  return (
    <ToastProvider>
      <div className="min-h-screen">
        <SiteHeader email={owner.email} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </div>
    </ToastProvider>
  );
}
