import { addMonths, format, parseISO } from 'date-fns';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { UpdateEnrolmentBody } from '../../../../contract/workforce-activity.ts';
import type { CourseMode, EnrolmentStatus } from '../../../../contract/workforce-codes.ts';
import { inActorScope } from '../../../access/scope.ts';
import { ukDateOf } from '../../../clock.ts';
import type { Db } from '../../../db/database.ts';
import { newId } from '../../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../../http/app-error.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { findMemberInScope } from '../people/people.repository.ts';
import type { WorkforceContext } from '../people/people.service.ts';
import { workforceMembers } from '../people/people.table.ts';
import { type FunnelEnrolment, trainingFunnel } from './funnel.rules.ts';
import {
  trainingCertificates,
  trainingCohorts,
  trainingCourses,
  trainingEnrolments,
  trainingModules,
} from './training.table.ts';

type CourseRow = typeof trainingCourses.$inferSelect;

async function coursesOf(db: Db, organisationId: string) {
  const courses = await db
    .select()
    .from(trainingCourses)
    .where(eq(trainingCourses.organisationId, organisationId))
    .orderBy(asc(trainingCourses.title));
  const modules =
    courses.length === 0
      ? []
      : await db
          .select()
          .from(trainingModules)
          .where(
            inArray(
              trainingModules.courseId,
              courses.map((c) => c.id),
            ),
          )
          .orderBy(asc(trainingModules.position));
  return courses.map((c: CourseRow) => ({
    id: c.id,
    title: c.title,
    mode: c.mode as CourseMode,
    awardingBody: c.awardingBody,
    level: c.level,
    certificateValidMonths: c.certificateValidMonths,
    modules: modules.filter((m) => m.courseId === c.id).map((m) => m.title),
  }));
}

export async function listCourses({ db, actor }: WorkforceContext) {
  return { items: await coursesOf(db, actor.organisationId) };
}

type CourseInput = {
  title: string;
  mode: CourseMode;
  awardingBody?: string | undefined;
  level?: string | undefined;
  certificateValidMonths?: number | undefined;
  modules: string[];
};

function checkCourse(body: CourseInput) {
  const problems: { field: string; message: string }[] = [];
  if (body.mode === 'accredited' && !body.awardingBody)
    problems.push({ field: 'awardingBody', message: 'Name the awarding body of an accredited course.' });
  if (body.mode === 'accredited' && !body.level)
    problems.push({ field: 'level', message: 'Give the level of an accredited course, e.g. Level 2.' });
  if (problems.length > 0) throw validationFailed(problems);
}

export async function createCourse({ db, actor, clock, requestId }: WorkforceContext, body: CourseInput) {
  checkCourse(body);
  return db.transaction(async (tx) => {
    const id = newId();
    await tx.insert(trainingCourses).values({
      id,
      organisationId: actor.organisationId,
      title: body.title,
      mode: body.mode,
      awardingBody: body.mode === 'accredited' ? (body.awardingBody ?? null) : null,
      level: body.mode === 'accredited' ? (body.level ?? null) : null,
      certificateValidMonths: body.certificateValidMonths ?? null,
      createdAt: clock.now(),
    });
    if (body.modules.length > 0)
      await tx
        .insert(trainingModules)
        .values(body.modules.map((title, position) => ({ id: newId(), courseId: id, position, title })));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'training.course_create', entityType: 'training_course', entityIds: [id] },
    );
    return (await coursesOf(tx, actor.organisationId)).find((c) => c.id === id) as Awaited<
      ReturnType<typeof coursesOf>
    >[number];
  });
}

/**
 * Edits a course: its modules are replaced in the order given. Certificates already issued keep their
 * renewal dates; a new validity applies to completions from now on.
 */
export async function updateCourse(
  { db, actor, clock, requestId }: WorkforceContext,
  courseId: string,
  body: CourseInput,
) {
  checkCourse(body);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(trainingCourses)
      .set({
        title: body.title,
        mode: body.mode,
        awardingBody: body.mode === 'accredited' ? (body.awardingBody ?? null) : null,
        level: body.mode === 'accredited' ? (body.level ?? null) : null,
        certificateValidMonths: body.certificateValidMonths ?? null,
      })
      .where(and(eq(trainingCourses.id, courseId), eq(trainingCourses.organisationId, actor.organisationId)))
      .returning({ id: trainingCourses.id });
    if (!updated) throw notFound('course');
    await tx.delete(trainingModules).where(eq(trainingModules.courseId, courseId));
    if (body.modules.length > 0)
      await tx
        .insert(trainingModules)
        .values(body.modules.map((title, position) => ({ id: newId(), courseId, position, title })));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'training.course_update', entityType: 'training_course', entityIds: [courseId] },
    );
    return (await coursesOf(tx, actor.organisationId)).find((c) => c.id === courseId) as Awaited<
      ReturnType<typeof coursesOf>
    >[number];
  });
}

