import fs from "node:fs";
import path from "node:path";
import { closeDb, openDb } from "@/db/client";
import { createSession } from "@/server/auth/sessions";
import { seedUser, startProduct } from "../fakes/product";

/**
 * One product for the specs, with an admin made through the CLI and signed in: the session goes into a
 * Playwright storage state the specs load (auth.spec.ts tests the sign-in pages on its own product).
 */
export default async function globalSetup() {
  const product = await startProduct({ CERTWATCH_MIN_INTERVAL_SECONDS: "1" });
  const admin = seedUser(product.dataDir, "admin@example.com", "admin");
  const dbFile = path.join(product.dataDir, "certwatch.db");
  const db = openDb(dbFile);
  const userId = (
    db.$client.prepare("SELECT id FROM users WHERE email = ?").get(admin.email) as { id: number }
  ).id;
  const { token, expiresAt } = createSession(db, userId, { idleMs: 12 * 3_600_000, maxMs: 86_400_000 });
  closeDb(dbFile);
  const storage = path.join(product.dataDir, "admin-storage.json");
  const cookie = {
    name: "cw_session",
    value: token,
    domain: new URL(product.baseUrl).hostname,
    path: "/",
    expires: Math.floor(expiresAt.getTime() / 1000),
    httpOnly: true,
    secure: false,
    sameSite: "Lax" as const,
  };
  fs.writeFileSync(storage, JSON.stringify({ cookies: [cookie], origins: [] }));
  process.env.CERTWATCH_E2E_BASE_URL = product.baseUrl;
  process.env.CERTWATCH_E2E_DATA_DIR = product.dataDir;
  process.env.CERTWATCH_E2E_STORAGE = storage;
  process.env.CERTWATCH_E2E_ADMIN_TOKEN = admin.token;
  return async () => {
    await product.stop();
  };
}
