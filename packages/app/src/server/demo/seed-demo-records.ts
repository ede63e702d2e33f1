import type { ContactType, Engagement, FundCategory } from '../../contract/case-codes.ts';
import { ukDateOf } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { cases, caseWorkers } from '../modules/cases/cases.table.ts';
import { contacts } from '../modules/contacts/contacts.table.ts';
import { fundApplications } from '../modules/fund/fund.table.ts';
import { seededRandom } from './demo-random.ts';

/**
 * How each demo site's year looks, after Table 1 of the L&D peer support review (BRIEF §2): Wiltshire
 * engaged 84% of 158 and saw engaged clients 13.8 times (1–67) for 131 days; Birmingham & Solihull
 * engaged 74% of 107, 6.6 contacts (1–28) over 54 days, and met far more face to face.
 */
export type SiteProfile = {
  prefix: string;
  cases: number;
  engagement: Record<Engagement, number>;
  contactsPerCase: Record<Engagement, { mean: number; max: number }>;
  contactTypes: Record<ContactType, number>;
  daysOnBooks: Record<Engagement, number>;
};

export const demoProfiles: Record<string, SiteProfile> = {
  Wiltshire: {
    prefix: 'WIL',
    cases: 158,
    engagement: { engaged: 0.84, declined: 0.11, no_data: 0.05 },
    contactsPerCase: {
      engaged: { mean: 13.8, max: 67 },
      declined: { mean: 3.8, max: 12 },
      no_data: { mean: 1, max: 3 },
    },
    contactTypes: { face_to_face: 0.26, telephone: 0.5, other: 0.24 },
    daysOnBooks: { engaged: 131, declined: 47, no_data: 60 },
  },
  'Birmingham & Solihull': {
    prefix: 'BSO',
    cases: 107,
    engagement: { engaged: 0.74, declined: 0.26, no_data: 0 },
    contactsPerCase: {
      engaged: { mean: 6.6, max: 28 },
      declined: { mean: 1.5, max: 5 },
      no_data: { mean: 1, max: 2 },
    },
    contactTypes: { face_to_face: 0.41, telephone: 0.4, other: 0.19 },
    daysOnBooks: { engaged: 54, declined: 35, no_data: 30 },
  },
};

const firstNames = [
  'Alex',
  'Jordan',
  'Sam',
  'Robin',
  'Charlie',
  'Jamie',
  'Kai',
  'Morgan',
  'Riley',
  'Taylor',
  'Drew',
  'Jesse',
];
const lastNames = [
  'Example',
  'Sample',
  'Testwell',
  'Placeholder',
  'Specimen',
  'Mockford',
  'Fictional',
  'Madeup',
];
const day = 86_400_000;

export type DemoWorker = { userId: string; role: string; siteId: string };

/**
 * A year of synthetic referrals, contacts, step-downs and fund applications for each demo site, from a
 * fixed seed. Dates run up to `now`, so the demo always looks current.
 */
