"use client";

import { useActionState } from "react";

export interface AuthFormState {
  formError?: string;
  fieldErrors?: Record<string, string[]>;
  notice?: string;
  /** Non-secret values to put back after a failed submit (React resets the form). */
  values?: Record<string, string>;
  /** A secret shown exactly once (a new API token). */
  secret?: string;
}

export interface AuthField {
  name: string;
  label: string;
  type?: "text" | "email" | "password" | "select";
  autoComplete?: string;
  options?: string[];
  defaultValue?: string;
}

type Action = (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;

/** Small forms (sign-in, setup, password, tokens, users): field errors under fields, one message on top. */
export function AuthForm(props: {
  action: Action;
  fields: AuthField[];
  submit: string;
  testId?: string;
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  return (
    <form action={formAction} className="stack" data-testid={props.testId}>
      {state.formError ? (
        <div className="alert" role="alert" data-testid="form-error">
          {state.formError}
        </div>
      ) : null}
      {state.notice ? (
        <div className="card" role="status" data-testid="form-notice">
          {state.notice}
        </div>
      ) : null}
      {state.secret ? (
        <div className="card" role="status">
          Copy this token now; it will not be shown again:
          <pre className="mono" data-testid="new-token">
            {state.secret}
          </pre>
        </div>
      ) : null}
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.fields.map((f) => {
        const id = `field-${f.name}`;
        const errors = state.fieldErrors?.[f.name];
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>{f.label}</label>
            {f.type === "select" ? (
              <select id={id} name={f.name} defaultValue={f.defaultValue}>
                {f.options?.map((o) => (
                  <option key={o}>{o}</option>
                ))}
              </select>
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.type ?? "text"}
                autoComplete={f.autoComplete}
                defaultValue={f.type === "password" ? undefined : (state.values?.[f.name] ?? f.defaultValue)}
                aria-invalid={errors ? true : undefined}
              />
            )}
            {errors?.map((m) => (
              <span key={m} className="field-error" data-testid={`error-${f.name}`}>
                {m}
              </span>
            ))}
          </div>
        );
      })}
      <div>
        <button type="submit" disabled={pending}>
          {props.submit}
        </button>
      </div>
    </form>
  );
}
