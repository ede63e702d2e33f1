import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okResponse } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  addHolderBody,
  coverage,
  coverageQuery,
  createPartnerBody,
  createPartnerContactBody,
  endHolderBody,
  handoverBody,
  handoverResponse,
  holder,
  partner,
  partnerContact,
  partnersQuery,
  partnersResponse,
  updateHolderBody,
} from '../../../contract/social-capital.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import {
  addHolder,
  createPartner,
  createPartnerContact,
  endHolder,
  handoverFor,
  readRegister,
  recordHandover,
  siteCoverage,
  updateHolder,
} from './social-capital.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

/** The social capital register (issue 6 §9). */
export function registerSocialCapitalRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['social capital'];

  app.get(
    '/api/social-capital/partners',
    {
      config: { permission: 'social_capital:read', personalData: 'read' },
      schema: { tags, querystring: partnersQuery, response: { 200: partnersResponse, ...errors } },
    },
    async (request) => readRegister(context(request), request.query.siteId),
  );

  app.post(
    '/api/social-capital/partners',
    {
      config: { permission: 'social_capital:manage' },
      schema: { tags, body: createPartnerBody, response: { 201: partner, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createPartner(context(request), request.body)),
  );

  app.post(
    '/api/social-capital/partners/:partnerId/contacts',
    {
      config: { permission: 'social_capital:manage', personalData: 'write' },
      schema: {
        tags,
        params: idParams('partnerId'),
        body: createPartnerContactBody,
        response: { 201: partnerContact, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createPartnerContact(context(request), request.params.partnerId as string, request.body)),
  );

  app.post(
    '/api/social-capital/contacts/:contactId/holders',
    {
      config: { permission: 'social_capital:manage', personalData: 'write' },
      schema: {
        tags,
        params: idParams('contactId'),
        body: addHolderBody,
        response: { 201: holder, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addHolder(context(request), request.params.contactId as string, request.body)),
  );

  app.put(
    '/api/social-capital/holders/:holderId',
    {
      config: { permission: 'social_capital:manage', personalData: 'write' },
      schema: {
        tags,
        params: idParams('holderId'),
        body: updateHolderBody,
        response: { 200: okResponse, ...errors },
      },
    },
    async (request) => updateHolder(context(request), request.params.holderId as string, request.body),
  );

  app.post(
    '/api/social-capital/holders/:holderId/end',
    {
      config: { permission: 'social_capital:manage', personalData: 'write' },
      schema: {
        tags,
        params: idParams('holderId'),
        body: endHolderBody,
        response: { 200: okResponse, ...errors },
      },
    },
    async (request) => endHolder(context(request), request.params.holderId as string, request.body),
  );

  app.get(
    '/api/social-capital/members/:memberId/handover',
    {
      config: { permission: 'social_capital:manage', personalData: 'read' },
      schema: { tags, params: idParams('memberId'), response: { 200: handoverResponse, ...errors } },
    },
    async (request) => handoverFor(context(request), request.params.memberId as string),
  );

  app.post(
    '/api/social-capital/members/:memberId/handover',
    {
      config: { permission: 'social_capital:manage', personalData: 'write' },
      schema: {
        tags,
        params: idParams('memberId'),
        body: handoverBody,
        response: { 200: z.object({ passedOn: z.number().int(), lost: z.number().int() }), ...errors },
      },
    },
    async (request) => recordHandover(context(request), request.params.memberId as string, request.body),
  );

  app.get(
    '/api/social-capital/coverage',
    {
      config: { permission: 'social_capital:read' },
      schema: { tags, querystring: coverageQuery, response: { 200: coverage, ...errors } },
    },
    async (request) => siteCoverage(context(request), request.query.siteId),
  );
}
