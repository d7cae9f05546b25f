import { fetchRetrying } from "./fetch-retrying";

/** JSON API calls against a running product, with an optional Bearer token. */
export function apiClient(baseUrl: () => string) {
  const api = (token: string | null, p: string, init: RequestInit = {}) =>
    fetchRetrying(`${baseUrl()}${p}`, {
      ...init,
      redirect: "manual",
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.body ? { "Content-Type": "application/json" } : {}),
        ...(init.headers as Record<string, string>),
      },
    });
  const send = (token: string, method: string, p: string, body: unknown) =>
    api(token, p, { method, body: JSON.stringify(body) });
  return { api, send };
}
