import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { countUsers } from "@/db/queries/users";
import { db } from "@/server/db";
import { setupAction } from "./actions";

export const dynamic = "force-dynamic";

/** First run only: once any user exists this page is gone. */
export default function SetupPage() {
  if (countUsers(db()) > 0) redirect("/login");
  return (
    <section className="narrow">
      <h1>Set up Certwatch</h1>
      <p className="muted">Create the first admin account. Nothing else is reachable until you do.</p>
      <AuthForm
        action={setupAction}
        submit="Create admin account"
        testId="setup-form"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "username" },
          {
            name: "password",
            label: "Password (at least 10 characters)",
            type: "password",
            autoComplete: "new-password",
          },
          { name: "confirm", label: "Repeat password", type: "password", autoComplete: "new-password" },
        ]}
      />
    </section>
  );
}
