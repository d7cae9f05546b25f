import { AuthForm } from "@/components/auth-form";
import { listTokens } from "@/db/queries/tokens";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { changePasswordAction, createTokenAction, revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const actor = await requirePageActor();
  const tokens = actor.userId === null ? [] : listTokens(db(), actor.userId);
  return (
    <>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.label}</strong> ({actor.role}).
      </p>
      <h2>API tokens</h2>
      <p className="muted">
        Tokens act with your role. Send them as <code>Authorization: Bearer cw_…</code>; see the{" "}
        <a href="/api/docs">API reference</a>.
      </p>
      {tokens.length ? (
        <table data-testid="token-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Starts with</th>
              <th>Created</th>
              <th>Last used</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token-row">
                <td>{t.name}</td>
                <td className="mono">{t.prefix}…</td>
                <td className="muted">{t.createdAt.slice(0, 16).replace("T", " ")}</td>
                <td className="muted">
                  {t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}
                </td>
                <td>
                  <form action={revokeTokenAction}>
                    <input type="hidden" name="id" value={t.id} />
                    <button type="submit" className="secondary">
                      Revoke
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No tokens yet.</p>
      )}
      <AuthForm
        action={createTokenAction}
        submit="Create token"
        testId="token-form"
        fields={[{ name: "name", label: "Token name", autoComplete: "off" }]}
      />
      <h2>Change password</h2>
      <AuthForm
        action={changePasswordAction}
        submit="Change password"
        testId="password-form"
        fields={[
          {
            name: "currentPassword",
            label: "Current password",
            type: "password",
            autoComplete: "current-password",
          },
          { name: "newPassword", label: "New password", type: "password", autoComplete: "new-password" },
        ]}
      />
    </>
  );
}
