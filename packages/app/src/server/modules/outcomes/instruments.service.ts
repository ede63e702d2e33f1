import { and, asc, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createInstrumentBody,
  InstrumentContent,
  InstrumentDetail,
  InstrumentSummary,
} from '../../../contract/outcomes.ts';
import type { Actor } from '../../access/actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { surveyInstruments, surveyInstrumentVersions } from './outcomes.table.ts';
import { instrumentProblems } from './survey.rules.ts';
import { findTemplate, surveyTemplates, templateContent, templateId } from './templates/template.ts';

export type OutcomesContext = { db: Db; actor: Actor; clock: Clock; requestId: string };
type VersionRow = typeof surveyInstrumentVersions.$inferSelect;

export function listTemplates() {
  return {
    items: surveyTemplates.map((t) => {
      const content = templateContent(t);
      return {
        key: templateId(t),
        templateVersion: t.templateVersion,
        name: content.name,
        citation: content.citation,
        licence: t.licence,
        itemCount: content.items.length,
      };
    }),
  };
}

function summaryOf(
  instrument: typeof surveyInstruments.$inferSelect,
  versions: VersionRow[],
): InstrumentSummary {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const published = sorted.find((v) => v.status === 'published');
  return {
    id: instrument.id,
    name: instrument.name,
    templateKey: instrument.templateKey,
    latestVersion: sorted[0]?.version ?? 0,
    publishedVersion: published ? { id: published.id, version: published.version } : null,
    hasDraft: sorted.some((v) => v.status === 'draft'),
  };
}

async function versionsOf(db: Db, organisationId: string, instrumentIds?: string[]) {
  const rows = await db
    .select()
    .from(surveyInstrumentVersions)
    .where(eq(surveyInstrumentVersions.organisationId, organisationId))
    .orderBy(asc(surveyInstrumentVersions.version));
  return instrumentIds ? rows.filter((r) => instrumentIds.includes(r.instrumentId)) : rows;
}

/** Every instrument of the actor's organisation; `onlyPublished` for people who give surveys. */
export async function listInstruments({ db, actor }: OutcomesContext, { onlyPublished = false } = {}) {
  const instruments = await db
    .select()
    .from(surveyInstruments)
    .where(eq(surveyInstruments.organisationId, actor.organisationId))
    .orderBy(asc(surveyInstruments.name));
  const versions = await versionsOf(db, actor.organisationId);
  const items = instruments
    .map((i) =>
      summaryOf(
        i,
        versions.filter((v) => v.instrumentId === i.id),
      ),
    )
    .filter((s) => !onlyPublished || s.publishedVersion !== null);
  return { items };
}

export async function findInstrument(db: Db, organisationId: string, instrumentId: string) {
  const [instrument] = await db
    .select()
    .from(surveyInstruments)
    .where(and(eq(surveyInstruments.id, instrumentId), eq(surveyInstruments.organisationId, organisationId)));
  return instrument;
}

function toDetail(
  instrument: typeof surveyInstruments.$inferSelect,
  versions: VersionRow[],
): InstrumentDetail {
  return {
    ...summaryOf(instrument, versions),
    versions: [...versions]
      .sort((a, b) => b.version - a.version)
      .map((v) => ({
        id: v.id,
        version: v.version,
        status: v.status as 'draft' | 'published',
        content: v.content,
        publishedAt: v.publishedAt?.toISOString() ?? null,
        createdAt: v.createdAt.toISOString(),
      })),
  };
}

export async function viewInstrument({ db, actor }: OutcomesContext, instrumentId: string) {
  const instrument = await findInstrument(db, actor.organisationId, instrumentId);
  if (!instrument) throw notFound('instrument');
  return toDetail(instrument, await versionsOf(db, actor.organisationId, [instrumentId]));
}

function checkContent(content: InstrumentContent) {
  const problems = instrumentProblems(content);
  if (problems.length > 0) throw validationFailed(problems);
}

