import { AuthForm } from "@/components/auth-form";
import { Forbidden } from "@/components/forbidden";
import { UserRowActions } from "@/components/user-row-actions";
import { listUsers } from "@/db/queries/users";
import { can, ROLES } from "@/server/auth/permissions";
import { requirePageActor } from "@/server/auth/web";
import { db } from "@/server/db";
import { changeRoleAction, createUserAction, deleteUserAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await requirePageActor();
  if (!can(actor.role, "user.read")) return <Forbidden role={actor.role} />;
  const users = listUsers(db());
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Admins manage users, channels and settings; editors change endpoints and domains; viewers read.
      </p>
      <table data-testid="user-table">
        <thead>
          <tr>
            <th>Email</th>
            <th>Role</th>
            <th>Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" data-email={u.email}>
              <td>{u.email}</td>
              <td>{u.role}</td>
              <td className="muted">{u.createdAt.slice(0, 10)}</td>
              <td>
                <UserRowActions
                  id={u.id}
                  role={u.role}
                  roles={ROLES}
                  changeRole={changeRoleAction}
                  remove={deleteUserAction}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Add a user</h2>
      <AuthForm
        action={createUserAction}
        submit="Add user"
        testId="user-form"
        fields={[
          { name: "email", label: "Email", type: "email", autoComplete: "off" },
          {
            name: "password",
            label: "Initial password (at least 10 characters)",
            type: "password",
            autoComplete: "new-password",
          },
          { name: "role", label: "Role", type: "select", options: [...ROLES], defaultValue: "viewer" },
        ]}
      />
    </>
  );
}
