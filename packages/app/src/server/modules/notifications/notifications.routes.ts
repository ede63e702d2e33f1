import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';

export function registerNotificationsRoutes(_fastify: FastifyInstance, _deps: AppDeps): void {}
