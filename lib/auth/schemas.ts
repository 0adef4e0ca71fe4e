import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

/** Emails are compared lower-cased and trimmed, so one person has one account. */
export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ message: "Enter a valid email address, like name@example.com." }))
  .transform((v) => v.toLowerCase());

export const signupSchema = z.object({
  email: emailSchema,
  password: z
    .string({ message: "Choose a password." })
    .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
    .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`),
});

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX, "Wrong email or password."),
});

export type SignupInput = z.infer<typeof signupSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