const cohortInScope = (ctx: WorkforceContext) =>
  inActorScope(ctx.actor, { organisationId: trainingCohorts.organisationId, siteId: trainingCohorts.siteId });

async function enrolmentsOf(db: Db, cohortIds: string[]) {
  if (cohortIds.length === 0) return [];
  return db
    .select({
      id: trainingEnrolments.id,
      cohortId: trainingEnrolments.cohortId,
      memberId: trainingEnrolments.memberId,
      displayName: workforceMembers.displayName,
      status: trainingEnrolments.status,
      dropOutReason: trainingEnrolments.dropOutReason,
      completedOn: trainingEnrolments.completedOn,
      placementOn: trainingEnrolments.placementOn,
      employmentOn: trainingEnrolments.employmentOn,
    })
    .from(trainingEnrolments)
    .innerJoin(workforceMembers, eq(workforceMembers.id, trainingEnrolments.memberId))
    .where(inArray(trainingEnrolments.cohortId, cohortIds))
    .orderBy(asc(workforceMembers.displayName));
}

type EnrolmentRow = Awaited<ReturnType<typeof enrolmentsOf>>[number];
const asFunnel = (rows: EnrolmentRow[]) => trainingFunnel(rows as FunnelEnrolment[]);

/** Cohorts at the actor's sites, each with its funnel, and the funnel over all of them. */
export async function listCohorts(ctx: WorkforceContext, siteId?: string) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const cohorts = await tx
      .select({ cohort: trainingCohorts, courseTitle: trainingCourses.title })
      .from(trainingCohorts)
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
      .where(and(cohortInScope(ctx), ...(siteId ? [eq(trainingCohorts.siteId, siteId)] : [])))
      .orderBy(asc(trainingCohorts.startsOn));
    const enrolments = await enrolmentsOf(
      tx,
      cohorts.map((c) => c.cohort.id),
    );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'training.cohort_list',
        entityType: 'training_cohort',
        entityIds: cohorts.map((c) => c.cohort.id),
        query: { siteId: siteId ?? null },
      },
    );
    return {
      items: cohorts.map(({ cohort, courseTitle }) => ({
        id: cohort.id,
        courseId: cohort.courseId,
        courseTitle,
        siteId: cohort.siteId,
        name: cohort.name,
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        funnel: asFunnel(enrolments.filter((e) => e.cohortId === cohort.id)),
      })),
      overall: asFunnel(enrolments),
    };
  });
}

async function findCohortInScope(ctx: WorkforceContext, db: Db, cohortId: string) {
  const [row] = await db
    .select({ cohort: trainingCohorts, course: trainingCourses })
    .from(trainingCohorts)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
    .where(and(cohortInScope(ctx), eq(trainingCohorts.id, cohortId)));
  return row;
}

async function cohortDetail(ctx: WorkforceContext, db: Db, cohortId: string) {
  const row = await findCohortInScope(ctx, db, cohortId);
  if (!row) throw notFound('cohort');
  const enrolments = await enrolmentsOf(db, [cohortId]);
  return {
    id: row.cohort.id,
    courseId: row.cohort.courseId,
    courseTitle: row.course.title,
    siteId: row.cohort.siteId,
    name: row.cohort.name,
    startsOn: row.cohort.startsOn,
    endsOn: row.cohort.endsOn,
    funnel: asFunnel(enrolments),
    enrolments: enrolments.map(({ cohortId: _cohort, ...e }) => ({
      ...e,
      status: e.status as EnrolmentStatus,
    })),
  };
}

export async function viewCohort(ctx: WorkforceContext, cohortId: string) {
  return ctx.db.transaction(async (tx) => {
    const detail = await cohortDetail(ctx, tx, cohortId);
    await recordAudit(
      tx,
      { actor: ctx.actor, clock: ctx.clock, requestId: ctx.requestId },
      {
        action: 'training.cohort_view',
        entityType: 'training_cohort',
        entityIds: [cohortId, ...detail.enrolments.map((e) => e.memberId)],
        siteId: detail.siteId,
      },
    );
    return detail;
  });
}

export async function createCohort(
  ctx: WorkforceContext,
  courseId: string,
  body: { siteId: string; name: string; startsOn: string; endsOn: string },
) {
  const { db, actor, clock, requestId } = ctx;
  const problems: { field: string; message: string }[] = [];
  if (!actor.siteIds.includes(body.siteId))
    problems.push({ field: 'siteId', message: 'Choose one of your sites.' });
  if (body.endsOn < body.startsOn)
    problems.push({ field: 'endsOn', message: 'End the cohort on or after its start.' });
  return db.transaction(async (tx) => {
    const [course] = await tx
      .select({ id: trainingCourses.id })
      .from(trainingCourses)
      .where(and(eq(trainingCourses.id, courseId), eq(trainingCourses.organisationId, actor.organisationId)));
    if (!course) throw notFound('course');
    if (problems.length > 0) throw validationFailed(problems);
    const id = newId();
    await tx.insert(trainingCohorts).values({
      id,
      courseId,
      organisationId: actor.organisationId,
      siteId: body.siteId,
      name: body.name,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      createdAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'training.cohort_create',
        entityType: 'training_cohort',
        entityIds: [id],
        siteId: body.siteId,
      },
    );
    return cohortDetail(ctx, tx, id);
  });
}

