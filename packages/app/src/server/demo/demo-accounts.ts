import type { Role } from '../../contract/roles.ts';

/**
 * Demo sign-ins, printed on the console at first start. Synthetic people only.
 * TOTP secrets are fixed so that a demo (and the browser journey) can compute codes;
 * demo mode is refused in production, so these never guard real data.
 */
export const demoPassword = 'peerpath-demo-2026';

export const demoOrganisation = {
  name: 'Peerpath Demo Trust',
  sites: ['Wiltshire', 'Birmingham & Solihull'],
  twoFactorRequiredRoles: ['admin', 'coordinator'] as Role[],
} as const;

export type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  sites: string[];
  totpSecret?: string;
};

export const demoAccounts: DemoAccount[] = [
  {
    email: 'admin@demo.peerpath.example',
    name: 'Alex Admin',
    role: 'admin',
    sites: ['Wiltshire', 'Birmingham & Solihull'],
    totpSecret: 'JBSWY3DPEHPK3PXPADMINDEMO234567',
  },
  {
    email: 'coordinator@demo.peerpath.example',
    name: 'Corey Coordinator',
    role: 'coordinator',
    sites: ['Wiltshire'],
    totpSecret: 'JBSWY3DPEHPK3PXPCOORDDEMO234567',
  },
  { email: 'peer@demo.peerpath.example', name: 'Pat Peer', role: 'peer_supporter', sites: ['Wiltshire'] },
  {
    email: 'peer.birmingham@demo.peerpath.example',
    name: 'Sam Support',
    role: 'peer_supporter',
    sites: ['Birmingham & Solihull'],
  },
  {
    email: 'volunteer@demo.peerpath.example',
    name: 'Val Volunteer',
    role: 'volunteer',
    sites: ['Wiltshire'],
  },
  {
    email: 'evaluator@demo.peerpath.example',
    name: 'Eve Evaluator',
    role: 'evaluator',
    sites: ['Wiltshire', 'Birmingham & Solihull'],
  },
];
