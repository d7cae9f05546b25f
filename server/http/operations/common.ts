import { z } from "zod";

export const idParams = z.object({ id: z.coerce.number().int().positive("Must be a positive id.") });

export const isoTime = z.string().describe("ISO 8601 UTC timestamp");
