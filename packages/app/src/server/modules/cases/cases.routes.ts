import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  allocateBody,
  caseActionBody,
  caseDetail,
  casesResponse,
  createCaseBody,
  listCasesQuery,
  searchCasesBody,
  updateCaseBody,
} from '../../../contract/cases.ts';
import { idParams } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { validationFailed } from '../../http/app-error.ts';
import {
  allocateCase,
  createCase,
  listCases,
  performCaseAction,
  updateCase,
  viewCase,
} from './cases.service.ts';

export const caseErrors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};
export const caseParams = idParams('caseId');

export function registerCasesRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['cases'];

  app.get(
    '/api/cases',
    {
      config: { permission: 'cases:read', personalData: 'read' },
      schema: { tags, querystring: listCasesQuery, response: { 200: casesResponse, ...caseErrors } },
      // Names must not travel in URLs: search text is refused here, naming the way to send it instead.
      preValidation: async (request) => {
        if (Object.hasOwn((request.query ?? {}) as object, 'search')) {
          throw validationFailed([
            {
              field: 'querystring.search',
              message:
                'Search text is not accepted in the address. Send it in the body of POST /api/cases/search.',
            },
          ]);
        }
      },
    },
    async (request) => {
      const { mine, ...filter } = request.query;
      return listCases(context(request), { ...filter, isMine: mine === 'true' });
    },
  );

  // A read sent as POST so that search text (often a name) stays out of the URL.
  app.post(
    '/api/cases/search',
    {
      config: { permission: 'cases:read', personalData: 'read' },
      schema: { tags, body: searchCasesBody, response: { 200: casesResponse, ...caseErrors } },
    },
    async (request) => {
      const { mine, ...filter } = request.body;
      return listCases(context(request), { ...filter, isMine: mine === 'true' });
    },
  );

  app.post(
    '/api/cases',
    {
      config: { permission: 'cases:write', personalData: 'write' },
      schema: { tags, body: createCaseBody, response: { 201: caseDetail, ...caseErrors } },
    },
    async (request, reply) => reply.status(201).send(await createCase(context(request), request.body)),
  );

  app.get(
    '/api/cases/:caseId',
    {
      config: { permission: 'cases:read', personalData: 'read' },
      schema: { tags, params: caseParams, response: { 200: caseDetail, ...caseErrors } },
    },
    async (request) => viewCase(context(request), request.params.caseId as string),
  );

  app.patch(
    '/api/cases/:caseId',
    {
      config: { permission: 'cases:write', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: updateCaseBody,
        response: { 200: caseDetail, ...caseErrors },
      },
    },
    async (request) => updateCase(context(request), request.params.caseId as string, request.body),
  );

  app.post(
    '/api/cases/:caseId/actions',
    {
      config: { permission: 'cases:write', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: caseActionBody,
        response: { 200: caseDetail, ...caseErrors },
      },
    },
    async (request) => performCaseAction(context(request), request.params.caseId as string, request.body),
  );

  app.post(
    '/api/cases/:caseId/allocation',
    {
      config: { permission: 'cases:allocate', personalData: 'write' },
      schema: { tags, params: caseParams, body: allocateBody, response: { 200: caseDetail, ...caseErrors } },
    },
    async (request) => allocateCase(context(request), request.params.caseId as string, request.body),
  );
}
