import { CertwatchError } from "@/lib/errors";

/** 256 KiB: the largest legitimate body is an endpoint with a 64 KiB private CA bundle. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The JSON body, refusing anything but application/json and anything over the cap before parsing. */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new CertwatchError(
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the body as JSON.",
      "Set Content-Type: application/json.",
    );
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const reader = req.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
    if (done || !value) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new CertwatchError("INVALID_JSON", "The body is not valid JSON.");
  }
}

function tooLarge(max: number): CertwatchError {
  return new CertwatchError("PAYLOAD_TOO_LARGE", `The body is larger than ${Math.round(max / 1024)} KiB.`);
}
