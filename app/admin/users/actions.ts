"use server";

import { revalidatePath } from "next/cache";
import type { AuthFormState } from "@/components/auth-form";
import { requireActionActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { changeRole } from "@/server/services/user/change-role";
import { createUser } from "@/server/services/user/create-user";
import { deleteUser } from "@/server/services/user/delete-user";
import { formStateOf, text } from "../../form-state";

export async function createUserAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    const input = {
      email: text(form, "email", 320),
      password: text(form, "password", 300),
      role: text(form, "role", 20),
    };
    const user = await createUser({ ctx: { db: db() }, actor, input });
    revalidatePath("/admin/users");
    return { notice: `${user.email} can now sign in as ${user.role}.` };
  } catch (e) {
    return formStateOf(e, { email: text(form, "email", 320), role: text(form, "role", 20) });
  }
}

export async function changeRoleAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    changeRole({ ctx: { db: db() }, actor, id: Number(form.get("id")), role: text(form, "role", 20) });
    revalidatePath("/admin/users");
    return {};
  } catch (e) {
    return formStateOf(e);
  }
}

export async function deleteUserAction(_prev: AuthFormState, form: FormData): Promise<AuthFormState> {
  try {
    const actor = await requireActionActor();
    deleteUser({ ctx: { db: db() }, actor, id: Number(form.get("id")) });
    revalidatePath("/admin/users");
    return {};
  } catch (e) {
    return formStateOf(e);
  }
}
