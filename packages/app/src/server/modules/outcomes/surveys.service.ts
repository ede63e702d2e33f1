import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, ne, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Answers, createSurveyBody, SurveyDetail, Wave } from '../../../contract/outcomes.ts';
import type { Actor } from '../../access/actor.ts';
import { inCaseScope } from '../../access/scope.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCaseInScope } from '../cases/cases.repository.ts';
import type { OutcomesContext } from './instruments.service.ts';
import {
  surveyIndicatorAnswers,
  surveyInstruments,
  surveyInstrumentVersions,
  surveys,
} from './outcomes.table.ts';
import { answerProblems, indicatorAnswerRows } from './survey.rules.ts';

/** 32 random bytes: 256 bits, far past guessing. Only its SHA-256 hash is stored. */
export function newSurveyToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** The link a person is sent: the token is in the fragment, which browsers never send to a server. */
export const surveyLink = (token: string) => `/s#${token}`;

const surveyColumns = {
  survey: surveys,
  instrumentName: surveyInstruments.name,
  instrumentVersion: surveyInstrumentVersions.version,
  content: surveyInstrumentVersions.content,
};
type SurveyRow = { survey: typeof surveys.$inferSelect; instrumentName: string; instrumentVersion: number };

function joined(db: Db, where: SQL | undefined) {
  return db
    .select(surveyColumns)
    .from(surveys)
    .innerJoin(surveyInstruments, eq(surveyInstruments.id, surveys.instrumentId))
    .innerJoin(surveyInstrumentVersions, eq(surveyInstrumentVersions.id, surveys.instrumentVersionId))
    .where(where);
}

function toSummary({ survey: s, instrumentName, instrumentVersion }: SurveyRow) {
  return {
    id: s.id,
    caseId: s.caseId,
    instrumentId: s.instrumentId,
    instrumentName,
    instrumentVersion,
    wave: s.wave as Wave,
    followUpNumber: s.wave === 'follow_up' ? s.followUpNumber : null,
    mode: s.mode as 'interviewer' | 'link',
    status: s.status as 'invited' | 'in_progress' | 'completed',
    invitedAt: s.invitedAt.toISOString(),
    linkExpiresAt: s.linkExpiresAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
  };
}
const toDetail = (row: SurveyRow & { content: SurveyDetail['content'] }): SurveyDetail => ({
  ...toSummary(row),
  content: row.content,
  answers: row.survey.answers,
});

const surveyScope = (actor: Actor) =>
  inCaseScope(actor, {
    organisationId: surveys.organisationId,
    siteId: surveys.siteId,
    caseId: surveys.caseId,
  });

export async function listCaseSurveys({ db, actor, clock, requestId }: OutcomesContext, caseId: string) {
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId);
    if (!found) throw notFound('case');
    const rows = await joined(tx, and(surveyScope(actor), eq(surveys.caseId, caseId))).orderBy(
      asc(surveys.invitedAt),
    );
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'survey.list',
        entityType: 'survey',
        entityIds: [caseId, ...rows.map((r) => r.survey.id)],
        siteId: found.case.siteId,
      },
    );
    return { items: rows.map(toSummary) };
  });
}

