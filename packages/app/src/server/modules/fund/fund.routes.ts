import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';

export function registerFundRoutes(_fastify: FastifyInstance, _deps: AppDeps): void {}
