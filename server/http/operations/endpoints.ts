import { z } from "zod";
import type { EndpointListItem } from "@/db/queries/endpoints";
import type { EndpointRow, ScanRow } from "@/db/schema";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { idParams, isoTime } from "./common";

/** Wire shape only; the service validates meaning (hostname, address policy, limits) → 422 with fields. */
export const endpointBody = z.strictObject({
  host: z.string().max(300),
  port: z.number().int().optional(),
  ip: z.string().max(64).nullable().optional(),
  sni: z.string().max(300).nullable().optional(),
  caPem: z.string().max(65_536).nullable().optional(),
  intervalSeconds: z.number().int().optional(),
  tags: z.array(z.string().max(40)).max(20).optional(),
  enabled: z.boolean().optional(),
});

export const scanSummary = z.object({
  id: z.number().int(),
  endpointId: z.number().int(),
  ip: z.string().nullable(),
  startedAt: isoTime,
  finishedAt: isoTime,
  durationMs: z.number().int(),
  outcome: z.enum(["ok", "error"]),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  grade: z.string().nullable(),
  leafFingerprint: z.string().nullable(),
  notAfter: isoTime.nullable(),
  trusted: z.boolean().nullable(),
  hostnameMatch: z.boolean().nullable(),
});

export const endpointOut = z.object({
  id: z.number().int(),
  host: z.string(),
  port: z.number().int(),
  ip: z.string().nullable(),
  sni: z.string().nullable(),
  caPem: z.string().nullable(),
  intervalSeconds: z.number().int(),
  tags: z.array(z.string()),
  enabled: z.boolean(),
  createdAt: isoTime,
  updatedAt: isoTime,
  status: z.enum(["ok", "error", "never", "paused"]).optional(),
  notAfter: isoTime.nullable().optional().describe("Soonest leaf expiry across addresses"),
  lastScan: scanSummary.nullable().optional(),
});

export function endpointJson(e: EndpointRow): z.infer<typeof endpointOut> {
  const { targetKey: _k, ...rest } = e;
  return rest;
}

export function scanJson(s: ScanRow): z.infer<typeof scanSummary> {
  const { facts: _f, jobId: _j, errorHint: _h, ...rest } = s;
  return rest;
}

export function listItemJson(i: EndpointListItem, status: string) {
  return {
    ...endpointJson(i.endpoint),
    status,
    notAfter: i.notAfter,
    lastScan: i.lastScan ? scanJson(i.lastScan) : null,
  };
}

const T = "Endpoints";

export const listEndpointsOp = defineOperation({
  id: "listEndpoints",
  method: "GET",
  path: "/endpoints",
  summary: "List endpoints (filters as on the dashboard)",
  tag: T,
  action: "endpoint.read",
  query: pageQuery.extend({
    tag: z.string().max(40).optional(),
    status: z.enum(["ok", "error", "never", "paused"]).optional(),
    host: z.string().max(253).optional(),
  }),
  response: pageOf(endpointOut),
});

export const createEndpointOp = defineOperation({
  id: "createEndpoint",
  method: "POST",
  path: "/endpoints",
  summary: "Add an endpoint",
  tag: T,
  action: "endpoint.create",
  body: endpointBody,
  response: endpointOut,
  status: 201,
});

export const getEndpointOp = defineOperation({
  id: "getEndpoint",
  method: "GET",
  path: "/endpoints/{id}",
  summary: "One endpoint",
  tag: T,
  action: "endpoint.read",
  params: idParams,
  response: endpointOut,
});

export const updateEndpointOp = defineOperation({
  id: "updateEndpoint",
  method: "PATCH",
  path: "/endpoints/{id}",
  summary: "Change an endpoint (only the fields sent)",
  tag: T,
  action: "endpoint.update",
  params: idParams,
  body: endpointBody.partial(),
  response: endpointOut,
});

export const deleteEndpointOp = defineOperation({
  id: "deleteEndpoint",
  method: "DELETE",
  path: "/endpoints/{id}",
  summary: "Stop monitoring an endpoint and delete its scans",
  tag: T,
  action: "endpoint.delete",
  params: idParams,
  status: 204,
});

export const scanEndpointOp = defineOperation({
  id: "scanEndpoint",
  method: "POST",
  path: "/endpoints/{id}/scan",
  summary: "Queue a scan now",
  tag: T,
  action: "endpoint.scan",
  params: idParams,
  response: z.object({ jobId: z.string() }),
  status: 202,
});

export const listScansOp = defineOperation({
  id: "listEndpointScans",
  method: "GET",
  path: "/endpoints/{id}/scans",
  summary: "Scans of an endpoint, newest first",
  tag: "Scans",
  action: "scan.read",
  params: idParams,
  query: pageQuery,
  response: pageOf(scanSummary),
});

export const getScanOp = defineOperation({
  id: "getScan",
  method: "GET",
  path: "/scans/{id}",
  summary: "One scan with its full assessment facts",
  tag: "Scans",
  action: "scan.read",
  params: idParams,
  response: scanSummary.extend({ errorHint: z.string().nullable(), facts: z.unknown() }),
});
