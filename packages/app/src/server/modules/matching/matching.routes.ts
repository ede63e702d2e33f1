import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { caseDetail } from '../../../contract/cases.ts';
import { idParams } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  batchApproval,
  batchApprovalBody,
  batchProposal,
  batchProposalBody,
  caseMatches,
  caseMatchingProfile,
  matchDecisionBody,
  matchWeights,
} from '../../../contract/matching.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import {
  approveBatch,
  caseMatches as caseMatchesOf,
  decideMatch,
  getSiteWeights,
  proposeBatch,
  setCaseMatchingProfile,
  setSiteWeights,
} from './matching.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};
const caseParams = idParams('caseId');
const siteParams = idParams('siteId');

/** Matching a case to peers (issue 6 §8): the shortlist, the decision, and batch proposals. */
export function registerMatchingRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['matching'];

  app.get(
    '/api/cases/:caseId/matches',
    {
      config: { permission: 'cases:allocate', personalData: 'read' },
      schema: { tags, params: caseParams, response: { 200: caseMatches, ...errors } },
    },
    async (request) => caseMatchesOf(context(request), request.params.caseId as string),
  );

  app.post(
    '/api/cases/:caseId/matches/decision',
    {
      config: { permission: 'cases:allocate', personalData: 'write' },
      schema: { tags, params: caseParams, body: matchDecisionBody, response: { 200: caseDetail, ...errors } },
    },
    async (request) => decideMatch(context(request), request.params.caseId as string, request.body),
  );

  app.put(
    '/api/cases/:caseId/matching-profile',
    {
      config: { permission: 'cases:allocate', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: caseMatchingProfile,
        response: { 200: caseMatchingProfile, ...errors },
      },
    },
    async (request) =>
      setCaseMatchingProfile(context(request), request.params.caseId as string, request.body),
  );

  app.get(
    '/api/sites/:siteId/matching-weights',
    {
      config: { permission: 'cases:allocate' },
      schema: { tags, params: siteParams, response: { 200: matchWeights, ...errors } },
    },
    async (request) => getSiteWeights(context(request), request.params.siteId as string),
  );

  app.put(
    '/api/sites/:siteId/matching-weights',
    {
      config: { permission: 'cases:allocate' },
      schema: { tags, params: siteParams, body: matchWeights, response: { 200: matchWeights, ...errors } },
    },
    async (request) => setSiteWeights(context(request), request.params.siteId as string, request.body),
  );

  app.post(
    '/api/sites/:siteId/matching/proposals',
    {
      config: { permission: 'cases:allocate', personalData: 'read' },
      schema: {
        tags,
        params: siteParams,
        // Optional: the web client and older callers post no body (or `{}`) to propose for every referral.
        body: batchProposalBody,
        response: { 200: batchProposal, ...errors },
      },
    },
    async (request) => proposeBatch(context(request), request.params.siteId as string, request.body?.caseIds),
  );

  app.post(
    '/api/sites/:siteId/matching/approvals',
    {
      config: { permission: 'cases:allocate', personalData: 'write' },
      schema: {
        tags,
        params: siteParams,
        body: batchApprovalBody,
        response: { 200: batchApproval, ...errors },
      },
    },
    async (request) =>
      approveBatch(context(request), request.params.siteId as string, request.body.placements),
  );
}
