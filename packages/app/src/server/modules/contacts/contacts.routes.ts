import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contact, contactsResponse, createContactBody } from '../../../contract/cases.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseErrors, caseParams } from '../cases/cases.routes.ts';
import { listContacts, logContact } from './contacts.service.ts';

export function registerContactsRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['contacts'];

  app.get(
    '/api/cases/:caseId/contacts',
    {
      config: { permission: 'cases:read', personalData: 'read' },
      schema: { tags, params: caseParams, response: { 200: contactsResponse, ...caseErrors } },
    },
    async (request) => listContacts(context(request), request.params.caseId as string),
  );

  app.post(
    '/api/cases/:caseId/contacts',
    {
      config: { permission: 'contacts:write', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: createContactBody,
        response: { 201: contact, ...caseErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await logContact(context(request), request.params.caseId as string, request.body)),
  );
}
