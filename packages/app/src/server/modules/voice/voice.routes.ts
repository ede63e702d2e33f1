import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  listVoiceQuery,
  submitVoiceBody,
  voiceItem,
  voiceItemsResponse,
  voiceReportQuery,
  voiceReport as voiceReportSchema,
  voiceStatusBody,
} from '../../../contract/voice.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { decideVoice, listVoice, submitVoice, voiceReport } from './voice.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

/** Peer and service-user voice (issue 6 §10). */
export function registerVoiceRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['voice'];

  app.get(
    '/api/voice',
    {
      config: { permission: 'voice:submit', personalData: 'read' },
      schema: { tags, querystring: listVoiceQuery, response: { 200: voiceItemsResponse, ...errors } },
    },
    async (request) => listVoice(context(request), request.query),
  );

  app.post(
    '/api/voice',
    {
      config: { permission: 'voice:submit', personalData: 'write' },
      schema: { tags, body: submitVoiceBody, response: { 201: voiceItem, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await submitVoice(context(request), request.body)),
  );

  app.post(
    '/api/voice/:itemId/status',
    {
      config: { permission: 'voice:manage', personalData: 'write' },
      schema: {
        tags,
        params: idParams('itemId'),
        body: voiceStatusBody,
        response: { 200: voiceItem, ...errors },
      },
    },
    async (request) => decideVoice(context(request), request.params.itemId as string, request.body),
  );

  app.get(
    '/api/voice/report',
    {
      config: { permission: 'voice:submit' },
      schema: { tags, querystring: voiceReportQuery, response: { 200: voiceReportSchema, ...errors } },
    },
    async (request) => voiceReport(context(request), request.query),
  );
}
