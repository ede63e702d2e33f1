import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contract/errors.ts';
import { caseloadReportQuery, caseloadReport as caseloadReportResponse } from '../../../contract/reports.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseloadReport } from './reports.service.ts';

export function registerReportRoutes(fastify: FastifyInstance, { db }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  // Counts and means only, never a record of one case: not personal data, so not audited.
  app.get(
    '/api/reports/caseload',
    {
      config: { permission: 'reports:read' },
      schema: {
        tags: ['reports'],
        summary: 'The caseload report (Table 1 of the Liaison and Diversion review) per site',
        querystring: caseloadReportQuery,
        response: { 200: caseloadReportResponse, ...errors },
      },
    },
    async (request) => {
      const { siteId, from, to } = request.query;
      return caseloadReport({ db, actor: actorOf(request) }, { siteIds: siteId, from, to });
    },
  );
}
