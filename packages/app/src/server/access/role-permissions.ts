import type { Permission, Role } from '../../contract/roles.ts';

/**
 * Who may do what: the single declaration of every role's permissions, written to be read by a
 * data-protection lead. Scope (which organisation, which sites) is applied separately, inside
 * each query, from the signed-in user's own sites (see scope.ts).
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    'own_account',
    'organisation:read',
    'organisation:manage',
    'sites:read',
    'sites:manage',
    'users:read',
    'users:manage',
    'audit:read',
  ],
  coordinator: ['own_account', 'organisation:read', 'sites:read', 'users:read'],
  peer_supporter: ['own_account', 'organisation:read', 'sites:read'],
  volunteer: ['own_account', 'organisation:read', 'sites:read'],
  evaluator: ['own_account', 'organisation:read', 'sites:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
