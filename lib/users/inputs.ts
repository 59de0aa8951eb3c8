import { z } from "zod";

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address, such as ada@example.com"));

export const NewPassword = z
  .string()
  .min(8, "Password must be at least 8 characters long")
  .max(1024, "Password must be at most 1024 characters long");

export const CreateUserInput = z.object({
  email: Email,
  password: NewPassword,
  name: z.string().trim().min(1).max(200).optional(),
  platformRole: z.enum(["admin", "support", "user"]).default("user"),
});
export type CreateUserInput = z.input<typeof CreateUserInput>;

export type PublicUser = { id: string; email: string; name: string | null; platformRole: "admin" | "support" | "user" };
