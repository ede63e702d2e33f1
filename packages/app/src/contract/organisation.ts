import { z } from 'zod';
import { uuid } from './common.ts';
import { role } from './roles.ts';

export const organisationResponse = z.object({
  id: uuid,
  name: z.string(),
  twoFactorRequiredRoles: z.array(role),
});
export type Organisation = z.infer<typeof organisationResponse>;

export const updateOrganisationBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  twoFactorRequiredRoles: z.array(role).max(10).optional(),
});
