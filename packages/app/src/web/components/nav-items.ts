import type { Permission } from '../../contract/roles.ts';

export type NavItem = {
  to:
    | '/'
    | '/cases'
    | '/caseload'
    | '/matching'
    | '/reports/caseload'
    | '/social-value'
    | '/outcomes'
    | '/check-ins'
    | '/sms-outbox'
    | '/import'
    | '/exports'
    | '/users'
    | '/sites'
    | '/organisation'
    | '/audit'
    | '/notifications'
    | '/account'
    // Peer workforce (issue 6: workforce helper)
    | '/workforce'
    | '/hours'
    | '/hours/approve'
    | '/access-limits'
    // Safeguarding, partner relationships, voice (issue 6: session helper)
    | '/safeguarding'
    | '/partners'
    | '/voice'
    // Training (issue 6: web helper)
    | '/training';
  label: string;
  /** Shown only to roles with this permission; everyone sees items without one. */
  permission?: Permission;
};

export const navItems: NavItem[] = [
  { to: '/', label: 'Home' },
  { to: '/cases', label: 'Cases', permission: 'cases:read' },
  { to: '/caseload', label: 'Caseload board', permission: 'cases:allocate' },
  // Batch matching (issue 6: matching helper)
  { to: '/matching', label: 'Matching', permission: 'cases:allocate' },
  { to: '/reports/caseload', label: 'Caseload report', permission: 'reports:read' },
  { to: '/social-value', label: 'Social value', permission: 'social_value:read' },
  // Outcomes (issue 5): instruments for admins and coordinators, analysis for those who read outcomes.
  { to: '/outcomes', label: 'Outcomes', permission: 'outcomes:read' },
  // Daily check-ins (issue 5)
  { to: '/check-ins', label: 'Check-ins', permission: 'check_ins:monitor' },
  { to: '/sms-outbox', label: 'Text messages', permission: 'sms_outbox:read' },
  { to: '/import', label: 'Import data set', permission: 'imports:run' },
  { to: '/exports', label: 'Exports', permission: 'exports:pseudonymised' },
  { to: '/users', label: 'Users', permission: 'users:read' },
  { to: '/sites', label: 'Sites', permission: 'sites:read' },
  { to: '/organisation', label: 'Organisation settings', permission: 'organisation:manage' },
  { to: '/audit', label: 'Audit', permission: 'audit:read' },
  // Peer workforce (issue 6: workforce helper)
  { to: '/workforce', label: 'Workforce', permission: 'workforce:read' },
  { to: '/hours', label: 'My hours', permission: 'hours:log' },
  { to: '/hours/approve', label: 'Approve hours', permission: 'hours:approve' },
  { to: '/access-limits', label: 'Access limits', permission: 'access_limits:manage' },
  // Safeguarding, partner relationships, voice (issue 6: session helper)
  { to: '/safeguarding', label: 'Safeguarding', permission: 'safeguarding:read' },
  { to: '/partners', label: 'Partner relationships', permission: 'social_capital:read' },
  { to: '/voice', label: 'Your voice', permission: 'voice:submit' },
  // Training (issue 6: web helper)
  { to: '/training', label: 'Training', permission: 'workforce:read' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/account', label: 'My account' },
];

export function isNavItemActive(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
