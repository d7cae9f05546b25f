import fs from "node:fs";
import path from "node:path";

export interface RouteMethod {
  /** OpenAPI form, e.g. /api/v1/endpoints/{id} */
  path: string;
  method: string;
  file: string;
}

/** Every method exported by every route.ts under app/api/v1, read from the files themselves. */
export function apiV1Routes(root = process.cwd()): RouteMethod[] {
  const base = path.join(root, "app", "api", "v1");
  const out: RouteMethod[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(base, dir).split(path.sep).join("/");
        const p = `/api/v1${rel ? `/${rel}` : ""}`.replace(/\[([^\]]+)\]/g, "{$1}");
        const src = fs.readFileSync(full, "utf8");
        for (const m of src.matchAll(
          /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        )) {
          out.push({ path: p, method: m[1]!, file: full });
        }
      }
    }
  };
  walk(base);
  return out;
}

/** A concrete URL path for a templated one. */
export function samplePath(p: string): string {
  return p.replace("{fingerprint}", "ab".repeat(32)).replace(/\{[^}]+\}/g, "1");
}
