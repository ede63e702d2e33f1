import type { Role } from '../../contract/roles.ts';

/** The signed-in person a request acts for, resolved fresh from the database on every request. */
export type Actor = {
  userId: string;
  organisationId: string;
  role: Role;
  /** Sites whose records this person may reach: every site of the organisation for an admin. */
  siteIds: string[];
  sessionId: string;
  isTwoFactorEnabled: boolean;
  mustEnrolTwoFactor: boolean;
};
