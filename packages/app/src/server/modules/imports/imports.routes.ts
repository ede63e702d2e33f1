import fastifyMultipart from '@fastify/multipart';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponse } from '../../../contract/errors.ts';
import {
  importParams,
  importProblemsShown,
  importProgress,
  importStarted,
  type MdsFile,
  maxImportFileBytes,
  mdsFiles,
  siteImportParams,
} from '../../../contract/imports.ts';
import type { Actor } from '../../access/actor.ts';
import { actorOf } from '../../access/authenticate.ts';
import type { AppDeps } from '../../app-deps.ts';
import { isDatabaseUnavailable } from '../../db/database-errors.ts';
import { AppError, notFound, serviceUnavailable, validationFailed } from '../../http/app-error.ts';
import { findSiteInScope } from '../sites/sites.repository.ts';
import { chunkedStream, countDataLines } from './csv-reader.ts';
import { createImportJobs, type ImportJobs } from './import-jobs.ts';
import { importMds } from './mds-import.service.ts';

type Upload = { name: string; bytes: Buffer };

const maxMegabytes = Math.round(maxImportFileBytes / 1024 / 1024);

/**
 * The two files of an MDS import, read whole from a multipart/form-data body (fields `referrals` and
 * `contacts`). Anything else in the body is refused, naming the field.
 */
async function readUploads(request: FastifyRequest): Promise<Record<MdsFile, Upload>> {
  const uploads: Partial<Record<MdsFile, Upload>> = {};
  const unexpected: string[] = [];
  try {
    for await (const part of request.parts()) {
      const field = part.fieldname as MdsFile;
      if (part.type === 'file' && mdsFiles.includes(field) && !uploads[field]) {
        const bytes = await part.toBuffer();
        // The name is kept for the audit trail only: no control characters, not too long.
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
        const name = (part.filename || `${field}.csv`).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200);
        uploads[field] = { name, bytes };
      } else {
        if (part.type === 'file') await part.toBuffer();
        unexpected.push(part.fieldname);
      }
    }
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413)
      throw new AppError('body_too_large', 413, `Each file may be up to ${maxMegabytes} MB.`);
    if (error instanceof AppError) throw error;
    throw validationFailed([{ field: '(root)', message: 'Send the two files as multipart/form-data.' }]);
  }
  const problems = [
    ...mdsFiles
      .filter((file) => !uploads[file] || uploads[file].bytes.length === 0)
      .map((file) => ({
        field: file,
        message: uploads[file]
          ? `The ${file} file is empty. Choose the data set's ${file} file.`
          : `Choose the ${file} file (CSV).`,
      })),
    ...unexpected.map((field) => ({
      field,
      message: 'Unknown field: send only the referrals and contacts files.',
    })),
  ];
  if (problems.length > 0) throw validationFailed(problems);
  return uploads as Record<MdsFile, Upload>;
}

const busy = () => serviceUnavailable('service_unavailable', 30);

/** Runs an accepted import to the end, recording its progress; never throws. */
async function runImport(
  { db, clock, jobs, log }: Pick<AppDeps, 'db' | 'clock'> & { jobs: ImportJobs; log: FastifyBaseLogger },
  job: {
    id: string;
    actor: Actor;
    requestId: string;
    site: { id: string; organisationId: string; name: string };
  },
  uploads: Record<MdsFile, Upload>,
): Promise<void> {
  try {
    const result = await importMds({
      db,
      clock,
      site: job.site,
      files: {
        referrals: { name: uploads.referrals.name, open: () => chunkedStream(uploads.referrals.bytes) },
        contacts: { name: uploads.contacts.name, open: () => chunkedStream(uploads.contacts.bytes) },
      },
      audit: {
        actor: { organisationId: job.actor.organisationId, userId: job.actor.userId, role: job.actor.role },
        requestId: job.requestId,
      },
      maxErrors: importProblemsShown,
      onProgress: (progress) => jobs.update(job.id, progress),
    });
    jobs.update(
      job.id,
      result.ok
        ? { phase: 'done', rowsRead: result.rowsRead, counts: result.counts }
        : {
            phase: 'failed',
            rowsRead: result.rowsRead,
            errors: result.errors,
            errorCount: result.errorCount,
          },
    );
  } catch (error) {
    // As the error handler does: the kind of failure, never its message (it can quote the data).
    log.error(
      {
        importId: job.id,
        failure: { type: (error as Error).name, code: (error as { code?: unknown }).code },
      },
      'import failed',
    );
    jobs.update(job.id, {
      phase: 'failed',
      message: isDatabaseUnavailable(error)
        ? 'The database could not be reached, so nothing was saved. Try again shortly.'
        : 'The import stopped because of a problem on our side, so nothing was saved. It has been logged. Try again.',
    });
  }
}

export function registerImportRoutes(fastify: FastifyInstance, { db, clock }: AppDeps): void {
  const jobs = createImportJobs({ clock });
  const errors = {
    400: errorResponse,
    401: errorResponse,
    403: errorResponse,
    404: errorResponse,
    413: errorResponse,
    503: errorResponse,
  };

  // Multipart bodies are accepted only here; every other route still takes JSON of at most 256 KiB.
  void fastify.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      limits: { fileSize: maxImportFileBytes, files: 4, fields: 4, parts: 8 },
    });
    const app = scope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/api/sites/:siteId/imports/mds',
      {
        config: { permission: 'imports:run', personalData: 'write' },
        schema: {
          tags: ['imports'],
          summary: 'Import the NHS England monthly data set (MDS) for a site',
          description: `A multipart/form-data body with two CSV files, \`referrals\` and \`contacts\` (each up to ${maxMegabytes} MB). Answers 202 with the import's id at once; poll GET /api/imports/{importId} for its progress and result.`,
          consumes: ['multipart/form-data'],
          params: siteImportParams,
          response: { 202: importStarted, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const site = await findSiteInScope(db, actor, request.params.siteId as string);
        if (!site) throw notFound('site');
        if (!request.isMultipart())
          throw validationFailed(
            mdsFiles.map((file) => ({ field: file, message: `Choose the ${file} file (CSV).` })),
          );
        const uploads = await readUploads(request);
        const job = jobs.start(actor.userId, site.id);
        if (!job) throw busy();
        jobs.update(job.id, {
          rowsTotal: countDataLines(uploads.referrals.bytes) + countDataLines(uploads.contacts.bytes),
        });
        void runImport(
          { db, clock, jobs, log: request.log },
          { id: job.id, actor, requestId: request.id, site },
          uploads,
        );
        return reply.status(202).send({ id: job.id });
      },
    );

    app.get(
      '/api/imports/:importId',
      {
        // The progress holds counts and line-numbered problems with the uploaded files, no record.
        config: { permission: 'imports:run' },
        schema: {
          tags: ['imports'],
          summary: 'The progress and result of an import you started',
          params: importParams,
          response: { 200: importProgress, ...errors },
        },
      },
      async (request) => {
        const progress = jobs.find(request.params.importId as string, actorOf(request).userId);
        if (!progress) throw notFound('import');
        return progress;
      },
    );
  });
}
