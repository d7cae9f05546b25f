/**
 * The policy form (FormData) as an override: empty fields are left out so they inherit. Values are
 * validated by setAlertPolicy; this only reshapes text into numbers, lists and booleans.
 */
export function policyInputFromForm(form: FormData): Record<string, unknown> {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const out: Record<string, unknown> = {};
  const days = text("expiryDays");
  if (days)
    out.expiryDays = days
      .split(/[,\s]+/)
      .filter(Boolean)
      .map(Number);
  const pct = text("lifetimePercent");
  if (pct) out.lifetimePercent = Number(pct) === 0 ? null : Number(pct);
  for (const k of ["renewalConfirmations", "failingAfter"]) if (text(k)) out[k] = Number(text(k));
  for (const k of ["includeIntermediates", "notifyResolved"]) if (text(k)) out[k] = text(k) === "yes";
  const muted = form.getAll("disabledEvents").map(String);
  if (muted.length) out.disabledEvents = muted;
  return out;
}
