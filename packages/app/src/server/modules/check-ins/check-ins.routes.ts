import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseCheckIns,
  checkInAlert,
  checkInDashboard,
  checkInSettings,
  enrolBody,
  followUpBody,
  smsOutboxQuery,
  smsOutboxResponse,
  updateCheckInSettingsBody,
} from '../../../contract/check-ins.ts';
import { idParams } from '../../../contract/common.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseErrors, caseParams } from '../cases/cases.routes.ts';
import {
  enrolCase,
  followUpAlert,
  optOutCase,
  updateSiteSettings,
  viewCaseCheckIns,
  viewDashboard,
  viewOutbox,
  viewSiteSettings,
} from './check-ins.service.ts';
import type { GatewayFactory } from './sms-gateway.ts';

const siteParams = idParams('siteId');
const alertParams = idParams('alertId');

/** Staff routes: a case's check-ins, enrolment and STOP, follow-ups, a site's dashboard and settings, the outbox. */
export function registerCheckInsRoutes(
  fastify: FastifyInstance,
  { db, clock }: AppDeps,
  options: { gatewayFactory?: GatewayFactory | undefined } = {},
): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => ({
    ...requestContext({ db, clock }, request),
    ...(options.gatewayFactory ? { gatewayFactory: options.gatewayFactory } : {}),
  });
  const tags = ['check-ins'];

  app.get(
    '/api/cases/:caseId/check-ins',
    {
      config: { permission: 'check_ins:manage', personalData: 'read' },
      schema: { tags, params: caseParams, response: { 200: caseCheckIns, ...caseErrors } },
    },
    async (request) => viewCaseCheckIns(context(request), request.params.caseId as string),
  );

  app.put(
    '/api/cases/:caseId/check-ins/enrolment',
    {
      config: { permission: 'check_ins:manage', personalData: 'write' },
      schema: { tags, params: caseParams, body: enrolBody, response: { 200: caseCheckIns, ...caseErrors } },
    },
    async (request) => enrolCase(context(request), request.params.caseId as string, request.body),
  );

  app.post(
    '/api/cases/:caseId/check-ins/opt-out',
    {
      config: { permission: 'check_ins:manage', personalData: 'write' },
      schema: { tags, params: caseParams, response: { 200: caseCheckIns, ...caseErrors } },
    },
    async (request) => optOutCase(context(request), request.params.caseId as string),
  );

  app.post(
    '/api/check-in-alerts/:alertId/follow-up',
    {
      config: { permission: 'check_ins:manage', personalData: 'write' },
      schema: {
        tags,
        params: alertParams,
        body: followUpBody,
        response: { 200: checkInAlert, ...caseErrors },
      },
    },
    async (request) => followUpAlert(context(request), request.params.alertId as string, request.body),
  );

  app.get(
    '/api/sites/:siteId/check-ins/dashboard',
    {
      config: { permission: 'check_ins:monitor', personalData: 'read' },
      schema: { tags, params: siteParams, response: { 200: checkInDashboard, ...caseErrors } },
    },
    async (request) => viewDashboard(context(request), request.params.siteId as string),
  );

  app.get(
    '/api/sites/:siteId/check-in-settings',
    {
      config: { permission: 'check_ins:monitor' },
      schema: { tags, params: siteParams, response: { 200: checkInSettings, ...caseErrors } },
    },
    async (request) => viewSiteSettings(context(request), request.params.siteId as string),
  );

  app.put(
    '/api/sites/:siteId/check-in-settings',
    {
      config: { permission: 'check_ins:monitor' },
      schema: {
        tags,
        params: siteParams,
        body: updateCheckInSettingsBody,
        response: { 200: checkInSettings, ...caseErrors },
      },
    },
    async (request) => updateSiteSettings(context(request), request.params.siteId as string, request.body),
  );

  app.get(
    '/api/sms-outbox',
    {
      config: { permission: 'sms_outbox:read', personalData: 'read' },
      schema: { tags, querystring: smsOutboxQuery, response: { 200: smsOutboxResponse, ...caseErrors } },
    },
    async (request) => viewOutbox(context(request), request.query.siteId),
  );
}
