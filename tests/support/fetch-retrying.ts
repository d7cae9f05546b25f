/**
 * fetch for tests against the real product. A pooled keep-alive socket that the server closed just as
 * it was reused fails with UND_ERR_SOCKET before any response (seen on loaded 2-core CI machines): the
 * request never reached a handler, so it is sent again, a few times with a short pause.
 */
export async function fetchRetrying(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(url, init);
    } catch (e) {
      const socketClosed = (e as { cause?: { code?: string } }).cause?.code === "UND_ERR_SOCKET";
      if (!socketClosed || attempt >= 4)
        throw new Error(`${init.method ?? "GET"} ${url} failed`, { cause: e });
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}
