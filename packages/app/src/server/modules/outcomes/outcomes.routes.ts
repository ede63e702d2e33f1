import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, okResponse } from '../../../contract/common.ts';
import { errorResponse } from '../../../contract/errors.ts';
import {
  caseSurveysResponse,
  createdSurveyResponse,
  createInstrumentBody,
  createSurveyBody,
  indicatorOptionsResponse,
  instrumentDetail,
  instrumentsResponse,
  outcomesAnalysisQuery,
  outcomesAnalysisResponse,
  respondBody,
  respondSaveBody,
  respondSurvey,
  saveAnswersBody,
  surveyDetail,
  templatesResponse,
  updateDraftBody,
} from '../../../contract/outcomes.ts';
import { requestContext } from '../../access/request-context.ts';
import type { AppDeps } from '../../app-deps.ts';
import { AppError, tooManyRequests } from '../../http/app-error.ts';
import { indicatorOptions, outcomesAnalysis } from './analysis.service.ts';
import {
  createInstrument,
  listInstruments,
  listTemplates,
  publishDraft,
  updateDraft,
  viewInstrument,
} from './instruments.service.ts';
import {
  answerByToken,
  createSurvey,
  listCaseSurveys,
  openByToken,
  reissueLink,
  saveInterviewAnswers,
  viewSurvey,
} from './surveys.service.ts';

const errors = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};
export const instrumentParams = idParams('instrumentId');
export const surveyParams = idParams('surveyId');
export const caseParams = idParams('caseId');
export const reissueLinkBody = z.strictObject({ linkDays: z.number().int().min(1).max(60).default(14) });

/** The one answer for a token that opens nothing: unknown, used and expired look the same. */
const noSuchLink = () =>
  new AppError('not_found', 404, 'This link does not open a survey. It may have been used or have expired.');

