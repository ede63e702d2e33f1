import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../contract/common.ts';
import { notificationsResponse } from '../../../contract/notifications.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { caseErrors } from '../cases/cases.routes.ts';
import { listOwnNotifications, markNotificationRead } from './notifications.service.ts';

export function registerNotificationsRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['me'];

  app.get(
    '/api/me/notifications',
    {
      config: { permission: 'own_account' },
      schema: { tags, response: { 200: notificationsResponse, ...caseErrors } },
    },
    async (request) => listOwnNotifications(db, actorOf(request)),
  );

  app.post(
    '/api/me/notifications/:notificationId/read',
    {
      config: { permission: 'own_account' },
      schema: { tags, params: idParams('notificationId'), response: { 200: okResponse, ...caseErrors } },
    },
    async (request) =>
      markNotificationRead(db, actorOf(request), clock, request.params.notificationId as string),
  );
}
