"use client";

import { useActionState } from "react";
import type { FormState } from "@/app/endpoints/actions";

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

function Field(props: {
  name: string;
  label: string;
  help?: string;
  state: FormState;
  multiline?: boolean;
  defaultValue?: string;
  required?: boolean;
}) {
  const errors = props.state.fieldErrors?.[props.name];
  const value = props.state.values?.[props.name] ?? props.defaultValue;
  const id = `field-${props.name}`;
  const describedBy = props.help ? `${id}-help` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.help ? (
        <span className="help" id={describedBy}>
          {props.help}
        </span>
      ) : null}
      {props.multiline ? (
        <textarea id={id} name={props.name} defaultValue={value} aria-describedby={describedBy} />
      ) : (
        <input
          id={id}
          name={props.name}
          defaultValue={value}
          required={props.required}
          aria-describedby={describedBy}
          aria-invalid={errors ? true : undefined}
        />
      )}
      {errors?.map((m) => (
        <span key={m} className="field-error" data-testid={`error-${props.name}`}>
          {m}
        </span>
      ))}
    </div>
  );
}

export function AddEndpointForm({
  action,
  defaultInterval,
  defaultHost,
}: {
  action: Action;
  defaultInterval: number;
  /** Prefilled from ?host= (CT discovery's "add as endpoint"). */
  defaultHost?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="stack" noValidate>
      {state.formError ? (
        <div className="alert" role="alert" data-testid="form-error">
          {state.formError}
        </div>
      ) : null}
      <Field
        name="host"
        label="Host"
        help="DNS name or IP address, e.g. example.com"
        state={state}
        defaultValue={defaultHost}
        required
      />
      <Field name="port" label="Port" state={state} defaultValue="443" />
      <Field
        name="ip"
        label="IP override (optional)"
        help="Connect to this address instead of resolving the host"
        state={state}
      />
      <Field
        name="sni"
        label="SNI (optional)"
        help="Server name to send; defaults to the host"
        state={state}
      />
      <Field
        name="intervalSeconds"
        label="Scan every (seconds)"
        state={state}
        defaultValue={String(defaultInterval)}
      />
      <Field name="tags" label="Tags (optional)" help="Comma-separated, e.g. prod, payments" state={state} />
      <Field
        name="caPem"
        label="Private CA (optional)"
        help="PEM certificates trusted for this endpoint only"
        state={state}
        multiline
      />
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add endpoint"}
        </button>
      </div>
    </form>
  );
}
