/** Only a local path: `//evil.example` and `/\evil.example` are other hosts to a browser. */
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw?.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/";
  return /[\r\n\t]/.test(raw) ? "/" : raw;
}
