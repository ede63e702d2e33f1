import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';

export const notification = z.object({
  id: uuid,
  kind: z.string(),
  caseId: uuid.nullable(),
  message: z.string(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export const notificationsResponse = z.object({ items: z.array(notification), total: z.number().int() });
