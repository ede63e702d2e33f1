import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { cases, caseWorkers } from '../modules/cases/cases.table.ts';
import { deadlineAfter } from '../modules/safeguarding/safeguarding.rules.ts';
import {
  type ChainStep,
  safeguardingConcernEvents,
  safeguardingConcerns,
  safeguardingConcernViewers,
  safeguardingEscalationSteps,
} from '../modules/safeguarding/safeguarding.table.ts';
import {
  partnerContacts,
  partnerOrganisations,
  relationshipHolders,
} from '../modules/social-capital/social-capital.table.ts';
import { voiceItems } from '../modules/voice/voice.table.ts';
import { workforceMembers } from '../modules/workforce/people/people.table.ts';
import type { DemoWorker } from './seed-demo-records.ts';

const hour = 60 * 60 * 1000;

/** Partners and named (synthetic) contacts every demo site works with. */
const partners = [
  {
    name: 'Riverside Housing Association',
    kind: 'housing',
    contacts: ['Tenancy sustainment officer', 'Allocations lead'],
  },
  {
    name: 'Turning Point drug and alcohol service',
    kind: 'substance_use_service',
    contacts: ['Recovery worker', 'Team manager'],
  },
  {
    name: 'Probation Service local office',
    kind: 'criminal_justice',
    contacts: ['Probation officer', 'Senior probation officer'],
  },
  { name: 'Jobcentre Plus', kind: 'employment', contacts: ['Work coach'] },
] as const;
const contactNames = [
  'Robin Hale',
  'Jordan Reeve',
  'Casey Marsh',
  'Drew Fenwick',
  'Morgan Tate',
  'Avery Lund',
  'Rowan Pike',
];

const voice = [
  {
    kind: 'idea',
    title: 'Evening drop-in',
    body: 'Several of us work days now; a drop-in one evening a week would keep us in touch.',
    status: 'acted_upon',
    outcome: 'Thursday drop-in now runs until 8 pm, from this month.',
  },
  {
    kind: 'concern',
    title: 'Supervision feels rushed',
    body: 'Fortnightly supervision is often cut to 20 minutes when the office is busy.',
    status: 'under_review',
    outcome: null,
  },
  {
    kind: 'idea',
    title: 'Bus passes for first appointments',
    body: 'People miss first appointments because they cannot pay the fare; a few day passes would help.',
    status: 'open',
    outcome: null,
  },
  {
    kind: 'idea',
    title: 'Weekend phone line',
    body: 'A phone line staffed by peers at weekends.',
    status: 'not_taken_forward',
    outcome:
      'Not possible with current funding or lone-working rules; we will look again at the next funding round.',
  },
] as const;

/**
 * Issue 6 demo data (session helper): a safeguarding chain with a named lead and a concern in progress
 * at the first site; a social capital register at every site in which some relationships are held by
 * one worker only (succession risks); a few voice items in every status. Synthetic names only.
 */
