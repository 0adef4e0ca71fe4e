"use client";
import { useEffect } from "react";

/**
 * While `dirty`, asks before the page is left: the browser's own prompt for
 * reloads, closing and typed URLs, and window.confirm for clicks on links in
 * the page (Next's client-side navigation never fires beforeunload).
 */
export function useUnsavedChangesGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    // After the owner confirmed leaving through a link, a full-page load must not ask again.
    let confirmedAt = 0;

    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (Date.now() - confirmedAt < 2000) return;
      event.preventDefault();
      event.returnValue = "";
    }

    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // a new tab or window: nothing is lost
      const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(anchor instanceof HTMLAnchorElement)) return;
      if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      const to = new URL(anchor.href, window.location.href);
      const here = window.location;
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) return; // same page, e.g. #main
      if (window.confirm(message)) {
        confirmedAt = Date.now();
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    }

    window.addEventListener("beforeunload", onBeforeUnload);
    // Capture on the document runs before React's listeners, so next/link never sees a refused click.
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, message]);
}
