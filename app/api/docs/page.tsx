import { requirePageActor } from "@/server/auth/web";
import { config } from "@/server/env";
import { openApiDocument } from "@/server/http/openapi";

export const dynamic = "force-dynamic";

type Op = {
  operationId: string;
  summary: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  "x-certwatch-permission"?: string;
};

/** The OpenAPI document, readable: no external viewer, no CDN, same source as /api/v1/openapi.json. */
export default async function ApiDocsPage() {
  await requirePageActor();
  const doc = openApiDocument(config().baseUrl) as { paths: Record<string, Record<string, Op>> };
  return (
    <>
      <h1>API reference</h1>
      <p>
        JSON over HTTPS under <code>/api/v1</code>. Authenticate with <code>Authorization: Bearer cw_…</code>{" "}
        (create a token on <a href="/account">your account</a>). Errors are{" "}
        <code>{"{error: {code, message, fields?}}"}</code>; invalid input is 422 with one message list per
        field. Lists take <code>?limit=</code> (≤ 200) and <code>?cursor=</code> (the previous page&apos;s{" "}
        <code>nextCursor</code>). Machine-readable: <a href="/api/v1/openapi.json">openapi.json</a>.
      </p>
      {Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => (
          <section className="card" key={op.operationId} data-testid="api-operation">
            <h2 className="mono">
              {method.toUpperCase()} {path}
            </h2>
            <p>
              {op.summary}
              {op["x-certwatch-permission"] ? (
                <span className="muted"> · needs {op["x-certwatch-permission"]}</span>
              ) : null}
            </p>
            {op.parameters.length ? (
              <p className="muted">
                Parameters:{" "}
                {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ")}
              </p>
            ) : null}
            {op.requestBody ? (
              <details>
                <summary>Request body schema</summary>
                <pre>{JSON.stringify(op.requestBody.content["application/json"]?.schema, null, 2)}</pre>
              </details>
            ) : null}
          </section>
        )),
      )}
    </>
  );
}
