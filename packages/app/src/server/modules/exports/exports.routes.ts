import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contract/errors.ts';
import { csvResponse, mdsExportQuery, pseudonymisedExportQuery } from '../../../contract/reports.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { type CsvFile, exportMonthlyReturn, exportPseudonymised } from './exports.service.ts';

/** A CSV download. The file name says what and when, never whom. */
function sendCsv(reply: FastifyReply, file: CsvFile) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.csv);
}

export function registerExportRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

  app.get(
    '/api/exports/mds',
    {
      config: { permission: 'exports:mds', personalData: 'read' },
      schema: {
        tags: ['exports'],
        summary: 'The monthly NHS England peer support return for a site, as CSV',
        querystring: mdsExportQuery,
        response: { 200: csvResponse, ...errors },
      },
    },
    async (request, reply) => {
      const context = { db, clock, actor: actorOf(request), requestId: request.id };
      return sendCsv(reply, await exportMonthlyReturn(context, request.query));
    },
  );

  app.get(
    '/api/exports/pseudonymised',
    {
      config: { permission: 'exports:pseudonymised', personalData: 'read' },
      schema: {
        tags: ['exports'],
        summary: 'A pseudonymised extract of a site’s cases for evaluators, as CSV',
        querystring: pseudonymisedExportQuery,
        response: { 200: csvResponse, ...errors },
      },
    },
    async (request, reply) => {
      const context = { db, clock, actor: actorOf(request), requestId: request.id };
      return sendCsv(reply, await exportPseudonymised(context, request.query));
    },
  );
}