export async function seedDemoRecords(
  db: Db,
  {
    organisationId,
    sites,
    workers,
    now,
  }: { organisationId: string; sites: { id: string; name: string }[]; workers: DemoWorker[]; now: Date },
): Promise<void> {
  const random = seededRandom(20180806);
  const today = ukDateOf(now);
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const workerRows: (typeof caseWorkers.$inferInsert)[] = [];
  const contactRows: (typeof contacts.$inferInsert)[] = [];
  const fundRows: (typeof fundApplications.$inferInsert)[] = [];

  for (const site of sites) {
    const profile = demoProfiles[site.name];
    if (!profile) continue;
    const siteWorkers = workers.filter((w) => w.siteId === site.id);
    const peers = siteWorkers.filter((w) => w.role === 'peer_supporter');
    const coordinators = siteWorkers.filter((w) => w.role === 'coordinator');
    const volunteers = siteWorkers.filter((w) => w.role === 'volunteer');
    // Exact proportions, in a shuffled order.
    const engagements: Engagement[] = [];
    for (const e of ['engaged', 'declined', 'no_data'] as Engagement[])
      for (let i = 0; i < Math.round(profile.cases * profile.engagement[e]); i++) engagements.push(e);
    engagements.sort(() => random.next() - 0.5);
    let leadsGiven = 0;

    engagements.forEach((engagement, index) => {
      const id = newId();
      const referredAt = new Date(now.getTime() - random.int(3, 365) * day);
      const referredOn = ukDateOf(referredAt);
      const stay = random.around(profile.daysOnBooks[engagement], 3, 400);
      const dischargeAt = new Date(referredAt.getTime() + stay * day);
      const isDischarged = dischargeAt.getTime() < now.getTime() - day;
      const isSteppedDown = !isDischarged && engagement === 'engaged' && random.next() < 0.2;
      const status = isDischarged
        ? 'discharged'
        : engagement === 'engaged'
          ? isSteppedDown
            ? 'stepped_down'
            : 'active'
          : engagement === 'declined'
            ? 'declined'
            : 'referred';
      const lastDay = isDischarged ? dischargeAt : now;
      const complexity = random.weighted([
        ['low', 35],
        ['moderate', 45],
        ['high', 20],
      ] as const);
      caseRows.push({
        id,
        organisationId,
        siteId: site.id,
        localCaseId: `${profile.prefix}-${String(index + 1).padStart(4, '0')}`,
        referralSource: random.weighted([
          ['police_custody', 40],
          ['court', 20],
          ['probation', 10],
          ['liaison_diversion', 15],
          ['self', 5],
          ['multi_agency_review_board', 7],
          ['other', 3],
        ] as const),
        referralSourceOther: null,
        referredOn,
        personName: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
        dateOfBirth: `${random.int(1960, 2004)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        gender: random.weighted([
          ['male', 70],
          ['female', 27],
          ['non_binary', 2],
          ['not_stated', 1],
        ] as const),
        phone: `07700 900${String(random.int(0, 999)).padStart(3, '0')}`,
        needs: [
          ...new Set([
            random.pick(['homelessness', 'reoffending', 'substance_use', 'mental_health'] as const),
            random.pick(['homelessness', 'reoffending', 'substance_use', 'mental_health', 'other'] as const),
          ]),
        ],
        complexity,
        consentScope: engagement === 'engaged' ? 'Peer support and sharing with the referring service' : null,
        consentRecordedOn: engagement === 'engaged' ? referredOn : null,
        genderPreference: random.weighted([
          ['no_preference', 80],
          ['female', 12],
          ['male', 8],
        ] as const),
        status,
        engagement,
        steppedDownAt: isSteppedDown
          ? new Date(Math.max(referredAt.getTime() + day, now.getTime() - random.int(10, 150) * day))
          : null,
        dischargedOn: isDischarged ? ukDateOf(dischargeAt) : null,
        dischargeReason: isDischarged
          ? engagement === 'engaged'
            ? random.weighted([
                ['goals_met', 50],
                ['disengaged', 20],
                ['moved_away', 8],
                ['transferred', 10],
                ['in_custody', 10],
                ['other', 2],
              ] as const)
            : 'disengaged'
          : null,
        createdAt: referredAt,
        updatedAt: referredAt,
      });

      // Open cases are shared out: peers carry most, the coordinator a few, the volunteer shadows.
      const isOpen = status === 'active' || status === 'stepped_down';
      const lead =
        isOpen && peers.length > 0 && leadsGiven % 10 !== 9
          ? peers[leadsGiven % peers.length]
          : isOpen && coordinators.length > 0 && leadsGiven % 10 === 9
            ? coordinators[0]
            : undefined;
      if (isOpen && random.next() < 0.9 && lead) {
        leadsGiven++;
        workerRows.push({
          caseId: id,
          userId: lead.userId,
          organisationId,
          siteId: site.id,
          role: 'lead',
          assignedAt: referredAt,
        });
        const volunteer = volunteers[0];
        if (volunteer && complexity !== 'high' && leadsGiven % 4 === 0)
          workerRows.push({
            caseId: id,
            userId: volunteer.userId,
            organisationId,
            siteId: site.id,
            role: 'co_worker',
            assignedAt: referredAt,
          });
      }
      const contactBy = lead ?? peers[0] ?? coordinators[0];

      const { mean, max } = profile.contactsPerCase[engagement];
      const count = engagement === 'engaged' ? random.around(mean, 1, max) : random.around(mean, 0, max);
      const span = Math.max(0, lastDay.getTime() - referredAt.getTime());
      // Cases in step-down have had little contact lately: their contacts end before stepping down.
      const steppedDownAt = caseRows[caseRows.length - 1]?.steppedDownAt;
      const contactEnd = steppedDownAt ? steppedDownAt.getTime() - referredAt.getTime() : span;
      for (let c = 0; c < count; c++) {
        const at = new Date(
          referredAt.getTime() + Math.floor(random.next() * Math.max(contactEnd, 0)) + 10 * 3_600_000,
        );
        const contactedAt = at.getTime() > lastDay.getTime() ? lastDay : at;
        const type = random.weighted(Object.entries(profile.contactTypes) as [ContactType, number][]);
        contactRows.push({
          id: newId(),
          organisationId,
          siteId: site.id,
          caseId: id,
          contactedOn: ukDateOf(contactedAt) < referredOn ? referredOn : ukDateOf(contactedAt),
          contactedAt,
          type,
          otherKind:
            type === 'other'
              ? random.pick(['letter', 'text', 'cold_call', 'via_family', 'accompanied_appointment'] as const)
              : null,
          outcome: 'made',
          madeByUserId: contactBy?.userId ?? null,
          madeByKind: contactBy ? (contactBy.role === 'volunteer' ? 'volunteer' : 'staff') : null,
          durationMinutes: type === 'face_to_face' ? random.int(20, 90) : random.int(5, 30),
          note: null,
          createdAt: contactedAt,
        });
      }

      // Personalisation Fund: mostly early in support, to build trust (WY-FI).
      if (engagement === 'engaged' && random.next() < 0.3) {
        const appliedAt = new Date(
          Math.min(referredAt.getTime() + random.int(1, 30) * day, now.getTime() - day),
        );
        const status = random.weighted([
          ['approved', 80],
          ['declined', 10],
          ['pending', 10],
        ] as const);
        const decidedAt =
          status === 'pending' ? null : new Date(appliedAt.getTime() + random.int(0, 3) * day);
        const paidAt =
          status === 'approved' && decidedAt ? new Date(decidedAt.getTime() + random.int(0, 5) * day) : null;
        fundRows.push({
          id: newId(),
          organisationId,
          siteId: site.id,
          caseId: id,
          category: random.weighted([
            ['furniture_removals', 35],
            ['storage', 10],
            ['rent', 20],
            ['deposit', 20],
            ['arrears', 10],
            ['other', 5],
          ] as [FundCategory, number][]),
          amountPence: random.int(50, 600) * 100,
          reason: 'Set up a new tenancy',
          status,
          appliedBy: contactBy?.userId ?? null,
          appliedAt,
          decidedBy: decidedAt ? (coordinators[0]?.userId ?? null) : null,
          decidedAt,
          paidOn: paidAt && ukDateOf(paidAt) <= today ? ukDateOf(paidAt) : null,
        });
      }
    });
  }

  for (const [table, rows] of [
    [cases, caseRows],
    [caseWorkers, workerRows],
    [contacts, contactRows],
    [fundApplications, fundRows],
  ] as const) {
    for (let i = 0; i < rows.length; i += 500) await db.insert(table).values(rows.slice(i, i + 500) as never);
  }
}
