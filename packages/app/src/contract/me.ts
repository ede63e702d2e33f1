import { z } from 'zod';
import { isoDateTime, uuid } from './common.ts';
import { permission, role } from './roles.ts';

export const meResponse = z.object({
  user: z.object({
    id: uuid,
    name: z.string(),
    email: z.string(),
    role,
    isTwoFactorEnabled: z.boolean(),
  }),
  organisation: z.object({ id: uuid, name: z.string() }),
  sites: z.array(z.object({ id: uuid, name: z.string() })),
  permissions: z.array(permission),
  /** True when the organisation requires two-factor for this role and the user has not enrolled yet. */
  mustEnrolTwoFactor: z.boolean(),
});
export type Me = z.infer<typeof meResponse>;

export const ownSession = z.object({
  id: uuid,
  createdAt: isoDateTime,
  lastActiveAt: isoDateTime,
  expiresAt: isoDateTime,
  userAgent: z.string().nullable(),
  isCurrent: z.boolean(),
});
export const ownSessionsResponse = z.object({ items: z.array(ownSession) });
export type OwnSession = z.infer<typeof ownSession>;
