import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okResponse, uuid } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  accessLimitsResponse,
  changeRoleBody,
  createAccessLimitBody,
  createWorkforceBody,
  dbsSummary,
  listAccessLimitsQuery,
  listWorkforceQuery,
  loneWorkingBody,
  meWorkforceResponse,
  recordDbsBody,
  reviewAccessLimitBody,
  safetyAlertsResponse,
  siteQuery,
  statusChangeBody,
  updateWorkforceBody,
  workforceDetail,
  workforceListResponse,
  workforceSettingsBody,
} from '../../../contract/workforce.ts';
import {
  cohortBody,
  cohortDetail,
  cohortsResponse,
  course,
  courseBody,
  coursesResponse,
  enrolBody,
  hoursDecisionBody,
  hoursEntry,
  hoursListResponse,
  listHoursQuery,
  logHoursBody,
  supervisionBody,
  supervisionResponse,
  updateEnrolmentBody,
  wellbeingPlan,
  wellbeingPlanBody,
} from '../../../contract/workforce-activity.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import {
  createAccessLimit,
  listAccessLimits,
  reviewAccessLimit,
} from './access-limits/access-limits.service.ts';
import { decideHours, listHours, listMyHours, logMyHours } from './hours/hours.service.ts';
import {
  changeRole,
  changeStatus,
  createWorkforceMember,
  listWorkforce,
  myWorkforce,
  readWorkforceSettings,
  updateWorkforceMember,
  updateWorkforceSettings,
  viewWorkforceMember,
} from './people/people.service.ts';
import { recordDbsCheck, safetyAlerts, setLoneWorking } from './safety/safety.service.ts';
import {
  listSupervision,
  recordSupervision,
  saveWellbeingPlan,
  viewWellbeingPlan,
} from './supervision/supervision.service.ts';
import {
  createCohort,
  createCourse,
  enrol,
  listCohorts,
  listCourses,
  updateCourse,
  updateEnrolment,
  viewCohort,
} from './training/training.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};
export const memberParams = idParams('memberId');
const caseParams = idParams('caseId');
export const hoursParams = idParams('hoursId');
export const limitParams = idParams('limitId');
export const courseParams = idParams('courseId');
export const cohortParams = idParams('cohortId');
export const enrolmentParams = idParams('enrolmentId');
const created = z.object({ id: uuid });