export async function enrol(ctx: WorkforceContext, cohortId: string, body: { memberId: string }) {
  const { db, actor, clock, requestId } = ctx;
  return db.transaction(async (tx) => {
    const cohort = await findCohortInScope(ctx, tx, cohortId);
    if (!cohort) throw notFound('cohort');
    const member = await findMemberInScope(tx, actor, body.memberId);
    if (!member)
      throw validationFailed([{ field: 'memberId', message: 'Choose someone in your workforce.' }]);
    const [existing] = await tx
      .select({ id: trainingEnrolments.id })
      .from(trainingEnrolments)
      .where(and(eq(trainingEnrolments.cohortId, cohortId), eq(trainingEnrolments.memberId, body.memberId)));
    if (existing) throw conflict('They are already enrolled on this cohort.');
    const id = newId();
    await tx.insert(trainingEnrolments).values({
      id,
      cohortId,
      memberId: body.memberId,
      organisationId: actor.organisationId,
      siteId: cohort.cohort.siteId,
      updatedBy: actor.userId,
      updatedAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'training.enrol',
        entityType: 'training_enrolment',
        entityIds: [id, body.memberId],
        siteId: cohort.cohort.siteId,
      },
    );
    return cohortDetail(ctx, tx, cohortId);
  });
}

/** Moves an enrolment on; completing it issues the course's certificate (with its renewal date). */
export async function updateEnrolment(ctx: WorkforceContext, enrolmentId: string, body: UpdateEnrolmentBody) {
  const { db, actor, clock, requestId } = ctx;
  const today = ukDateOf(clock.now());
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ enrolment: trainingEnrolments, cohort: trainingCohorts, course: trainingCourses })
      .from(trainingEnrolments)
      .innerJoin(trainingCohorts, eq(trainingCohorts.id, trainingEnrolments.cohortId))
      .innerJoin(trainingCourses, eq(trainingCourses.id, trainingCohorts.courseId))
      .where(
        and(
          inActorScope(actor, {
            organisationId: trainingEnrolments.organisationId,
            siteId: trainingEnrolments.siteId,
          }),
          eq(trainingEnrolments.id, enrolmentId),
        ),
      )
      .for('update', { of: trainingEnrolments });
    if (!row) throw notFound('enrolment');
    if (body.status === 'completed') {
      const problems: { field: string; message: string }[] = [];
      if (body.completedOn > today || body.completedOn < row.cohort.startsOn)
        problems.push({
          field: 'completedOn',
          message: 'Enter a date between the cohort’s start and today.',
        });
      if (body.placementOn && (body.placementOn < body.completedOn || body.placementOn > today))
        problems.push({
          field: 'placementOn',
          message: 'A placement begins after completing, and not in the future.',
        });
      if (
        body.employmentOn &&
        (!body.placementOn || body.employmentOn < body.placementOn || body.employmentOn > today)
      )
        problems.push({
          field: 'employmentOn',
          message: 'Employment follows a placement, and is not in the future.',
        });
      if (problems.length > 0) throw validationFailed(problems);
    }
    await tx
      .update(trainingEnrolments)
      .set({
        status: body.status,
        dropOutReason: body.status === 'dropped_out' ? body.reason : null,
        completedOn: body.status === 'completed' ? body.completedOn : null,
        placementOn: body.status === 'completed' ? body.placementOn : null,
        employmentOn: body.status === 'completed' ? body.employmentOn : null,
        updatedBy: actor.userId,
        updatedAt: clock.now(),
      })
      .where(eq(trainingEnrolments.id, enrolmentId));
    if (body.status === 'completed' && row.enrolment.status !== 'completed')
      await tx.insert(trainingCertificates).values({
        id: newId(),
        memberId: row.enrolment.memberId,
        courseId: row.course.id,
        organisationId: row.enrolment.organisationId,
        siteId: row.enrolment.siteId,
        issuedOn: body.completedOn,
        renewalDueOn: row.course.certificateValidMonths
          ? format(addMonths(parseISO(body.completedOn), row.course.certificateValidMonths), 'yyyy-MM-dd')
          : null,
        recordedBy: actor.userId,
        recordedAt: clock.now(),
      });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'training.enrolment_update',
        entityType: 'training_enrolment',
        entityIds: [enrolmentId, row.enrolment.memberId],
        siteId: row.enrolment.siteId,
        query: { from: row.enrolment.status, to: body.status },
      },
    );
    return cohortDetail(ctx, tx, row.cohort.id);
  });
}