/** Gives a survey to a case: a published instrument version, one wave, by interviewer or by link. */
export async function createSurvey(
  { db, actor, clock, requestId }: OutcomesContext,
  caseId: string,
  body: z.infer<typeof createSurveyBody>,
) {
  if ((body.wave === 'follow_up') !== (body.followUpNumber !== null))
    throw validationFailed([
      {
        field: 'followUpNumber',
        message:
          body.wave === 'follow_up'
            ? 'Say which follow-up this is (1 for the first).'
            : 'Leave the follow-up number empty for this wave.',
      },
    ]);
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!found) throw notFound('case');
    const [version] = await tx
      .select()
      .from(surveyInstrumentVersions)
      .where(
        and(
          eq(surveyInstrumentVersions.id, body.instrumentVersionId),
          eq(surveyInstrumentVersions.organisationId, actor.organisationId),
        ),
      );
    if (version?.status !== 'published')
      throw validationFailed([
        { field: 'instrumentVersionId', message: 'Choose a published version of one of your instruments.' },
      ]);
    const followUpNumber = body.followUpNumber ?? 0;
    const [existing] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(
        and(
          eq(surveys.caseId, caseId),
          eq(surveys.instrumentId, version.instrumentId),
          eq(surveys.wave, body.wave),
          eq(surveys.followUpNumber, followUpNumber),
        ),
      );
    if (existing)
      throw conflict('This person already has this survey for that wave.', [
        { field: 'wave', message: 'Choose another wave, or open the survey already given.' },
      ]);
    const now = clock.now();
    const id = newId();
    const link = body.mode === 'link' ? newSurveyToken() : null;
    await tx.insert(surveys).values({
      id,
      organisationId: actor.organisationId,
      siteId: found.case.siteId,
      caseId,
      instrumentId: version.instrumentId,
      instrumentVersionId: version.id,
      wave: body.wave,
      followUpNumber,
      mode: body.mode,
      tokenHash: link?.hash ?? null,
      linkExpiresAt: link ? new Date(now.getTime() + body.linkDays * 86_400_000) : null,
      invitedOn: ukDateOf(now),
      invitedAt: now,
      invitedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'survey.create',
        entityType: 'survey',
        entityIds: [id, caseId],
        siteId: found.case.siteId,
        query: { wave: body.wave, mode: body.mode },
      },
    );
    const [row] = await joined(tx, eq(surveys.id, id));
    return { ...toDetail(row as never), link: link ? surveyLink(link.token) : null };
  });
}

async function surveyInScope(db: Db, actor: Actor, surveyId: string, forUpdate = false) {
  const query = joined(db, and(surveyScope(actor), eq(surveys.id, surveyId)));
  const [row] = forUpdate ? await query.for('update', { of: surveys }) : await query;
  if (!row) throw notFound('survey');
  return row;
}

export async function viewSurvey({ db, actor, clock, requestId }: OutcomesContext, surveyId: string) {
  return db.transaction(async (tx) => {
    const row = await surveyInScope(tx, actor, surveyId);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'survey.view',
        entityType: 'survey',
        entityIds: [surveyId, row.survey.caseId],
        siteId: row.survey.siteId,
      },
    );
    return toDetail(row);
  });
}

/** A fresh link for a survey not yet completed (the old one stops working). */
export async function reissueLink(
  { db, actor, clock, requestId }: OutcomesContext,
  surveyId: string,
  linkDays = 14,
) {
  return db.transaction(async (tx) => {
    const row = await surveyInScope(tx, actor, surveyId, true);
    if (row.survey.status === 'completed')
      throw conflict('This survey has been submitted; it needs no link.');
    const link = newSurveyToken();
    const now = clock.now();
    await tx
      .update(surveys)
      .set({
        mode: 'link',
        tokenHash: link.hash,
        linkExpiresAt: new Date(now.getTime() + linkDays * 86_400_000),
        updatedAt: now,
      })
      .where(eq(surveys.id, surveyId));
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'survey.link',
        entityType: 'survey',
        entityIds: [surveyId, row.survey.caseId],
        siteId: row.survey.siteId,
      },
    );
    const [updated] = await joined(tx, eq(surveys.id, surveyId));
    return { ...toDetail(updated as never), link: surveyLink(link.token) };
  });
}

/**
 * Saves answers and, on submission, completes the survey exactly once: the conditional UPDATE
 * (`status <> 'completed'`) is the guard, so of two submissions at the same moment one updates the
 * row and the other finds nothing to update; the unique (survey, indicator) key backs it up.
 */