export function registerWorkforceRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['workforce'];
  const id = (request: FastifyRequest, name: string) =>
    (request.params as Record<string, string>)[name] as string;

  // People, roles, progression
  app.get(
    '/api/workforce',
    {
      config: { permission: 'workforce:read', personalData: 'read' },
      schema: { tags, querystring: listWorkforceQuery, response: { 200: workforceListResponse, ...errors } },
    },
    async (request) => listWorkforce(ctx(request), request.query),
  );
  app.post(
    '/api/workforce',
    {
      config: { permission: 'workforce:manage', personalData: 'write' },
      schema: { tags, body: createWorkforceBody, response: { 201: workforceDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createWorkforceMember(ctx(request), request.body)),
  );
  app.get(
    '/api/workforce/:memberId',
    {
      config: { permission: 'workforce:read', personalData: 'read' },
      schema: { tags, params: memberParams, response: { 200: workforceDetail, ...errors } },
    },
    async (request) => viewWorkforceMember(ctx(request), id(request, 'memberId')),
  );
  app.patch(
    '/api/workforce/:memberId',
    {
      config: { permission: 'workforce:manage', personalData: 'write' },
      schema: {
        tags,
        params: memberParams,
        body: updateWorkforceBody,
        response: { 200: workforceDetail, ...errors },
      },
    },
    async (request) => updateWorkforceMember(ctx(request), id(request, 'memberId'), request.body),
  );
  app.post(
    '/api/workforce/:memberId/role',
    {
      config: { permission: 'workforce:manage', personalData: 'write' },
      schema: {
        tags,
        params: memberParams,
        body: changeRoleBody,
        response: { 200: workforceDetail, ...errors },
      },
    },
    async (request) => changeRole(ctx(request), id(request, 'memberId'), request.body),
  );
  app.post(
    '/api/workforce/:memberId/status',
    {
      config: { permission: 'workforce:manage', personalData: 'write' },
      schema: {
        tags,
        params: memberParams,
        body: statusChangeBody,
        response: { 200: workforceDetail, ...errors },
      },
    },
    async (request) => changeStatus(ctx(request), id(request, 'memberId'), request.body),
  );
  app.get(
    '/api/workforce-settings',
    {
      config: { permission: 'workforce:read' },
      schema: { tags, response: { 200: workforceSettingsBody, ...errors } },
    },
    async (request) => readWorkforceSettings(ctx(request)),
  );
  app.put(
    '/api/workforce-settings',
    {
      config: { permission: 'workforce:manage' },
      schema: { tags, body: workforceSettingsBody, response: { 200: workforceSettingsBody, ...errors } },
    },
    async (request) => updateWorkforceSettings(ctx(request), request.body),
  );
  app.get(
    '/api/me/workforce',
    {
      config: { permission: 'own_account', personalData: 'read' },
      schema: { tags, response: { 200: meWorkforceResponse, ...errors } },
    },
    async (request) => myWorkforce(ctx(request)),
  );

  // Safety: DBS checks, lone working, alerts
  app.post(
    '/api/workforce/:memberId/dbs-checks',
    {
      config: { permission: 'safety_checks:manage', personalData: 'write' },
      schema: { tags, params: memberParams, body: recordDbsBody, response: { 201: dbsSummary, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordDbsCheck(ctx(request), id(request, 'memberId'), request.body)),
  );
  app.put(
    '/api/workforce/:memberId/lone-working',
    {
      config: { permission: 'safety_checks:manage', personalData: 'write' },
      schema: { tags, params: memberParams, body: loneWorkingBody, response: { 200: okResponse, ...errors } },
    },
    async (request) => setLoneWorking(ctx(request), id(request, 'memberId'), request.body),
  );
  app.get(
    '/api/workforce-alerts',
    {
      config: { permission: 'workforce:read', personalData: 'read' },
      schema: { tags, querystring: siteQuery, response: { 200: safetyAlertsResponse, ...errors } },
    },
    async (request) => safetyAlerts(ctx(request), request.query.siteId),
  );

  // Per-person access limits
  app.get(
    '/api/access-limits',
    {
      config: { permission: 'access_limits:manage', personalData: 'read' },
      schema: {
        tags,
        querystring: listAccessLimitsQuery,
        response: { 200: accessLimitsResponse, ...errors },
      },
    },
    async (request) =>
      listAccessLimits(ctx(request), { dueForReview: request.query.dueForReview === 'true' }),
  );
  app.post(
    '/api/cases/:caseId/access-limits',
    {
      config: { permission: 'access_limits:manage', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: createAccessLimitBody,
        response: { 201: created, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAccessLimit(ctx(request), { ...request.body, caseId: id(request, 'caseId') })),
  );
  app.post(
    '/api/access-limits/:limitId/review',
    {
      config: { permission: 'access_limits:manage', personalData: 'write' },
      schema: {
        tags,
        params: limitParams,
        body: reviewAccessLimitBody,
        response: { 200: okResponse, ...errors },
      },
    },
    async (request) => reviewAccessLimit(ctx(request), id(request, 'limitId'), request.body),
  );

  // Hours
  app.get(
    '/api/me/hours',
    {
      config: { permission: 'hours:log', personalData: 'read' },
      schema: { tags, response: { 200: hoursListResponse, ...errors } },
    },
    async (request) => listMyHours(ctx(request)),
  );
  app.post(
    '/api/me/hours',
    {
      config: { permission: 'hours:log', personalData: 'write' },
      schema: { tags, body: logHoursBody, response: { 201: hoursEntry, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await logMyHours(ctx(request), request.body)),
  );
  app.get(
    '/api/hours',
    {
      config: { permission: 'hours:approve', personalData: 'read' },
      schema: { tags, querystring: listHoursQuery, response: { 200: hoursListResponse, ...errors } },
    },
    async (request) => listHours(ctx(request), request.query),
  );
  app.post(
    '/api/hours/:hoursId/decision',
    {
      config: { permission: 'hours:approve', personalData: 'write' },
      schema: {
        tags,
        params: hoursParams,
        body: hoursDecisionBody,
        response: { 200: hoursEntry, ...errors },
      },
    },
    async (request) => decideHours(ctx(request), id(request, 'hoursId'), request.body),
  );

  // Training
  app.get(
    '/api/training/courses',
    {
      config: { permission: 'workforce:read' },
      schema: { tags, response: { 200: coursesResponse, ...errors } },
    },
    async (request) => listCourses(ctx(request)),
  );
  app.post(
    '/api/training/courses',
    {
      config: { permission: 'training:manage' },
      schema: { tags, body: courseBody, response: { 201: course, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createCourse(ctx(request), request.body)),
  );
  app.put(
    '/api/training/courses/:courseId',
    {
      config: { permission: 'training:manage' },
      schema: { tags, params: courseParams, body: courseBody, response: { 200: course, ...errors } },
    },
    async (request) => updateCourse(ctx(request), id(request, 'courseId'), request.body),
  );
  app.post(
    '/api/training/courses/:courseId/cohorts',
    {
      config: { permission: 'training:manage' },
      schema: { tags, params: courseParams, body: cohortBody, response: { 201: cohortDetail, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await createCohort(ctx(request), id(request, 'courseId'), request.body)),
  );
  app.get(
    '/api/training/cohorts',
    {
      config: { permission: 'workforce:read', personalData: 'read' },
      schema: { tags, querystring: siteQuery, response: { 200: cohortsResponse, ...errors } },
    },
    async (request) => listCohorts(ctx(request), request.query.siteId),
  );
  app.get(
    '/api/training/cohorts/:cohortId',
    {
      config: { permission: 'workforce:read', personalData: 'read' },
      schema: { tags, params: cohortParams, response: { 200: cohortDetail, ...errors } },
    },
    async (request) => viewCohort(ctx(request), id(request, 'cohortId')),
  );
  app.post(
    '/api/training/cohorts/:cohortId/enrolments',
    {
      config: { permission: 'training:manage', personalData: 'write' },
      schema: { tags, params: cohortParams, body: enrolBody, response: { 201: cohortDetail, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await enrol(ctx(request), id(request, 'cohortId'), request.body)),
  );
  app.patch(
    '/api/training/enrolments/:enrolmentId',
    {
      config: { permission: 'training:manage', personalData: 'write' },
      schema: {
        tags,
        params: enrolmentParams,
        body: updateEnrolmentBody,
        response: { 200: cohortDetail, ...errors },
      },
    },
    async (request) => updateEnrolment(ctx(request), id(request, 'enrolmentId'), request.body),
  );

  // Supervision and wellbeing: private to the person and their supervisor (row level, in the service)
  app.get(
    '/api/workforce/:memberId/supervision',
    {
      config: { permission: 'supervision:record', personalData: 'read' },
      schema: { tags, params: memberParams, response: { 200: supervisionResponse, ...errors } },
    },
    async (request) => listSupervision(ctx(request), id(request, 'memberId')),
  );
  app.post(
    '/api/workforce/:memberId/supervision',
    {
      config: { permission: 'supervision:record', personalData: 'write' },
      schema: { tags, params: memberParams, body: supervisionBody, response: { 201: created, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordSupervision(ctx(request), id(request, 'memberId'), request.body)),
  );
  app.get(
    '/api/workforce/:memberId/wellbeing-plan',
    {
      config: { permission: 'supervision:record', personalData: 'read' },
      schema: { tags, params: memberParams, response: { 200: wellbeingPlan, ...errors } },
    },
    async (request) => viewWellbeingPlan(ctx(request), id(request, 'memberId')),
  );
  app.put(
    '/api/workforce/:memberId/wellbeing-plan',
    {
      config: { permission: 'supervision:record', personalData: 'write' },
      schema: {
        tags,
        params: memberParams,
        body: wellbeingPlanBody,
        response: { 200: wellbeingPlan, ...errors },
      },
    },
    async (request) => saveWellbeingPlan(ctx(request), id(request, 'memberId'), request.body),
  );
}
