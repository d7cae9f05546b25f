import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { countUsers } from "@/db/queries/users";
import { currentActor, safeNextPath } from "@/server/auth/web";
import { db } from "@/server/db";
import { loginAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  if (countUsers(db()) === 0) redirect("/setup");
  const next = safeNextPath((await searchParams).next);
  if (await currentActor()) redirect(next);
  return (
    <section className="narrow">
      <h1>Sign in</h1>
      <AuthForm
        action={loginAction}
        submit="Sign in"
        testId="login-form"
        hidden={{ next }}
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          { name: "password", label: "Password", type: "password", autoComplete: "current-password" },
        ]}
      />
    </section>
  );
}
