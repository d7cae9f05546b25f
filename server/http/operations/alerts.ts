import { z } from "zod";
import type { AlertHistoryItem } from "@/db/queries/alerts";
import { DELIVERY_STATUSES } from "@/db/schema";
import { alertPolicyOverrideSchema, alertPolicySchema } from "@/lib/alerts/policy";
import { ALERT_EVENT_KINDS } from "@/lib/alerts/types";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { idParams, isoTime } from "./common";

const T = "Alerts";
const EVENTS = [...ALERT_EVENT_KINDS, "digest"] as const;
const STATUSES = ["firing", "resolved", "info"] as const;

export const deliveryOut = z.object({
  channelId: z.number().int(),
  channelName: z.string(),
  kind: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable().describe("The notifier's message, secrets scrubbed"),
  sentAt: isoTime.nullable(),
});

export const alertOut = z.object({
  id: z.number().int(),
  dedupeKey: z.string(),
  disposition: z.enum(["send", "passed"]).describe("passed: a threshold overtaken by a more urgent one"),
  event: z.string(),
  status: z.enum(STATUSES),
  severity: z.enum(["info", "warning", "critical"]),
  endpointId: z.number().int().nullable(),
  endpoint: z.object({ id: z.number().int(), host: z.string(), port: z.number().int() }).nullable(),
  scanId: z.number().int().nullable(),
  ip: z.string().nullable(),
  fingerprint: z.string().nullable(),
  threshold: z.string().nullable(),
  title: z.string(),
  advice: z.string(),
  facts: z.record(z.string(), z.unknown()),
  linkPath: z.string(),
  occurredAt: isoTime,
  createdAt: isoTime,
  deliveries: z.array(deliveryOut).describe("One per channel the alert was routed to"),
});

export function alertJson(i: AlertHistoryItem): z.infer<typeof alertOut> {
  return {
    ...i.alert,
    facts: { ...i.alert.facts },
    endpoint: i.endpoint,
    deliveries: i.deliveries,
  };
}

export const listAlertsOp = defineOperation({
  id: "listAlerts",
  method: "GET",
  path: "/alerts",
  summary: "Alert history, newest first, with each channel's delivery status",
  tag: T,
  action: "alert.read",
  query: pageQuery.extend({
    endpoint: z.coerce.number().int().positive("Must be an endpoint id.").optional(),
    event: z.enum(EVENTS).optional(),
    status: z.enum(STATUSES).optional(),
    includePassed: z
      .enum(["true", "false"])
      .optional()
      .describe("Also list overtaken thresholds (recorded, never sent)"),
  }),
  response: pageOf(alertOut),
});

export const getAlertOp = defineOperation({
  id: "getAlert",
  method: "GET",
  path: "/alerts/{id}",
  summary: "One alert with its deliveries",
  tag: T,
  action: "alert.read",
  params: idParams,
  response: alertOut,
});

const policyView = z.object({
  override: alertPolicyOverrideSchema.describe("What the endpoint itself sets"),
  effective: alertPolicySchema.describe("What applies after tag overrides and defaults"),
});

export const getEndpointPolicyOp = defineOperation({
  id: "getEndpointAlertPolicy",
  method: "GET",
  path: "/endpoints/{id}/alert-policy",
  summary: "An endpoint's alert policy override and the effective policy",
  tag: T,
  action: "endpoint.read",
  params: idParams,
  response: policyView,
});

export const setEndpointPolicyOp = defineOperation({
  id: "setEndpointAlertPolicy",
  method: "PUT",
  path: "/endpoints/{id}/alert-policy",
  summary: "Replace an endpoint's alert policy override; {} removes it so everything inherits",
  tag: T,
  action: "endpoint.update",
  params: idParams,
  body: alertPolicyOverrideSchema.strict(),
  response: policyView,
});
