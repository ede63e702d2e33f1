import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseloadBoard,
  caseloadQuery,
  caseloadSettings,
  reassignCaseloadBody,
  reassignCaseloadResponse,
  updateCaseloadSettingsBody,
} from '../../../contract/caseload.ts';
import { idParams } from '../../../contract/common.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseErrors } from '../cases/cases.routes.ts';
import { reassignCaseload, updateCaseloadSettings, viewCaseloadBoard } from './caseload.service.ts';

export function registerCaseloadRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['caseloads'];

  app.get(
    '/api/caseload',
    {
      config: { permission: 'cases:allocate', personalData: 'read' },
      schema: { tags, querystring: caseloadQuery, response: { 200: caseloadBoard, ...caseErrors } },
    },
    async (request) => viewCaseloadBoard(context(request), request.query.siteId),
  );

  app.post(
    '/api/caseload/reassign',
    {
      config: { permission: 'cases:allocate', personalData: 'write' },
      schema: {
        tags,
        body: reassignCaseloadBody,
        response: { 200: reassignCaseloadResponse, ...caseErrors },
      },
    },
    async (request) => reassignCaseload(context(request), request.body),
  );

  app.patch(
    '/api/sites/:siteId/caseload-settings',
    {
      config: { permission: 'cases:allocate' },
      schema: {
        tags,
        params: idParams('siteId'),
        body: updateCaseloadSettingsBody,
        response: { 200: caseloadSettings, ...caseErrors },
      },
    },
    async (request) =>
      updateCaseloadSettings(context(request), request.params.siteId as string, request.body),
  );
}