export function registerOutcomesRoutes(fastify: FastifyInstance, { db, clock, throttles }: AppDeps): void {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const context = (request: FastifyRequest) => requestContext({ db, clock }, request);
  const tags = ['outcomes'];

  // Instruments (aggregate configuration, no personal data).
  app.get(
    '/api/outcomes/templates',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        description: 'The shipped survey templates an organisation may copy',
        response: { 200: templatesResponse, ...errors },
      },
    },
    async () => listTemplates(),
  );
  app.get(
    '/api/outcomes/instruments',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, response: { 200: instrumentsResponse, ...errors } },
    },
    async (request) => listInstruments(context(request)),
  );
  app.post(
    '/api/outcomes/instruments',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, body: createInstrumentBody, response: { 201: instrumentDetail, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createInstrument(context(request), request.body)),
  );
  app.get(
    '/api/outcomes/instruments/:instrumentId',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, params: instrumentParams, response: { 200: instrumentDetail, ...errors } },
    },
    async (request) => viewInstrument(context(request), request.params.instrumentId as string),
  );
  app.put(
    '/api/outcomes/instruments/:instrumentId/draft',
    {
      config: { permission: 'surveys:manage' },
      schema: {
        tags,
        description: 'Edits the draft; editing a published version makes the next version as a draft.',
        params: instrumentParams,
        body: updateDraftBody,
        response: { 200: instrumentDetail, ...errors },
      },
    },
    async (request) => updateDraft(context(request), request.params.instrumentId as string, request.body),
  );
  app.post(
    '/api/outcomes/instruments/:instrumentId/publish',
    {
      config: { permission: 'surveys:manage' },
      schema: { tags, params: instrumentParams, response: { 200: instrumentDetail, ...errors } },
    },
    async (request) => publishDraft(context(request), request.params.instrumentId as string),
  );

  // Giving surveys and reading answers (personal data: scoped to the case, audited).
  app.get(
    '/api/surveys/instruments',
    {
      config: { permission: 'surveys:administer' },
      schema: {
        tags,
        description: 'Published instruments a survey can be given from',
        response: { 200: instrumentsResponse, ...errors },
      },
    },
    async (request) => listInstruments(context(request), { onlyPublished: true }),
  );
  app.get(
    '/api/cases/:caseId/surveys',
    {
      config: { permission: 'surveys:administer', personalData: 'read' },
      schema: { tags, params: caseParams, response: { 200: caseSurveysResponse, ...errors } },
    },
    async (request) => listCaseSurveys(context(request), request.params.caseId as string),
  );
  app.post(
    '/api/cases/:caseId/surveys',
    {
      config: { permission: 'surveys:administer', personalData: 'write' },
      schema: {
        tags,
        params: caseParams,
        body: createSurveyBody,
        response: { 201: createdSurveyResponse, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createSurvey(context(request), request.params.caseId as string, request.body)),
  );
  app.get(
    '/api/surveys/:surveyId',
    {
      config: { permission: 'surveys:administer', personalData: 'read' },
      schema: { tags, params: surveyParams, response: { 200: surveyDetail, ...errors } },
    },
    async (request) => viewSurvey(context(request), request.params.surveyId as string),
  );
  app.put(
    '/api/surveys/:surveyId/answers',
    {
      config: { permission: 'surveys:administer', personalData: 'write' },
      schema: {
        tags,
        description: 'An interviewer saves answers; submit: true completes the survey, once.',
        params: surveyParams,
        body: saveAnswersBody,
        response: { 200: surveyDetail, ...errors },
      },
    },
    async (request) =>
      saveInterviewAnswers(context(request), request.params.surveyId as string, request.body),
  );
  app.post(
    '/api/surveys/:surveyId/link',
    {
      config: { permission: 'surveys:administer', personalData: 'write' },
      schema: {
        tags,
        description: 'A new single-use link (the old one stops working), shown once.',
        params: surveyParams,
        body: reissueLinkBody,
        response: { 200: createdSurveyResponse, ...errors },
      },
    },
    async (request) =>
      reissueLink(context(request), request.params.surveyId as string, request.body.linkDays),
  );

  // Analysis (aggregates; evaluators see counts from 1 to 7 suppressed).
  app.get(
    '/api/outcomes/analysis',
    {
      config: { permission: 'outcomes:read' },
      schema: {
        tags,
        querystring: outcomesAnalysisQuery,
        response: { 200: outcomesAnalysisResponse, ...errors },
      },
    },
    async (request) => outcomesAnalysis(context(request), request.query),
  );

  app.get(
    '/api/outcomes/indicators',
    {
      config: { permission: 'outcomes:read' },
      schema: {
        tags,
        description: 'Published instruments and their indicators, for the analysis and impact-map pickers',
        response: { 200: indicatorOptionsResponse, ...errors },
      },
    },
    async (request) => indicatorOptions(context(request)),
  );

  /*
   * Self-completion by link. Public: the token is the only key, sent in the body (the page reads it
   * from the URL fragment), so it never reaches a URL, a log line or a Referer header. Bad tokens
   * are slowed down per network address.
   */
  const respondErrors = { 400: errorResponse, 404: errorResponse, 429: errorResponse };
  const guarded = async <T>(ip: string, run: () => Promise<T | null>): Promise<T> => {
    const key = `respond:${ip}`;
    const wait = throttles.network.retryAfterSeconds(key);
    if (wait > 0) throw tooManyRequests(wait);
    const result = await run();
    if (result === null) {
      throttles.network.recordFailure(key);
      throw noSuchLink();
    }
    return result;
  };
  app.post(
    '/api/respond/open',
    {
      config: { isPublic: true },
      schema: { tags: ['respond'], body: respondBody, response: { 200: respondSurvey, ...respondErrors } },
    },
    async (request) =>
      guarded(request.ip, () => openByToken({ db, clock, requestId: request.id }, request.body.token)),
  );
  app.put(
    '/api/respond/answers',
    {
      config: { isPublic: true },
      schema: { tags: ['respond'], body: respondSaveBody, response: { 200: okResponse, ...respondErrors } },
    },
    async (request) =>
      guarded(request.ip, () =>
        answerByToken({ db, clock, requestId: request.id }, request.body.token, request.body.answers, false),
      ),
  );
  app.post(
    '/api/respond/submit',
    {
      config: { isPublic: true },
      schema: { tags: ['respond'], body: respondSaveBody, response: { 200: okResponse, ...respondErrors } },
    },
    async (request) =>
      guarded(request.ip, () =>
        answerByToken({ db, clock, requestId: request.id }, request.body.token, request.body.answers, true),
      ),
  );
}
