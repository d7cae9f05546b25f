"use client";

import { useActionState } from "react";
import type { AuthFormState } from "./auth-form";

type Action = (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;

/** Role change and delete for one user row, with the refusal (e.g. last admin) shown in place. */
export function UserRowActions(props: {
  id: number;
  role: string;
  roles: readonly string[];
  changeRole: Action;
  remove: Action;
}) {
  const [roleState, roleAction] = useActionState(props.changeRole, {});
  const [deleteState, deleteAction] = useActionState(props.remove, {});
  const error = roleState.formError ?? deleteState.formError;
  return (
    <div className="row">
      <form action={roleAction} className="inline">
        <input type="hidden" name="id" value={props.id} />
        <select name="role" defaultValue={props.role} aria-label="Role">
          {props.roles.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>{" "}
        <button type="submit" className="secondary">
          Save role
        </button>
      </form>
      <form action={deleteAction} className="inline">
        <input type="hidden" name="id" value={props.id} />
        <button type="submit" className="secondary">
          Delete
        </button>
      </form>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
