import { z } from 'zod';

export const uuid = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });
export const idParams = (name: string) => z.strictObject({ [name]: uuid });
export const okResponse = z.object({ ok: z.literal(true) });

/** Paged list envelope: repository `list*` functions return `{ items, total }`. */
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
