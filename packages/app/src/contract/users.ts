import { z } from 'zod';
import { isoDateTime, pageQuery, uuid } from './common.ts';
import { role } from './roles.ts';

export const userSummary = z.object({
  id: uuid,
  name: z.string(),
  email: z.string(),
  role,
  siteIds: z.array(uuid),
  isDisabled: z.boolean(),
  isTwoFactorEnabled: z.boolean(),
  createdAt: isoDateTime,
});
export type UserSummary = z.infer<typeof userSummary>;
export const usersResponse = z.object({ items: z.array(userSummary), total: z.number().int() });

export const listUsersQuery = pageQuery.extend({
  siteId: uuid.optional(),
  role: role.optional(),
  search: z.string().trim().max(100).optional(),
});

const personName = z.string().trim().min(1, 'Enter a name').max(120);
const siteIds = z.array(uuid).min(1, 'Choose at least one site').max(50);

export const createUserBody = z.strictObject({
  name: personName,
  email: z.email('Enter an e-mail address like name@example.org').max(254),
  role,
  siteIds,
  password: z.string().min(12, 'Use at least 12 characters').max(200),
});

export const updateUserBody = z.strictObject({
  name: personName.optional(),
  role: role.optional(),
  siteIds: siteIds.optional(),
});
