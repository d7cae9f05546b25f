"use client";

import { useActionState, useState } from "react";
import type { AuthFormState } from "./auth-form";

type Action = (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;

export interface ChannelFormValues {
  id?: number;
  kind: "email" | "slack" | "webhook";
  name: string;
  config: Record<string, unknown>;
  events: string[];
  tags: string[];
  enabled: boolean;
  digest: boolean;
  digestHourUtc: number;
}

const EMPTY: ChannelFormValues = {
  kind: "email",
  name: "",
  config: { port: 587, requireTLS: true },
  events: [],
  tags: [],
  enabled: true,
  digest: false,
  digestHourUtc: 7,
};

function Field(props: {
  name: string;
  label: string;
  errors?: Record<string, string[]>;
  children: React.ReactNode;
}) {
  const errors = props.errors?.[`config.${props.name}`] ?? props.errors?.[props.name];
  return (
    <div className="field">
      <label htmlFor={`field-${props.name}`}>{props.label}</label>
      {props.children}
      {errors?.map((m) => (
        <span key={m} className="field-error" data-testid={`error-${props.name}`}>
          {m}
        </span>
      ))}
    </div>
  );
}

/** Create or edit a channel. Secret fields start empty: left empty on an edit, the stored value stays. */
export function ChannelForm(props: {
  action: Action;
  eventKinds: readonly string[];
  initial?: ChannelFormValues;
}) {
  const v = props.initial ?? EMPTY;
  const editing = v.id !== undefined;
  const [kind, setKind] = useState(v.kind);
  const [state, formAction, pending] = useActionState(props.action, {});
  const c = v.config;
  const str = (k: string) => (typeof c[k] === "string" || typeof c[k] === "number" ? String(c[k]) : "");
  const secret = (k: string) => (editing && c[k] ? "stored encrypted; leave empty to keep" : "");
  const e = state.fieldErrors;
  const input = (name: string, label: string, opts: { type?: string; secret?: boolean } = {}) => (
    <Field name={name} label={label} errors={e}>
      <input
        id={`field-${name}`}
        name={name}
        type={opts.type ?? "text"}
        autoComplete="off"
        placeholder={opts.secret ? secret(name) : undefined}
        defaultValue={opts.secret ? undefined : str(name)}
      />
    </Field>
  );
  return (
    <form action={formAction} className="stack" data-testid="channel-form">
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
      {editing ? <input type="hidden" name="id" value={v.id} /> : null}
      <Field name="kind" label="Kind" errors={e}>
        <select
          id="field-kind"
          name="kind"
          value={kind}
          disabled={editing}
          onChange={(ev) => setKind(ev.target.value as ChannelFormValues["kind"])}
        >
          <option value="email">Email (SMTP)</option>
          <option value="slack">Slack (incoming webhook)</option>
          <option value="webhook">Webhook (signed JSON)</option>
        </select>
      </Field>
      {editing ? <input type="hidden" name="kind" value={kind} /> : null}
      <Field name="name" label="Name" errors={e}>
        <input id="field-name" name="name" defaultValue={v.name} />
      </Field>
      {kind === "email" ? (
        <>
          {input("host", "SMTP host")}
          {input("port", "Port (587 STARTTLS, 465 implicit TLS)", { type: "number" })}
          <label>
            <input type="checkbox" name="secure" defaultChecked={c.secure === true} /> Implicit TLS (port 465)
          </label>
          <label>
            <input type="checkbox" name="requireTLS" defaultChecked={c.requireTLS !== false} /> Require
            STARTTLS (never send the login in clear)
          </label>
          {input("user", "User")}
          {input("pass", "Password", { type: "password", secret: true })}
          {input("from", "From")}
          <Field name="to" label="To (comma-separated)" errors={e}>
            <input id="field-to" name="to" defaultValue={Array.isArray(c.to) ? c.to.join(", ") : ""} />
          </Field>
          <Field name="tlsCaPem" label="Private CA (PEM) for the SMTP server's certificate" errors={e}>
            <textarea id="field-tlsCaPem" name="tlsCaPem" rows={3} defaultValue={str("tlsCaPem")} />
          </Field>
        </>
      ) : null}
      {kind === "slack" ? input("url", "Incoming webhook URL", { secret: true }) : null}
      {kind === "webhook" ? (
        <>
          {input("url", "URL", { secret: true })}
          {input("secret", "Signing secret (16+ characters)", { type: "password", secret: true })}
          <Field name="headers" label="Extra headers, one 'Name: value' per line" errors={e}>
            <textarea id="field-headers" name="headers" rows={2} placeholder={secret("headers")} />
          </Field>
        </>
      ) : null}
      <fieldset>
        <legend>Events (none checked: all)</legend>
        {props.eventKinds.map((k) => (
          <label key={k} className="inline">
            <input type="checkbox" name="events" value={k} defaultChecked={v.events.includes(k)} /> {k}{" "}
          </label>
        ))}
      </fieldset>
      <Field name="tags" label="Only endpoints tagged (comma-separated; empty: all)" errors={e}>
        <input id="field-tags" name="tags" defaultValue={v.tags.join(", ")} />
      </Field>
      <label>
        <input type="checkbox" name="enabled" defaultChecked={v.enabled} /> Enabled
      </label>
      <label>
        <input type="checkbox" name="digest" defaultChecked={v.digest} /> Also send a daily digest at
      </label>
      <Field name="digestHourUtc" label="Digest hour (UTC, 0-23)" errors={e}>
        <input
          id="field-digestHourUtc"
          name="digestHourUtc"
          type="number"
          min={0}
          max={23}
          defaultValue={v.digestHourUtc}
        />
      </Field>
      <div>
        <button type="submit" disabled={pending}>
          {editing ? "Save channel" : "Add channel"}
        </button>
      </div>
    </form>
  );
}
