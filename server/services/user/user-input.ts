import { z } from "zod";
import { ROLES } from "@/db/schema/users";
import { passwordSchema } from "@/server/auth/password";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "At most 254 characters.")
  .pipe(z.email("Enter an email address, e.g. ops@example.com."));

export const roleSchema = z.enum(ROLES, "Role is admin, editor or viewer.");

export const newUserSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  role: roleSchema.default("viewer"),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().max(256),
  newPassword: passwordSchema,
});
