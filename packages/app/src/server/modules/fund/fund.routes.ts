import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  createFundApplicationBody,
  fundApplication,
  fundApplicationsResponse,
  fundDecisionBody,
  fundPaidBody,
  fundTotalsQuery,
  fundTotalsResponse,
} from '../../../contract/cases.ts';
import { idParams } from '../../../contract/common.ts';
import { actorOf } from '../../access/authenticate.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseErrors, caseParams } from '../cases/cases.routes.ts';
import {
  applyToFund,
  decideFundApplication,
  fundTotalsInScope,
  listFundApplications,
  recordFundPayment,
} from './fund.service.ts';

export function registerFundRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['personalisation fund'];
  const applicationParams = idParams('applicationId');

  app.get(
    '/api/cases/:caseId/fund-applications',
    {
      config: { permission: 'cases:read', personalData: 'read' },
      schema: { tags, params: caseParams, response: { 200: fundApplicationsResponse, ...caseErrors } },
    },
    async (request) => listFundApplications(context(request), request.params.caseId as string),
  );

  app.post(
    '/api/cases/:caseId/fund-applications',
    {
      config: { permission: 'fund:apply', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: createFundApplicationBody,
        response: { 201: fundApplication, ...caseErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await applyToFund(context(request), request.params.caseId as string, request.body)),
  );

  app.post(
    '/api/fund-applications/:applicationId/decision',
    {
      config: { permission: 'fund:decide', personalData: 'write' },
      schema: {
        tags,
        params: applicationParams,
        body: fundDecisionBody,
        response: { 200: fundApplication, ...caseErrors },
      },
    },
    async (request) =>
      decideFundApplication(context(request), request.params.applicationId as string, request.body.decision),
  );

  app.post(
    '/api/fund-applications/:applicationId/payment',
    {
      config: { permission: 'fund:decide', personalData: 'write' },
      schema: {
        tags,
        params: applicationParams,
        body: fundPaidBody,
        response: { 200: fundApplication, ...caseErrors },
      },
    },
    async (request) =>
      recordFundPayment(context(request), request.params.applicationId as string, request.body.paidOn),
  );

  app.get(
    '/api/fund/totals',
    {
      config: { permission: 'reports:read' },
      schema: { tags, querystring: fundTotalsQuery, response: { 200: fundTotalsResponse, ...caseErrors } },
    },
    async (request) => fundTotalsInScope(db, actorOf(request), request.query),
  );
}
