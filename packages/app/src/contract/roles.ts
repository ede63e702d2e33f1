import { z } from 'zod';

/** Roles, in the order a data-protection lead would read them. */
export const roles = ['admin', 'coordinator', 'peer_supporter', 'volunteer', 'evaluator'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const roleLabels: Record<Role, string> = {
  admin: 'Organisation admin',
  coordinator: 'Service coordinator',
  peer_supporter: 'Peer supporter',
  volunteer: 'Volunteer',
  evaluator: 'Evaluator',
};

/** Every permission the platform knows. Routes name one of these, or declare themselves public. */
export const permissions = [
  'own_account',
  'organisation:read',
  'organisation:manage',
  'sites:read',
  'sites:manage',
  'users:read',
  'users:manage',
  'audit:read',
  'cases:read',
  'cases:write',
  'cases:allocate',
  'contacts:write',
  'contact_notes:read',
  'fund:apply',
  'fund:decide',
  'imports:run',
  'reports:read',
  'exports:mds',
  'exports:pseudonymised',
  'social_value:read',
  'social_value:edit',
  // Safeguarding, social capital register, peer and service-user voice (issue 6)
  'safeguarding:raise',
  'safeguarding:read',
  'safeguarding:configure',
  'safeguarding:report',
  'social_capital:read',
  'social_capital:manage',
  'voice:submit',
  'voice:manage',
  // Outcomes (issue 5): instruments, giving surveys and reading answers, aggregate analysis
  'surveys:manage',
  'surveys:administer',
  'outcomes:read',
  // Daily check-ins (issue 5): enrol and follow up; monitor a site; read the SMS outbox
  'check_ins:manage',
  'check_ins:monitor',
  'sms_outbox:read',
  // Peer workforce (issue 6): people, progression, hours, training, supervision, safety checks, access limits
  'workforce:read',
  'workforce:manage',
  'workforce:lived_experience',
  'hours:log',
  'hours:approve',
  'training:manage',
  'supervision:record',
  'safety_checks:manage',
  'access_limits:manage',
] as const;
export const permission = z.enum(permissions);
export type Permission = z.infer<typeof permission>;
