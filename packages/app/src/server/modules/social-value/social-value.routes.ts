import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  createImpactMapBody,
  createProxyBody,
  fileResponse,
  financialProxy,
  impactMap,
  impactMapQuery,
  impactMapsResponse,
  proxiesResponse,
  reportExportQuery,
  socialValueReport,
  updateImpactMapBody,
} from '../../../contract/social-value.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import type { ExportFile } from './report-exports.ts';
import { createPdfRenderer } from './report-pdf.ts';
import {
  createMap,
  createProxy,
  exportProxyLibrary,
  exportReport,
  listMaps,
  listProxies,
  mapReport,
  removeMap,
  updateMap,
  viewMap,
} from './social-value.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  503: errorResponse,
};
export const mapParams = idParams('mapId');

/** A download. The file name says what and when; never who. */
function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.body);
}

/**
 * Impact maps, the proxy library and the commissioner report. Everything here is aggregate (counts,
 * money, shares): no route declares personal data, and evaluators read it all. Edits and every
 * export are audited all the same.
 */
export function registerSocialValueRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const pdf = createPdfRenderer();
  fastify.addHook('onClose', async () => pdf.close());
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['social value'];

  app.get(
    '/api/impact-maps',
    {
      config: { permission: 'social_value:read' },
      schema: { tags, querystring: impactMapQuery, response: { 200: impactMapsResponse, ...errors } },
    },
    async (request) => listMaps(context(request), request.query),
  );

  app.post(
    '/api/impact-maps',
    {
      config: { permission: 'social_value:edit' },
      schema: { tags, body: createImpactMapBody, response: { 201: impactMap, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createMap(context(request), request.body)),
  );

  app.get(
    '/api/impact-maps/:mapId',
    {
      config: { permission: 'social_value:read' },
      schema: { tags, params: mapParams, response: { 200: impactMap, ...errors } },
    },
    async (request) => viewMap(context(request), request.params.mapId as string),
  );

  app.put(
    '/api/impact-maps/:mapId',
    {
      config: { permission: 'social_value:edit' },
      schema: {
        tags,
        summary: 'Save the whole map: settings, stakeholders, outcomes and costs',
        params: mapParams,
        body: updateImpactMapBody,
        response: { 200: impactMap, ...errors },
      },
    },
    async (request) => updateMap(context(request), request.params.mapId as string, request.body),
  );

  app.delete(
    '/api/impact-maps/:mapId',
    {
      config: { permission: 'social_value:edit' },
      schema: { tags, params: mapParams, response: { 200: okResponse, ...errors } },
    },
    async (request) => removeMap(context(request), request.params.mapId as string),
  );

  app.get(
    '/api/impact-maps/:mapId/report',
    {
      config: { permission: 'social_value:read' },
      schema: {
        tags,
        summary: 'The commissioner report, recalculated from the map and the live counts',
        params: mapParams,
        response: { 200: socialValueReport, ...errors },
      },
    },
    async (request) => mapReport(context(request), request.params.mapId as string),
  );

  app.get(
    '/api/impact-maps/:mapId/report/export',
    {
      // A HEAD request would write an export's audit event for a file never sent.
      exposeHeadRoute: false,
      config: { permission: 'social_value:read' },
      schema: {
        tags,
        summary: 'The report as a tagged PDF, an XLSX in the SROI Value Map’s column order, or CSV (audited)',
        params: mapParams,
        querystring: reportExportQuery,
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await exportReport({ ...context(request), pdf }, request.params.mapId as string, request.query),
      ),
  );

  app.get(
    '/api/social-value/proxies',
    {
      config: { permission: 'social_value:read' },
      schema: { tags, response: { 200: proxiesResponse, ...errors } },
    },
    async (request) => listProxies(context(request)),
  );

  app.post(
    '/api/social-value/proxies',
    {
      config: { permission: 'social_value:edit' },
      schema: { tags, body: createProxyBody, response: { 201: financialProxy, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createProxy(context(request), request.body)),
  );

  app.get(
    '/api/social-value/proxy-library/export',
    {
      exposeHeadRoute: false,
      config: { permission: 'social_value:read' },
      schema: {
        tags,
        summary: 'The shipped proxy library as CSV: openly licensed values only, never an organisation’s own',
        response: { 200: fileResponse, ...errors },
      },
    },
    async (request, reply) => sendFile(reply, await exportProxyLibrary(context(request))),
  );
}
