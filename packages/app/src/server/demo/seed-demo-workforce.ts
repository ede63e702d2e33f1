import { addDays, addMonths, format, parseISO } from 'date-fns';
import { sql } from 'drizzle-orm';
import { ukDateOf } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { rowsOf } from '../db/rows.ts';
import { hoursLogs } from '../modules/workforce/hours/hours.table.ts';
import {
  workforceMembers,
  workforcePauses,
  workforceRoleHistory,
  workforceSettings,
} from '../modules/workforce/people/people.table.ts';
import { dbsChecks } from '../modules/workforce/safety/safety.table.ts';
import { supervisionSessions, wellbeingPlans } from '../modules/workforce/supervision/supervision.table.ts';
import {
  trainingCertificates,
  trainingCohorts,
  trainingCourses,
  trainingEnrolments,
  trainingModules,
} from '../modules/workforce/training/training.table.ts';

type DemoWorker = { userId: string; role: string; siteId: string };

/**
 * A synthetic peer workforce for each demo site across every stage (applicant, training, new
 * volunteer, intern, paid peer, paused, left for a job), a training cohort with its funnel,
 * supervision history, hours (some waiting for approval) and a DBS check due soon. Demo peers who
 * carry cases (Pat, Sam, Val) get current checks so allocation keeps working in the demo.
 */
