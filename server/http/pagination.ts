import { z } from "zod";

export const MAX_PAGE = 200;

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^[0-9]{1,15}$/, "Use the nextCursor of the previous page.")
    .optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** Keyset page over items sorted by ascending numeric id. */
export function paginateById<T>(
  items: T[],
  idOf: (t: T) => number,
  q: { limit: number; cursor?: string },
): { data: T[]; nextCursor: string | null } {
  const after = q.cursor ? Number(q.cursor) : 0;
  const rest = items.filter((t) => idOf(t) > after).sort((a, b) => idOf(a) - idOf(b));
  const data = rest.slice(0, q.limit);
  const last = data.at(-1);
  return { data, nextCursor: rest.length > q.limit && last ? String(idOf(last)) : null };
}
