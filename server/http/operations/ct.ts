import { z } from "zod";
import type { LogHealthItem, SightingItem, WatchedDomainItem } from "@/db/queries/ct";
import { type CtLogListStatusRow, SIGHTING_STATUSES } from "@/db/schema";
import { defineOperation } from "../operation";
import { pageOf, pageQuery } from "../pagination";
import { idParams, isoTime } from "./common";

const T = "Certificate Transparency";

const issuers = z
  .array(z.string().max(200))
  .max(50)
  .describe("Issuer DN fragments (case-insensitive) whose certificates are expected");

export const domainOut = z.object({
  id: z.number().int(),
  pattern: z.string().describe("`.example.com` (with subdomains) or `example.com` (that name only)"),
  allowedIssuers: z.array(z.string()),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const crtshOut = z.object({
  lastAttemptAt: isoTime.nullable(),
  lastSuccessAt: isoTime.nullable(),
  lastErrorCode: z.string().nullable(),
  lastError: z.string().nullable(),
  rowCount: z.number().int().nullable(),
  recordCount: z.number().int().nullable(),
  truncated: z.boolean(),
});

export function domainItemJson(i: WatchedDomainItem) {
  if (!i.crtsh) return { ...i.domain, crtsh: null };
  const { watchedDomainId: _id, ...crtsh } = i.crtsh;
  return { ...i.domain, crtsh };
}

export const sightingOut = z.object({
  id: z.number().int(),
  issuanceKey: z.string(),
  tbsSha256: z.string().nullable(),
  certSha256: z.string().nullable(),
  spkiSha256: z.string().nullable(),
  precertOnly: z.boolean(),
  dnsNames: z.array(z.string()),
  commonNames: z.array(z.string()),
  issuer: z.string(),
  serial: z.string(),
  notBefore: isoTime.nullable(),
  notAfter: isoTime.nullable(),
  watchedDomainId: z.number().int().nullable(),
  watchItem: z.string(),
  status: z.enum(SIGHTING_STATUSES),
  reason: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: isoTime.nullable(),
  firstSeenAt: isoTime,
  entries: z.array(
    z.object({
      logId: z.string().describe('A log id, or "crt.sh"'),
      logName: z.string(),
      entryIndex: z.number().int(),
      entryType: z.string(),
    }),
  ),
});

export function sightingJson(i: SightingItem): z.infer<typeof sightingOut> {
  return { ...i.sighting, entries: i.entries };
}

export const logHealthOut = z.object({
  logId: z.string(),
  kind: z.enum(["rfc6962", "static"]),
  description: z.string(),
  operator: z.string(),
  url: z.string(),
  listState: z.string().nullable(),
  tailed: z.boolean(),
  position: z.number().int().nullable(),
  seenTreeSize: z.number().int().nullable(),
  behind: z.number().int().nullable().describe("Entries signed but not yet verified and processed"),
  minutesSinceSuccess: z.number().int().nullable(),
  lastHeadAt: isoTime.nullable(),
  lastSuccessAt: isoTime.nullable(),
  lastAttemptAt: isoTime.nullable(),
  lastErrorCode: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: isoTime.nullable(),
  consecutiveErrors: z.number().int(),
  misbehavingAt: isoTime.nullable().describe("Set when the log served data that does not verify"),
});

export function logHealthJson(i: LogHealthItem): z.infer<typeof logHealthOut> {
  const {
    tailState: _s,
    publicKey: _k,
    submissionUrl: _u,
    mmd: _m,
    createdAt: _c,
    updatedAt: _up,
    ...log
  } = i.log;
  return { ...log, behind: i.behind, minutesSinceSuccess: i.minutesSinceSuccess };
}

export function logListJson(row: CtLogListStatusRow | null) {
  if (!row) return null;
  const { id: _id, ...rest } = row;
  return rest;
}

export const listDomainsOp = defineOperation({
  id: "listWatchedDomains",
  method: "GET",
  path: "/domains",
  summary: "Watched domains with their allowed issuers and crt.sh status",
  tag: T,
  action: "domain.read",
  response: z.object({ data: z.array(domainOut.extend({ crtsh: crtshOut.nullable() })) }),
});

export const addDomainOp = defineOperation({
  id: "addWatchedDomain",
  method: "POST",
  path: "/domains",
  summary: "Watch a domain in CT logs",
  tag: T,
  action: "domain.write",
  body: z.strictObject({ pattern: z.string().max(300), allowedIssuers: issuers.optional() }),
  response: domainOut,
  status: 201,
});

export const updateDomainOp = defineOperation({
  id: "setAllowedIssuers",
  method: "PATCH",
  path: "/domains/{id}",
  summary: "Replace a domain's allowed issuers; open sightings from a now-allowed issuer become expected",
  tag: T,
  action: "domain.write",
  params: idParams,
  body: z.strictObject({ allowedIssuers: issuers }),
  response: domainOut.extend({ reclassified: z.number().int() }),
});

export const removeDomainOp = defineOperation({
  id: "removeWatchedDomain",
  method: "DELETE",
  path: "/domains/{id}",
  summary: "Stop watching a domain (its sightings stay)",
  tag: T,
  action: "domain.write",
  params: idParams,
  status: 204,
});

export const listSightingsOp = defineOperation({
  id: "listSightings",
  method: "GET",
  path: "/sightings",
  summary: "CT sightings feed, newest first (filters as on /ct)",
  tag: T,
  action: "sighting.read",
  query: pageQuery.extend({
    status: z.enum(SIGHTING_STATUSES).optional(),
    domain: z.coerce.number().int().positive("Must be a watched domain id.").optional(),
  }),
  response: pageOf(sightingOut),
});

export const acknowledgeSightingOp = defineOperation({
  id: "acknowledgeSighting",
  method: "POST",
  path: "/sightings/{id}/acknowledge",
  summary: "Acknowledge a sighting (it stops counting as unexpected)",
  tag: T,
  action: "sighting.acknowledge",
  params: idParams,
  response: sightingOut,
});

export const logHealthOp = defineOperation({
  id: "getCtLogHealth",
  method: "GET",
  path: "/ct/logs",
  summary: "Log list status and each CT log's health and backlog",
  tag: T,
  action: "sighting.read",
  response: z.object({
    list: z
      .object({
        source: z.string(),
        version: z.string().nullable(),
        listTimestamp: isoTime.nullable(),
        logCount: z.number().int(),
        tailedCount: z.number().int(),
        signatureVerified: z.boolean(),
        lastAttemptAt: isoTime.nullable(),
        lastSuccessAt: isoTime.nullable(),
        lastError: z.string().nullable(),
      })
      .nullable()
      .describe("Null until the log list is first loaded"),
    logs: z.array(logHealthOut),
  }),
});
