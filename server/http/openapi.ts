import { z } from "zod";
import type { Operation } from "./operation";
import { OPERATIONS } from "./operations";

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: "any" }) as Json;
  return rest;
}

function parametersOf(op: Operation): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return out;
}

const errorRef = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function responsesOf(op: Operation): Json {
  const status = String(op.status ?? 200);
  const ok =
    op.response && status !== "204"
      ? {
          description: "Success",
          content: { "application/json": { schema: schemaOf(op.response, "output") } },
        }
      : { description: "Success, no content" };
  const out: Json = {
    [status]: ok,
    "401": errorRef("Not authenticated"),
    "403": errorRef("Role does not allow it"),
  };
  if (op.params) out["404"] = errorRef("Not found");
  if (op.body || op.query || op.params)
    out["422"] = errorRef("Invalid input; `error.fields` names each field");
  return out;
}

function operationObject(op: Operation): Json {
  const o: Json = {
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    parameters: parametersOf(op),
    responses: responsesOf(op),
  };
  if (op.body) {
    o.requestBody = {
      required: true,
      content: { "application/json": { schema: schemaOf(op.body, "input") } },
    };
  }
  if (op.action) o["x-certwatch-permission"] = op.action;
  return o;
}

/** OpenAPI 3.1 for /api/v1, built from the same operations and zod schemas the handlers validate with. */
export function openApiDocument(baseUrl: string, operations: Operation[] = OPERATIONS): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const p = `/api/v1${op.path}`;
    paths[p] = { ...paths[p], [op.method.toLowerCase()]: operationObject(op) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Certwatch API",
      version: "1",
      description:
        "TLS endpoint monitoring. Authenticate with `Authorization: Bearer cw_…` (tokens on /account).",
    },
    servers: [{ url: baseUrl }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token, cw_…" } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", examples: ["VALIDATION_FAILED"] },
                message: { type: "string" },
                hint: { type: "string" },
                fields: {
                  type: "object",
                  additionalProperties: { type: "array", items: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
  };
}
