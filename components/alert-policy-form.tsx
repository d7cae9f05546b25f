"use client";

import { useActionState } from "react";
import type { AuthFormState } from "./auth-form";

type Action = (prev: AuthFormState, form: FormData) => Promise<AuthFormState>;

export interface PolicyFormValues {
  expiryDays?: number[];
  lifetimePercent?: number | null;
  includeIntermediates?: boolean;
  renewalConfirmations?: number;
  failingAfter?: number;
  notifyResolved?: boolean;
  disabledEvents?: string[];
}

const tri = (v: boolean | undefined) => (v === undefined ? "" : v ? "yes" : "no");

/** An endpoint's (or tag's) override: an empty field inherits the tag or default value shown as placeholder. */
export function AlertPolicyForm(props: {
  action: Action;
  override: PolicyFormValues;
  effective: Required<PolicyFormValues>;
  eventKinds: readonly string[];
  hidden: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, {});
  const o = props.override;
  const eff = props.effective;
  const errors = (k: string) =>
    state.fieldErrors?.[k]?.map((m) => (
      <span key={m} className="field-error">
        {m}
      </span>
    ));
  const num = (name: keyof PolicyFormValues, label: string, value: unknown, placeholder: unknown) => (
    <div className="field">
      <label htmlFor={`policy-${name}`}>{label}</label>
      <input
        id={`policy-${name}`}
        name={name}
        defaultValue={value === undefined || value === null ? "" : String(value)}
        placeholder={`inherit: ${String(placeholder ?? "off")}`}
      />
      {errors(name)}
    </div>
  );
  const yesNo = (
    name: keyof PolicyFormValues,
    label: string,
    value: boolean | undefined,
    inherited: boolean,
  ) => (
    <div className="field">
      <label htmlFor={`policy-${name}`}>{label}</label>
      <select id={`policy-${name}`} name={name} defaultValue={tri(value)}>
        <option value="">inherit ({inherited ? "yes" : "no"})</option>
        <option value="yes">yes</option>
        <option value="no">no</option>
      </select>
    </div>
  );
  return (
    <form action={formAction} className="stack" data-testid="alert-policy-form">
      {state.formError ? (
        <div className="alert" role="alert">
          {state.formError}
        </div>
      ) : null}
      {state.notice ? (
        <div className="card" role="status" data-testid="form-notice">
          {state.notice}
        </div>
      ) : null}
      {Object.entries(props.hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {num(
        "expiryDays",
        "Expiry thresholds, days (comma-separated)",
        o.expiryDays?.join(", "),
        eff.expiryDays.join(", "),
      )}
      {num(
        "lifetimePercent",
        "Also at % of lifetime left (short-lived certificates; 0 = off)",
        o.lifetimePercent,
        eff.lifetimePercent,
      )}
      {yesNo(
        "includeIntermediates",
        "Alert on expiring intermediates",
        o.includeIntermediates,
        eff.includeIntermediates,
      )}
      {num(
        "renewalConfirmations",
        "Scans a new certificate must hold before 'renewed'",
        o.renewalConfirmations,
        eff.renewalConfirmations,
      )}
      {num("failingAfter", "Failed scans in a row before 'failing'", o.failingAfter, eff.failingAfter)}
      {yesNo("notifyResolved", "Send resolved notices", o.notifyResolved, eff.notifyResolved)}
      <fieldset>
        <legend>Muted events (recorded, never sent)</legend>
        {props.eventKinds.map((k) => (
          <label key={k} className="inline">
            <input
              type="checkbox"
              name="disabledEvents"
              value={k}
              defaultChecked={o.disabledEvents?.includes(k)}
            />{" "}
            {k}{" "}
          </label>
        ))}
      </fieldset>
      <div>
        <button type="submit" disabled={pending}>
          Save alert policy
        </button>
      </div>
    </form>
  );
}
