import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { z } from "zod";
import { isCertwatchError } from "@/lib/errors";
import { type AddressPolicy, checkAddressAllowed, DEFAULT_ADDRESS_POLICY } from "@/lib/net/address-policy";
import { normaliseHostname } from "@/lib/net/hostname";
import { type FieldErrors, ValidationError } from "@/server/errors";

const MAX_CA_PEM = 64 * 1024;

const hostname = z.string().transform((v, ctx) => {
  try {
    return normaliseHostname(v);
  } catch (e) {
    ctx.addIssue({ code: "custom", message: isCertwatchError(e) ? e.message : "Not a valid hostname." });
    return z.NEVER;
  }
});

const optionalText = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

function validCaBundle(pem: string): boolean {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return false;
  try {
    for (const b of blocks) new X509Certificate(b);
    return true;
  } catch {
    return false;
  }
}

export interface EndpointLimits {
  minIntervalSeconds: number;
  defaultIntervalSeconds: number;
  /** Which literal addresses may be targets; names are checked again by the probe after resolving. */
  addressPolicy?: AddressPolicy;
}

const IP_LITERAL = /^\[?[0-9a-f:.]+\]?$/i;

/** Refuses a literal address the policy forbids (metadata, link-local, …) with the policy's reason. */
function allowedTarget(policy: AddressPolicy) {
  return (v: string | null, ctx: z.RefinementCtx) => {
    if (typeof v !== "string" || !IP_LITERAL.test(v) || isIP(v.replace(/^\[|\]$/g, "")) === 0) return;
    const verdict = checkAddressAllowed(v, policy);
    if (!verdict.allowed) ctx.addIssue({ code: "custom", message: `Not allowed: ${verdict.reason}.` });
  };
}

export function endpointInputSchema(limits: EndpointLimits) {
  const policy = limits.addressPolicy ?? DEFAULT_ADDRESS_POLICY;
  return z.object({
    host: hostname.superRefine(allowedTarget(policy)),
    port: z.coerce
      .number()
      .int("Port must be a whole number.")
      .min(1, "Port must be 1–65535.")
      .max(65535, "Port must be 1–65535.")
      .default(443),
    ip: optionalText
      .refine((v) => v === null || isIP(v) !== 0, "Must be an IPv4 or IPv6 address, e.g. 203.0.113.7.")
      .superRefine(allowedTarget(policy)),
    sni: optionalText.pipe(z.union([z.null(), hostname])),
    caPem: optionalText
      .refine((v) => v === null || v.length <= MAX_CA_PEM, "The CA bundle is larger than 64 KiB.")
      .refine(
        (v) => v === null || validCaBundle(v),
        "Paste one or more PEM certificates (-----BEGIN CERTIFICATE-----).",
      ),
    intervalSeconds: z.coerce
      .number()
      .int()
      .min(limits.minIntervalSeconds, `Scan at most every ${limits.minIntervalSeconds} seconds.`)
      .max(604_800, "Scan at least once a week.")
      .default(limits.defaultIntervalSeconds),
    tags: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, "Tags are 1–40 of a-z 0-9 . _ -"),
      )
      .max(20, "At most 20 tags.")
      .default([]),
    enabled: z.boolean().default(true),
  });
}

export type EndpointInput = z.infer<ReturnType<typeof endpointInputSchema>>;

export function parseEndpointInput(raw: unknown, limits: EndpointLimits): EndpointInput {
  const r = endpointInputSchema(limits).safeParse(raw);
  if (r.success) return r.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? "_");
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  throw new ValidationError(fieldErrors);
}

export function targetKey(e: { host: string; port: number; ip: string | null; sni: string | null }): string {
  return [e.host, e.port, e.ip ?? "", e.sni ?? ""].join("|").toLowerCase();
}
