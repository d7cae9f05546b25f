"use client";

import { useActionState } from "react";
import type { AuthFormState } from "./auth-form";

type Action = (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;

function Messages({ state }: { state: AuthFormState }) {
  return (
    <>
      {state.formError ? (
        <p className="field-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      {state.fieldErrors
        ? Object.values(state.fieldErrors)
            .flat()
            .map((m) => (
              <p key={m} className="field-error" role="alert">
                {m}
              </p>
            ))
        : null}
      {state.notice ? (
        <span className="badge ok" role="status">
          {state.notice}
        </span>
      ) : null}
    </>
  );
}

/** "Watch a domain": `.example.com` with its subdomains, or `example.com` alone. */
export function CtAddDomainForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="card" data-testid="ct-add-domain">
      <div className="field">
        <label htmlFor="ct-pattern">Domain</label>
        <input
          id="ct-pattern"
          name="pattern"
          placeholder=".example.com"
          defaultValue={state.values?.pattern}
          required
        />
        <small className="muted">
          .example.com = the name and every subdomain; example.com = that name only.
        </small>
      </div>
      <div className="field">
        <label htmlFor="ct-issuers">Allowed issuers (one per line, optional)</label>
        <textarea
          id="ct-issuers"
          name="allowedIssuers"
          rows={2}
          placeholder="O=Let's Encrypt"
          defaultValue={state.values?.allowedIssuers}
        />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Watch"}
      </button>
      <Messages state={state} />
    </form>
  );
}

/** Inline editor of one domain's allowed issuers (DN fragments, case-insensitive). */
export function CtIssuersForm({ id, issuers, action }: { id: number; issuers: string[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="id" value={id} />
      <textarea
        name="allowedIssuers"
        rows={Math.max(1, issuers.length)}
        defaultValue={issuers.join("\n")}
        aria-label="Allowed issuers"
      />
      <button type="submit" className="secondary" disabled={pending}>
        Save
      </button>
      <Messages state={state} />
    </form>
  );
}