export async function seedDemoWorkforce(
  db: Db,
  {
    organisationId,
    sites,
    workers,
    now,
  }: { organisationId: string; sites: { id: string; name: string }[]; workers: DemoWorker[]; now: Date },
) {
  const today = ukDateOf(now);
  const day = (offset: number) => format(addDays(parseISO(today), offset), 'yyyy-MM-dd');
  const monthsAgo = (months: number) => format(addMonths(parseISO(today), -months), 'yyyy-MM-dd');
  const names = new Map(
    rowsOf<{ id: string; name: string }>(
      await db.execute(sql`select id, name from users where organisation_id = ${organisationId}`),
    ).map((u) => [u.id, u.name]),
  );
  const users = workers.map((w) => ({ ...w, name: names.get(w.userId) ?? 'Demo worker' }));
  const coordinator = users.find((u) => u.role === 'coordinator');

  const courseId = newId();
  await db.insert(trainingCourses).values({
    id: courseId,
    organisationId,
    title: 'Peer mentor course',
    mode: 'accredited',
    awardingBody: 'Demo awarding body',
    level: 'Level 2',
    certificateValidMonths: 36,
    createdAt: now,
  });
  await db
    .insert(trainingModules)
    .values(
      [
        'Induction',
        'Boundaries and confidentiality',
        'Safeguarding',
        'Motivational conversations',
        'Lone working',
      ].map((title, position) => ({ id: newId(), courseId, position, title })),
    );
  await db
    .insert(workforceSettings)
    .values({ organisationId, requiredCourseIds: [courseId], updatedAt: now });

  type Spec = {
    name: string;
    userId?: string;
    role: string;
    status: string;
    history: { role: string; from: string; to?: string }[];
    dbsOn?: string;
    pause?: { from: string };
    left?: { on: string; destination: string; reason: string };
    gender: string;
    livedExperience: string[];
    interests: string[];
    nextStep: string | null;
    nextStepTargetOn: string | null;
    caseloadCap?: number;
    avoid?: string[];
  };

  for (const site of sites) {
    const onSite = users.filter((u) => u.siteId === site.id);
    const peer = onSite.find((u) => u.role === 'peer_supporter');
    const volunteer = onSite.find((u) => u.role === 'volunteer');
    const openLeads = async (userId: string) =>
      rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from case_workers cw join cases c on c.id = cw.case_id
          where cw.user_id = ${userId} and cw.role = 'lead' and c.status in ('referred', 'active', 'stepped_down')`),
      )[0]?.n ?? 0;
    const specs: Spec[] = [
      {
        name: `Applicant (${site.name})`,
        role: 'new_volunteer',
        status: 'applicant',
        history: [{ role: 'new_volunteer', from: day(-5) }],
        gender: 'female',
        livedExperience: ['mental_health'],
        interests: ['art'],
        nextStep: 'Interview and references',
        nextStepTargetOn: day(14),
      },
      {
        name: `Trainee (${site.name})`,
        role: 'new_volunteer',
        status: 'in_training',
        history: [{ role: 'new_volunteer', from: monthsAgo(1) }],
        dbsOn: monthsAgo(1),
        gender: 'male',
        livedExperience: ['reoffending'],
        interests: ['football'],
        nextStep: 'Finish the peer mentor course',
        nextStepTargetOn: day(60),
      },
      {
        name: `Shadowing volunteer (${site.name})`,
        role: 'new_volunteer',
        status: 'active',
        history: [{ role: 'new_volunteer', from: monthsAgo(5) }],
        dbsOn: monthsAgo(5),
        gender: 'non_binary',
        livedExperience: ['substance_use', 'homelessness'],
        interests: ['music'],
        nextStep: 'Three more shadowing sessions, then intern',
        nextStepTargetOn: day(45),
        avoid: ['confrontational'],
      },
      {
        name: `Long-serving intern (${site.name})`,
        role: 'intern_volunteer',
        status: 'active',
        history: [
          { role: 'new_volunteer', from: monthsAgo(16), to: monthsAgo(10) },
          { role: 'intern_volunteer', from: monthsAgo(10) },
        ],
        // Due for recheck within the month: shows the DBS alert.
        dbsOn: format(addDays(addMonths(parseISO(today), -36), 20), 'yyyy-MM-dd'),
        gender: 'female',
        livedExperience: ['domestic_abuse'],
        interests: ['cooking'],
        nextStep: 'Apply for the paid peer post',
        nextStepTargetOn: day(30),
      },
      {
        name: `Stepping back (${site.name})`,
        role: 'intern_volunteer',
        status: 'paused',
        history: [
          { role: 'new_volunteer', from: monthsAgo(9), to: monthsAgo(5) },
          { role: 'intern_volunteer', from: monthsAgo(5) },
        ],
        pause: { from: monthsAgo(1) },
        dbsOn: monthsAgo(9),
        gender: 'male',
        livedExperience: ['mental_health'],
        interests: ['walking'],
        nextStep: 'Return when ready; review in supervision',
        nextStepTargetOn: day(21),
      },
      {
        name: `Moved on (${site.name})`,
        role: 'paid_peer',
        status: 'left',
        history: [
          { role: 'intern_volunteer', from: monthsAgo(30), to: monthsAgo(20) },
          { role: 'paid_peer', from: monthsAgo(20), to: monthsAgo(3) },
        ],
        left: {
          on: monthsAgo(3),
          destination: 'paid_work_outside',
          reason: 'Support worker post at a housing provider',
        },
        dbsOn: monthsAgo(30),
        gender: 'male',
        livedExperience: ['homelessness'],
        interests: ['football'],
        nextStep: null,
        nextStepTargetOn: null,
      },
    ];
    if (peer)
      specs.push({
        name: peer.name,
        userId: peer.userId,
        role: 'paid_peer',
        status: 'active',
        history: [
          { role: 'intern_volunteer', from: monthsAgo(14), to: monthsAgo(8) },
          { role: 'paid_peer', from: monthsAgo(8) },
        ],
        dbsOn: monthsAgo(8),
        gender: 'female',
        livedExperience: ['homelessness', 'substance_use'],
        interests: ['art', 'football'],
        nextStep: 'Look at team leader roles outside the service',
        nextStepTargetOn: day(120),
        // The demo's peers already lead more open cases than a usual caseload; leave room for a few more.
        caseloadCap: Math.max(12, (await openLeads(peer.userId)) + 4),
      });
    if (volunteer)
      specs.push({
        name: volunteer.name,
        userId: volunteer.userId,
        role: 'intern_volunteer',
        status: 'active',
        history: [
          { role: 'new_volunteer', from: monthsAgo(7), to: monthsAgo(3) },
          { role: 'intern_volunteer', from: monthsAgo(3) },
        ],
        dbsOn: monthsAgo(7),
        gender: 'male',
        livedExperience: ['reoffending'],
        interests: ['boxing'],
        nextStep: 'Take a third case; apply for paid peer in the spring',
        nextStepTargetOn: day(90),
      });

    const cohortId = newId();
    await db.insert(trainingCohorts).values({
      id: cohortId,
      courseId,
      organisationId,
      siteId: site.id,
      name: `${site.name} ${format(parseISO(monthsAgo(8)), 'MMMM yyyy')}`,
      startsOn: monthsAgo(8),
      endsOn: monthsAgo(5),
      createdAt: now,
    });

    for (const [index, s] of specs.entries()) {
      const id = newId();
      await db.insert(workforceMembers).values({
        id,
        organisationId,
        siteId: site.id,
        siteIds: [site.id],
        userId: s.userId ?? null,
        displayName: s.name,
        role: s.role,
        status: s.status,
        leftOn: s.left?.on ?? null,
        leftReason: s.left?.reason ?? null,
        leftDestination: s.left?.destination ?? null,
        gender: s.gender,
        languages: index % 3 === 0 ? ['English', 'Polish'] : ['English'],
        interests: s.interests,
        areasCovered: [site.name.split(' ')[0] as string],
        availability: s.role === 'new_volunteer' ? 'Two afternoons a week' : 'Weekdays',
        livedExperience: s.livedExperience,
        caseloadCap: s.caseloadCap ?? null,
        avoidCaseKinds: s.avoid ?? [],
        supervisorUserId: site.id === coordinator?.siteId ? coordinator.userId : null,
        nextStep: s.nextStep,
        nextStepTargetOn: s.nextStepTargetOn,
        loneWorkingPermitted: s.role === 'paid_peer',
        loneWorkingReason:
          s.role === 'paid_peer'
            ? 'Trained; carries a lone-working device'
            : 'Works alongside staff until trained',
        loneWorkingDecidedOn: s.history[0]?.from ?? today,
        createdAt: now,
        updatedAt: now,
      });
      await db.insert(workforceRoleHistory).values(
        s.history.map((h) => ({
          id: newId(),
          memberId: id,
          organisationId,
          siteId: site.id,
          role: h.role,
          startedOn: h.from,
          endedOn: h.to ?? null,
          recordedAt: now,
        })),
      );
      if (s.pause)
        await db.insert(workforcePauses).values({
          id: newId(),
          memberId: id,
          organisationId,
          siteId: site.id,
          startedOn: s.pause.from,
          resumeStatus: 'active',
          recordedAt: now,
        });
      if (s.dbsOn)
        await db.insert(dbsChecks).values({
          id: newId(),
          memberId: id,
          organisationId,
          siteId: site.id,
          level: 'enhanced',
          certificateOn: s.dbsOn,
          isOnUpdateService: index % 2 === 0,
          recordedAt: now,
        });
      // The cohort: everyone who came through training since it began; one dropped out.
      if (s.status !== 'applicant' && s.history[0] && s.history[0].from <= monthsAgo(8)) {
        const completed = s.name !== `Stepping back (${site.name})`;
        await db.insert(trainingEnrolments).values({
          id: newId(),
          cohortId,
          memberId: id,
          organisationId,
          siteId: site.id,
          status: completed ? 'completed' : 'dropped_out',
          dropOutReason: completed ? null : 'Health; rejoined a later cohort',
          completedOn: completed ? monthsAgo(5) : null,
          placementOn: completed && s.role !== 'new_volunteer' ? monthsAgo(5) : null,
          employmentOn: s.role === 'paid_peer' ? monthsAgo(3) : null,
          updatedAt: now,
        });
        if (completed)
          await db.insert(trainingCertificates).values({
            id: newId(),
            memberId: id,
            courseId,
            organisationId,
            siteId: site.id,
            issuedOn: monthsAgo(5),
            renewalDueOn: format(addMonths(parseISO(monthsAgo(5)), 36), 'yyyy-MM-dd'),
            recordedAt: now,
          });
      }
      if (s.name === `Trainee (${site.name})` || s.name === `Shadowing volunteer (${site.name})`)
        await db.insert(trainingEnrolments).values({
          id: newId(),
          cohortId,
          memberId: id,
          organisationId,
          siteId: site.id,
          status: s.status === 'in_training' ? 'attending' : 'completed',
          completedOn: s.status === 'in_training' ? null : monthsAgo(4),
          updatedAt: now,
        });
      // Fortnightly supervision with the site's coordinator, the last one a little overdue for some.
      if (coordinator && site.id === coordinator.siteId && s.status === 'active')
        for (let k = 0; k < 6; k++)
          await db.insert(supervisionSessions).values({
            id: newId(),
            memberId: id,
            organisationId,
            siteId: site.id,
            supervisorUserId: coordinator.userId,
            heldOn: day(-(index % 2 === 0 ? 5 : 18) - 14 * k),
            notes: 'Caseload, wellbeing and next steps discussed (synthetic demo note).',
            agreedActions: k === 0 ? 'Book the next shadowing session' : null,
            recordedAt: now,
          });
      if (s.userId && coordinator && site.id === coordinator.siteId && s.role === 'paid_peer')
        await db.insert(wellbeingPlans).values({
          memberId: id,
          organisationId,
          siteId: site.id,
          earlySigns: 'Cancelling plans; sleeping badly (synthetic).',
          whatHelps: 'A quieter week and a walk at lunch.',
          steppingBack: 'Swap visits with a colleague for a few days.',
          whoToContact: 'Coordinator, then a named friend.',
          updatedBy: s.userId,
          updatedAt: now,
        });
      // Hours logged by people with an account: approved shadowing and casework, the latest waiting.
      if (s.userId && s.status === 'active')
        for (let k = 0; k < 10; k++) {
          const isPending = k < 2;
          await db.insert(hoursLogs).values({
            id: newId(),
            memberId: id,
            organisationId,
            siteId: site.id,
            workedOn: day(-(k * 3 + 1)),
            activity:
              k % 4 === 0 ? 'shadowing' : k % 4 === 1 ? 'casework' : k % 4 === 2 ? 'supervision' : 'group',
            minutes: 60 * (2 + (k % 3)),
            status: isPending ? 'pending' : 'approved',
            loggedBy: s.userId,
            loggedAt: now,
            decidedBy: isPending ? null : (coordinator?.userId ?? null),
            decidedAt: isPending ? null : now,
          });
        }
    }
  }
}
