import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';

export const site = z.object({ id: uuid, name: z.string(), createdAt: isoDateTime });
export type Site = z.infer<typeof site>;
export const sitesResponse = z.object({ items: z.array(site), total: z.number().int() });

export const siteName = z.string().trim().min(1, 'Enter the site name').max(120);
export const createSiteBody = z.strictObject({ name: siteName });
export const updateSiteBody = z.strictObject({ name: siteName });
