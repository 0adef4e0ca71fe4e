import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500 disabled:bg-indigo-300 aria-disabled:bg-indigo-300",
  secondary: "bg-white text-zinc-900 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 disabled:text-zinc-400 aria-disabled:text-zinc-400",
  danger: "bg-red-600 text-white hover:bg-red-500 disabled:bg-red-300 aria-disabled:bg-red-300",
  ghost: "text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400 aria-disabled:text-zinc-400",
};

export function buttonClasses(variant: Variant = "primary", size: "sm" | "md" = "md"): string {
  const sizing = size === "sm" ? "px-2.5 py-1.5 text-xs" : "px-3.5 py-2 text-sm";
  return `inline-flex items-center justify-center gap-1.5 rounded-md font-medium shadow-xs transition-colors disabled:cursor-not-allowed aria-disabled:cursor-not-allowed ${sizing} ${VARIANTS[variant]}`;
}

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: "sm" | "md";
  /**
   * At work: shows a spinner, does nothing when pressed again, and keeps the
   * keyboard focus (a `disabled` button would drop it to the page).
   */
  pending?: boolean;
  /**
   * Does nothing, and looks and reads as unavailable, but keeps the keyboard
   * focus: for a button that becomes unavailable by being used (All off, once
   * all is off), which `disabled` would take the focus from.
   */
  inactive?: boolean;
}

export function Button({ variant = "primary", size = "md", pending, inactive, className = "", children, onClick, ...rest }: ButtonProps) {
  const unavailable = pending || inactive;
  return (
    <button
      type="button"
      aria-busy={pending || undefined}
      {...rest}
      // preventDefault also stops a submit button submitting its form (Enter in a field included).
      onClick={unavailable ? (event) => event.preventDefault() : onClick}
      aria-disabled={unavailable || undefined}
      className={`${buttonClasses(variant, size)} ${className}`}
    >
      {pending ? <Spinner /> : null}
      {children}
    </button>
  );
}

export function Spinner() {
  return (
    <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
  );
}
