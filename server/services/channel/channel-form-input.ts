import type { ChannelKind } from "@/lib/notifiers";

const list = (v: string) =>
  v
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

function headersOf(text: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return Object.keys(out).length ? out : undefined;
}

/** The settings form (FormData) as a channel service input; empty secret fields mean "keep". */
export function channelInputFromForm(form: FormData, kind: ChannelKind): Record<string, unknown> {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const on = (k: string) => form.get(k) === "on";
  const config: Record<string, unknown> =
    kind === "email"
      ? {
          host: text("host"),
          port: text("port") ? Number(text("port")) : undefined,
          secure: on("secure"),
          requireTLS: on("requireTLS"),
          user: text("user") || undefined,
          pass: text("pass") || undefined,
          from: text("from"),
          to: list(text("to")),
          tlsCaPem: text("tlsCaPem") || undefined,
        }
      : kind === "slack"
        ? { url: text("url") || undefined }
        : {
            url: text("url") || undefined,
            secret: text("secret") || undefined,
            headers: headersOf(text("headers")),
          };
  return {
    kind,
    name: text("name"),
    config,
    events: form.getAll("events").map(String),
    tags: list(text("tags")),
    enabled: on("enabled"),
    digest: on("digest"),
    digestHourUtc: Number(text("digestHourUtc") || 7),
  };
}