async function storeAnswers(
  tx: Db,
  clock: Clock,
  where: SQL,
  row: SurveyRow & { content: SurveyDetail['content'] },
  answers: Answers,
  submit: boolean,
) {
  const problems = answerProblems(row.content, answers, { isSubmitting: submit });
  if (problems.length > 0) throw validationFailed(problems);
  const now = clock.now();
  const updated = await tx
    .update(surveys)
    .set({
      answers,
      status: submit ? 'completed' : 'in_progress',
      updatedAt: now,
      ...(submit ? { completedAt: now, tokenHash: null } : {}),
    })
    .where(and(where, ne(surveys.status, 'completed')))
    .returning({ id: surveys.id });
  if (updated.length === 0) return false;
  if (submit) {
    const s = row.survey;
    const rows = indicatorAnswerRows(row.content, answers);
    if (rows.length > 0)
      await tx.insert(surveyIndicatorAnswers).values(
        rows.map((r) => ({
          ...r,
          surveyId: s.id,
          organisationId: s.organisationId,
          siteId: s.siteId,
          caseId: s.caseId,
          instrumentId: s.instrumentId,
          wave: s.wave,
          invitedOn: s.invitedOn,
          completedAt: now,
        })),
      );
  }
  return true;
}

/** An interviewer's entry (by phone or face to face). */
export async function saveInterviewAnswers(
  { db, actor, clock, requestId }: OutcomesContext,
  surveyId: string,
  body: { answers: Answers; submit: boolean },
) {
  return db.transaction(async (tx) => {
    const row = await surveyInScope(tx, actor, surveyId, true);
    if (row.survey.status === 'completed')
      throw conflict('This survey has been submitted and can no longer change.');
    const stored = await storeAnswers(tx, clock, eq(surveys.id, surveyId), row, body.answers, body.submit);
    if (!stored) throw conflict('This survey has been submitted and can no longer change.');
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: body.submit ? 'survey.submit' : 'survey.answers.save',
        entityType: 'survey',
        entityIds: [surveyId, row.survey.caseId],
        siteId: row.survey.siteId,
        query: { answered: Object.keys(body.answers).length },
      },
    );
    const [updated] = await joined(tx, eq(surveys.id, surveyId));
    return toDetail(updated as never);
  });
}

/* ---- Self-completion by link: no account, the token is the only key. ---- */

export type RespondContext = { db: Db; clock: Clock; requestId: string };

/** The open survey a token opens, or null — unknown, used and expired tokens look the same. */
async function surveyForToken(db: Db, clock: Clock, token: string, forUpdate = false) {
  const where = and(
    eq(surveys.tokenHash, hashToken(token)),
    ne(surveys.status, 'completed'),
    gt(surveys.linkExpiresAt, clock.now()),
  ) as SQL;
  const query = joined(db, where);
  const [row] = forUpdate ? await query.for('update', { of: surveys }) : await query;
  return row ? { row, where } : null;
}

const respondentAudit = (row: SurveyRow, action: string) => ({
  actor: { organisationId: row.survey.organisationId, userId: null, role: 'system' as const },
  entry: {
    action,
    entityType: 'survey',
    entityIds: [row.survey.id, row.survey.caseId],
    siteId: row.survey.siteId,
  },
});

export async function openByToken({ db, clock, requestId }: RespondContext, token: string) {
  return db.transaction(async (tx) => {
    const found = await surveyForToken(tx, clock, token);
    if (!found) return null;
    const { actor, entry } = respondentAudit(found.row, 'survey.respondent.open');
    await recordAudit(tx, { actor, clock, requestId }, entry);
    const { content, survey } = found.row;
    return {
      name: content.name,
      introduction: content.introduction,
      items: content.items,
      answers: survey.answers,
      expiresAt: (survey.linkExpiresAt as Date).toISOString(),
    };
  });
}

/** Saves progress (submit false) or submits (true). Null when the token opens nothing. */
export async function answerByToken(
  { db, clock, requestId }: RespondContext,
  token: string,
  answers: Answers,
  submit: boolean,
) {
  return db.transaction(async (tx) => {
    const found = await surveyForToken(tx, clock, token, true);
    if (!found) return null;
    const stored = await storeAnswers(tx, clock, found.where, found.row, answers, submit);
    if (!stored) return null;
    const { actor, entry } = respondentAudit(
      found.row,
      submit ? 'survey.respondent.submit' : 'survey.respondent.save',
    );
    await recordAudit(tx, { actor, clock, requestId }, entry);
    return { ok: true as const };
  });
}