/** A new instrument, as a first draft: from a shipped template (copied, so later edits are the organisation's) or written from scratch. */
export async function createInstrument(
  { db, actor, clock, requestId }: OutcomesContext,
  body: z.infer<typeof createInstrumentBody>,
) {
  let content: InstrumentContent;
  let templateKey: string | null = null;
  if ('templateKey' in body) {
    const template = findTemplate(body.templateKey);
    if (!template)
      throw validationFailed([{ field: 'templateKey', message: 'Choose one of the shipped templates.' }]);
    content = templateContent(template);
    templateKey = templateId(template);
  } else content = body.content;
  checkContent(content);
  return db.transaction(async (tx) => {
    const now = clock.now();
    const id = newId();
    await tx
      .insert(surveyInstruments)
      .values({ id, organisationId: actor.organisationId, name: content.name, templateKey, createdAt: now });
    await tx.insert(surveyInstrumentVersions).values({
      id: newId(),
      instrumentId: id,
      organisationId: actor.organisationId,
      version: 1,
      status: 'draft',
      content,
      createdAt: now,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'instrument.create',
        entityType: 'survey_instrument',
        entityIds: [id],
        query: { templateKey },
      },
    );
    return toDetail(
      (await findInstrument(tx, actor.organisationId, id)) as typeof surveyInstruments.$inferSelect,
      await versionsOf(tx, actor.organisationId, [id]),
    );
  });
}

/**
 * Saves an edit. A draft is edited in place; a published version never changes, so editing it makes
 * the next version as a draft. `basedOnVersion` must be the newest version, so two editors cannot
 * silently overwrite each other.
 */
export async function updateDraft(
  { db, actor, clock, requestId }: OutcomesContext,
  instrumentId: string,
  body: { content: InstrumentContent; basedOnVersion: number },
) {
  checkContent(body.content);
  return db.transaction(async (tx) => {
    const [instrument] = await tx
      .select()
      .from(surveyInstruments)
      .where(
        and(
          eq(surveyInstruments.id, instrumentId),
          eq(surveyInstruments.organisationId, actor.organisationId),
        ),
      )
      .for('update');
    if (!instrument) throw notFound('instrument');
    const [latest] = await tx
      .select()
      .from(surveyInstrumentVersions)
      .where(eq(surveyInstrumentVersions.instrumentId, instrumentId))
      .orderBy(desc(surveyInstrumentVersions.version))
      .limit(1);
    if (!latest || latest.version !== body.basedOnVersion)
      throw conflict('Someone else has changed this instrument. Reload it and make your edit again.', [
        { field: 'basedOnVersion', message: `Edit version ${latest?.version ?? 1}, the newest.` },
      ]);
    const now = clock.now();
    if (latest.status === 'draft')
      await tx
        .update(surveyInstrumentVersions)
        .set({ content: body.content, createdAt: now })
        .where(eq(surveyInstrumentVersions.id, latest.id));
    else
      await tx.insert(surveyInstrumentVersions).values({
        id: newId(),
        instrumentId,
        organisationId: actor.organisationId,
        version: latest.version + 1,
        status: 'draft',
        content: body.content,
        createdAt: now,
      });
    await tx
      .update(surveyInstruments)
      .set({ name: body.content.name })
      .where(eq(surveyInstruments.id, instrumentId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'instrument.edit', entityType: 'survey_instrument', entityIds: [instrumentId] },
    );
    return toDetail(
      { ...instrument, name: body.content.name },
      await versionsOf(tx, actor.organisationId, [instrumentId]),
    );
  });
}

/** Publishes the draft: from now on it is read-only and surveys can be given from it. */
export async function publishDraft({ db, actor, clock, requestId }: OutcomesContext, instrumentId: string) {
  return db.transaction(async (tx) => {
    const instrument = await findInstrument(tx, actor.organisationId, instrumentId);
    if (!instrument) throw notFound('instrument');
    const published = await tx
      .update(surveyInstrumentVersions)
      .set({ status: 'published', publishedAt: clock.now() })
      .where(
        and(
          eq(surveyInstrumentVersions.instrumentId, instrumentId),
          eq(surveyInstrumentVersions.status, 'draft'),
        ),
      )
      .returning({ id: surveyInstrumentVersions.id });
    if (published.length === 0)
      throw conflict('There is no draft to publish: the newest version is already published.');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'instrument.publish', entityType: 'survey_instrument', entityIds: [instrumentId] },
    );
    return toDetail(instrument, await versionsOf(tx, actor.organisationId, [instrumentId]));
  });
}