export async function seedDemoPeerWorkforceExtras(
  db: Db,
  {
    organisationId,
    sites,
    workers,
    now,
  }: { organisationId: string; sites: { id: string; name: string }[]; workers: DemoWorker[]; now: Date },
) {
  const admin = workers.find((w) => w.role === 'admin');
  const chain: ChainStep[] = [
    { label: 'Service coordinator', role: 'coordinator', userId: null, deadlineHours: 24 },
    { label: 'Safeguarding lead', role: null, userId: admin?.userId ?? null, deadlineHours: 48 },
  ].filter((s) => s.role !== null || s.userId !== null);
  await db
    .insert(safeguardingEscalationSteps)
    .values(chain.map((s, position) => ({ id: newId(), organisationId, position, ...s, updatedAt: now })));

  for (const [siteIndex, site] of sites.entries()) {
    const members = await db
      .select({ id: workforceMembers.id })
      .from(workforceMembers)
      .where(
        and(
          eq(workforceMembers.organisationId, organisationId),
          eq(workforceMembers.siteId, site.id),
          ne(workforceMembers.status, 'left'),
        ),
      )
      .orderBy(workforceMembers.displayName);
    // The register: alternate contacts held by one worker (a risk) and by two.
    let n = 0;
    for (const p of partners) {
      const partnerId = newId();
      await db.insert(partnerOrganisations).values({
        id: partnerId,
        organisationId,
        siteId: site.id,
        name: p.name,
        kind: p.kind,
        createdAt: now,
      });
      for (const jobTitle of p.contacts) {
        const contactId = newId();
        await db.insert(partnerContacts).values({
          id: contactId,
          partnerId,
          organisationId,
          siteId: site.id,
          name: contactNames[(n + siteIndex) % contactNames.length] as string,
          jobTitle,
          createdAt: now,
        });
        const holders =
          members.length === 0
            ? []
            : n % 2 === 0
              ? [members[n % members.length]]
              : [members[n % members.length], members[(n + 1) % members.length]];
        for (const [i, m] of [...new Set(holders.map((h) => h?.id))].entries()) {
          if (!m) continue;
          await db.insert(relationshipHolders).values({
            id: newId(),
            organisationId,
            siteId: site.id,
            partnerContactId: contactId,
            memberId: m,
            strength: i === 0 ? 'strong' : 'moderate',
            lastInteractionOn: new Date(now.getTime() - (n + 3) * 24 * hour).toISOString().slice(0, 10),
            createdAt: now,
            updatedAt: now,
          });
        }
        n += 1;
      }
    }
    // Voice: from the site's peers and volunteers.
    const voices = workers.filter(
      (w) => w.siteId === site.id && (w.role === 'peer_supporter' || w.role === 'volunteer'),
    );
    const coordinator = workers.find((w) => w.siteId === site.id && w.role === 'coordinator');
    for (const [i, v] of voice.entries()) {
      const by = voices[i % Math.max(1, voices.length)] ?? coordinator;
      if (!by) continue;
      const submittedAt = new Date(now.getTime() - (30 - i * 5) * 24 * hour);
      const isDecided = v.status === 'acted_upon' || v.status === 'not_taken_forward';
      await db.insert(voiceItems).values({
        id: newId(),
        organisationId,
        siteId: site.id,
        kind: v.kind,
        title: v.title,
        body: v.body,
        isAnonymous: v.kind === 'concern',
        submittedBy: by.userId,
        submittedAt,
        status: v.status,
        outcome: v.outcome,
        decidedBy: isDecided ? (coordinator?.userId ?? null) : null,
        decidedAt: isDecided ? new Date(submittedAt.getTime() + 7 * 24 * hour) : null,
        updatedAt: now,
      });
    }
  }

  // A concern in progress at the first site: raised by a peer on a case they lead, not picked up by the
  // coordinator within a day, so it escalated itself to the safeguarding lead.
  const first = sites[0];
  if (!first) return;
  const [led] = await db
    .select({ caseId: cases.id, userId: caseWorkers.userId })
    .from(caseWorkers)
    .innerJoin(cases, eq(cases.id, caseWorkers.caseId))
    .where(and(eq(cases.siteId, first.id), eq(caseWorkers.role, 'lead'), eq(cases.status, 'active')))
    .limit(1);
  if (!led) return;
  const raisedAt = new Date(now.getTime() - 30 * hour);
  const escalatedAt = deadlineAfter(raisedAt, chain[0]?.deadlineHours ?? 24);
  const concernId = newId();
  await db.insert(safeguardingConcerns).values({
    id: concernId,
    organisationId,
    siteId: first.id,
    caseId: led.caseId,
    raisedBy: led.userId,
    raisedAt,
    summary:
      'Said during a visit that an ex-partner has started waiting outside the hostel. Worried for their safety.',
    status: 'open',
    chain,
    step: chain.length > 1 ? 1 : 0,
    stepDeadlineAt: deadlineAfter(escalatedAt, chain[1]?.deadlineHours ?? 48),
  });
  await db.insert(safeguardingConcernEvents).values([
    {
      id: newId(),
      concernId,
      organisationId,
      occurredAt: raisedAt,
      kind: 'raised',
      actorUserId: led.userId,
      step: 0,
      note: null,
    },
    {
      id: newId(),
      concernId,
      organisationId,
      occurredAt: new Date(raisedAt.getTime() + 2 * hour),
      kind: 'note',
      actorUserId: led.userId,
      step: 0,
      note: 'Gave the hostel staff the number for the domestic abuse helpline.',
    },
    ...(chain.length > 1
      ? [
          {
            id: newId(),
            concernId,
            organisationId,
            occurredAt: escalatedAt,
            kind: 'escalated_automatically',
            actorUserId: null,
            step: 1,
            note: null,
          },
        ]
      : []),
  ]);
  const viewers = new Set<string>([led.userId]);
  for (const w of workers) if (w.siteId === first.id && w.role === 'coordinator') viewers.add(w.userId);
  if (admin) viewers.add(admin.userId);
  await db
    .insert(safeguardingConcernViewers)
    .values([...viewers].map((userId) => ({ concernId, userId, addedAt: raisedAt })))
    .onConflictDoNothing();
}
