// Pure alert evaluation: facts + previous state + policy → decisions with dedupe keys + next state.
export { type AlertDigest, buildDigest } from "./digest";
export { type AlertEvaluation, type EvaluateAlertsInput, evaluateAlerts } from "./evaluate-alerts";
export {
  type CtAlertState,
  type CtHealthInput,
  type CtIssuance,
  type CtIssuanceInput,
  type CtLogHealth,
  evaluateCtHealth,
  evaluateCtIssuances,
  parseCtAlertState,
} from "./evaluate-ct";
export { comparableGrade, gradeRank } from "./evaluate-grade";
export { dedupeKey, normalizeFingerprint } from "./keys";
export {
  type AlertPolicy,
  type AlertPolicyOverride,
  alertPolicyOverrideSchema,
  alertPolicySchema,
  DEFAULT_ALERT_POLICY,
  type PolicyLayers,
  resolvePolicy,
} from "./policy";
export { type AlertState, alertStateSchema, initialAlertState, parseAlertState } from "./state";
export * from "./types";
