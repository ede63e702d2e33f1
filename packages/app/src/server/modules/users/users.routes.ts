import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import type { Role } from '../../../contract/roles.ts';
import {
  createUserBody,
  listUsersQuery,
  updateUserBody,
  userSummary,
  usersResponse,
} from '../../../contract/users.ts';
import { actorOf } from '../../access/authenticate.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listUsersInScope, type UserRow } from './users.repository.ts';
import { createUser, setUserDisabled, updateUser, viewUser } from './users.service.ts';

const toSummary = (u: UserRow) => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role as Role,
  siteIds: u.siteIds,
  isDisabled: u.isDisabled,
  isTwoFactorEnabled: u.twoFactorEnabled,
  createdAt: u.createdAt.toISOString(),
});

export function registerUserRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const errors = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    409: errorResponse,
  };
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const userParams = idParams('userId');

  app.get(
    '/api/users',
    {
      config: { permission: 'users:read', personalData: 'read' },
      schema: { tags: ['users'], querystring: listUsersQuery, response: { 200: usersResponse, ...errors } },
    },
    async (request) => {
      const actor = actorOf(request);
      const { siteId, role, search, limit, offset } = request.query;
      return db.transaction(async (tx) => {
        const { items, total } = await listUsersInScope(tx, actor, { siteId, role, search, limit, offset });
        await recordAudit(
          tx,
          { actor, clock, requestId: request.id },
          {
            action: search ? 'user.search' : 'user.list',
            entityType: 'user',
            entityIds: items.map((u) => u.id),
            query: { siteId, role, search, limit, offset },
          },
        );
        return { items: items.map(toSummary), total };
      });
    },
  );

  app.get(
    '/api/users/:userId',
    {
      config: { permission: 'users:read', personalData: 'read' },
      schema: { tags: ['users'], params: userParams, response: { 200: userSummary, ...errors } },
    },
    async (request) => toSummary((await viewUser(context(request), request.params.userId as string)).user),
  );

  app.post(
    '/api/users',
    {
      config: { permission: 'users:manage', personalData: 'write' },
      schema: { tags: ['users'], body: createUserBody, response: { 201: userSummary, ...errors } },
    },
    async (request, reply) => {
      const { user } = await createUser(context(request), request.body);
      return reply.status(201).send(toSummary(user));
    },
  );

  app.patch(
    '/api/users/:userId',
    {
      config: { permission: 'users:manage', personalData: 'write' },
      schema: {
        tags: ['users'],
        params: userParams,
        body: updateUserBody,
        response: { 200: userSummary, ...errors },
      },
    },
    async (request) =>
      toSummary((await updateUser(context(request), request.params.userId as string, request.body)).user),
  );

  for (const [verb, isDisabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/users/:userId/${verb}`,
      {
        config: { permission: 'users:manage', personalData: 'write' },
        schema: { tags: ['users'], params: userParams, response: { 200: userSummary, ...errors } },
      },
      async (request) =>
        toSummary(
          (await setUserDisabled(context(request), request.params.userId as string, isDisabled)).user,
        ),
    );
  }
}
