import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  concernDetail,
  concernNoteBody,
  concernsResponse,
  escalationChain,
  listConcernsQuery,
  putChainBody,
  raiseConcernBody,
  resolveConcernBody,
  safeguardingReportQuery,
  safeguardingReport as safeguardingReportSchema,
} from '../../../contract/safeguarding.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import {
  addConcernNote,
  escalateConcern,
  getChain,
  listConcerns,
  raiseConcern,
  resolveConcern,
  safeguardingReport,
  setChain,
  viewConcern,
} from './safeguarding.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};
const concernParams = idParams('concernId');

export function registerSafeguardingRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['safeguarding'];

  app.get(
    '/api/safeguarding/chain',
    {
      config: { permission: 'safeguarding:read' },
      schema: { tags, response: { 200: escalationChain, ...errors } },
    },
    async (request) => getChain(context(request)),
  );

  app.put(
    '/api/safeguarding/chain',
    {
      config: { permission: 'safeguarding:configure' },
      schema: { tags, body: putChainBody, response: { 200: escalationChain, ...errors } },
    },
    async (request) => setChain(context(request), request.body),
  );

  app.get(
    '/api/safeguarding/concerns',
    {
      config: { permission: 'safeguarding:read', personalData: 'read' },
      schema: { tags, querystring: listConcernsQuery, response: { 200: concernsResponse, ...errors } },
    },
    async (request) => listConcerns(context(request), request.query.status),
  );

  app.post(
    '/api/safeguarding/concerns',
    {
      config: { permission: 'safeguarding:raise', personalData: 'write' },
      schema: { tags, body: raiseConcernBody, response: { 201: concernDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await raiseConcern(context(request), request.body)),
  );

  app.get(
    '/api/safeguarding/concerns/:concernId',
    {
      config: { permission: 'safeguarding:read', personalData: 'read' },
      schema: { tags, params: concernParams, response: { 200: concernDetail, ...errors } },
    },
    async (request) => viewConcern(context(request), request.params.concernId as string),
  );

  app.post(
    '/api/safeguarding/concerns/:concernId/notes',
    {
      config: { permission: 'safeguarding:read', personalData: 'write' },
      schema: {
        tags,
        params: concernParams,
        body: concernNoteBody,
        response: { 200: concernDetail, ...errors },
      },
    },
    async (request) =>
      addConcernNote(context(request), request.params.concernId as string, request.body.note),
  );

  app.post(
    '/api/safeguarding/concerns/:concernId/escalate',
    {
      config: { permission: 'safeguarding:read', personalData: 'write' },
      schema: {
        tags,
        params: concernParams,
        body: concernNoteBody,
        response: { 200: concernDetail, ...errors },
      },
    },
    async (request) =>
      escalateConcern(context(request), request.params.concernId as string, request.body.note),
  );

  app.post(
    '/api/safeguarding/concerns/:concernId/resolve',
    {
      config: { permission: 'safeguarding:read', personalData: 'write' },
      schema: {
        tags,
        params: concernParams,
        body: resolveConcernBody,
        response: { 200: concernDetail, ...errors },
      },
    },
    async (request) =>
      resolveConcern(context(request), request.params.concernId as string, request.body.resolution),
  );

  app.get(
    '/api/safeguarding/report',
    {
      config: { permission: 'safeguarding:report' },
      schema: {
        tags,
        querystring: safeguardingReportQuery,
        response: { 200: safeguardingReportSchema, ...errors },
      },
    },
    async (request) => safeguardingReport(context(request), request.query),
  );
}
