import { and, eq } from 'drizzle-orm';
import type { Answers, InstrumentContent, Wave } from '../../contract/outcomes.ts';
import { ukDateOf } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { cases } from '../modules/cases/cases.table.ts';
import {
  surveyIndicatorAnswers,
  surveyInstruments,
  surveyInstrumentVersions,
  surveys,
} from '../modules/outcomes/outcomes.table.ts';
import { indicatorAnswerRows, isIndicator } from '../modules/outcomes/survey.rules.ts';
import { findTemplate, templateContent, templateId } from '../modules/outcomes/templates/template.ts';
import { seededRandom } from './demo-random.ts';

const day = 86_400_000;
type Random = ReturnType<typeof seededRandom>;

/** A plausible answer to one indicator: "before" lower than "now" more often than not (reverse-keyed items the other way). */
function answerFor(content: InstrumentContent, random: Random, isRetrospective: boolean): Answers {
  const answers: Answers = {};
  for (const item of content.items) {
    if (isIndicator(item)) {
      const levels = item.type === 'scale' ? 11 : item.ranks.length;
      const before = random.int(0, Math.max(0, Math.round(levels * 0.6) - 1));
      const step = random.weighted([
        [-1, 2],
        [0, 3],
        [1, 3],
        [2, 3],
        [3, 1],
      ] as const);
      const now = Math.min(levels - 1, Math.max(0, before + step * (item.type === 'scale' ? 2 : 1)));
      const value = (position: number) =>
        item.type === 'scale'
          ? item.isReverseKeyed
            ? 10 - position
            : position
          : random.next() < 0.04 && item.unranked[0]
            ? item.unranked[0]
            : (item.ranks[position] as string);
      answers[item.key] =
        item.isRetrospective && isRetrospective ? { before: value(before), now: value(now) } : value(now);
    } else if (item.type === 'attribution')
      answers[item.key] = random.weighted([
        ['not_at_all', 1],
        ['a_little', 2],
        ['some', 3],
        ['quite_a_lot', 4],
        ['completely', 2],
        ['no_change', 2],
      ] as const);
    else if (item.type === 'counterfactual')
      answers[item.key] = random.weighted([
        ['worsened_significantly', 2],
        ['worsened_slightly', 3],
        ['stayed_the_same', 5],
        ['improved_slightly', 1],
        ['improved_significantly', 0.3],
      ] as const);
  }
  return answers;
}

/**
 * The demo's survey data: the shipped service-user survey, peer-supporter survey and ONS4, copied and
 * published; a retrospective service-user interview for about half of each site's engaged cases, and
 * ONS4 at baseline and a follow-up for others, some invited but not yet answered. Fixed seed.
 */
export async function seedDemoOutcomes(
  db: Db,
  { organisationId, createdBy, now }: { organisationId: string; createdBy: string; now: Date },
): Promise<void> {
  const random = seededRandom(20181023);
  const versionOf = new Map<
    string,
    { instrumentId: string; versionId: string; content: InstrumentContent }
  >();
  for (const key of ['service_user_survey', 'peer_supporter_survey', 'ons4']) {
    const template = findTemplate(key);
    if (!template) continue;
    const content = templateContent(template);
    const instrumentId = newId();
    const versionId = newId();
    const publishedAt = new Date(now.getTime() - 400 * day);
    await db.insert(surveyInstruments).values({
      id: instrumentId,
      organisationId,
      name: content.name,
      templateKey: templateId(template),
      createdAt: publishedAt,
    });
    await db.insert(surveyInstrumentVersions).values({
      id: versionId,
      instrumentId,
      organisationId,
      version: 1,
      status: 'published',
      content,
      createdAt: publishedAt,
      publishedAt,
    });
    versionOf.set(key, { instrumentId, versionId, content });
  }
  const serviceUser = versionOf.get('service_user_survey');
  const ons4 = versionOf.get('ons4');
  if (!serviceUser || !ons4) return;

  const engaged = await db
    .select({ id: cases.id, siteId: cases.siteId, referredOn: cases.referredOn })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), eq(cases.engagement, 'engaged')))
    .orderBy(cases.localCaseId);
  const surveyRows: (typeof surveys.$inferInsert)[] = [];
  const answerRows: (typeof surveyIndicatorAnswers.$inferInsert)[] = [];
  const add = (
    c: (typeof engaged)[number],
    instrument: { instrumentId: string; versionId: string; content: InstrumentContent },
    wave: Wave,
    daysAfterReferral: number,
    isCompleted: boolean,
  ) => {
    const invitedAt = new Date(
      Math.min(now.getTime() - day, Date.parse(c.referredOn) + daysAfterReferral * day),
    );
    const completedAt = new Date(Math.min(now.getTime(), invitedAt.getTime() + random.int(0, 5) * day));
    const answers = isCompleted ? answerFor(instrument.content, random, wave === 'retrospective') : {};
    const id = newId();
    const row = {
      id,
      organisationId,
      siteId: c.siteId,
      caseId: c.id,
      instrumentId: instrument.instrumentId,
      instrumentVersionId: instrument.versionId,
      wave,
      followUpNumber: wave === 'follow_up' ? 1 : 0,
      mode: random.next() < 0.5 ? 'link' : 'interviewer',
      status: isCompleted ? 'completed' : 'invited',
      answers,
      invitedOn: ukDateOf(invitedAt),
      invitedAt,
      invitedBy: createdBy,
      completedAt: isCompleted ? completedAt : null,
      updatedAt: isCompleted ? completedAt : invitedAt,
    };
    surveyRows.push(row);
    if (isCompleted)
      for (const r of indicatorAnswerRows(instrument.content, answers))
        answerRows.push({
          ...r,
          surveyId: id,
          organisationId,
          siteId: c.siteId,
          caseId: c.id,
          instrumentId: instrument.instrumentId,
          wave,
          invitedOn: row.invitedOn,
          completedAt,
        });
  };
  for (const c of engaged) {
    const roll = random.next();
    const daysKnown = (now.getTime() - Date.parse(c.referredOn)) / day;
    if (roll < 0.5) {
      if (daysKnown > 30) add(c, serviceUser, 'retrospective', random.int(30, 90), random.next() < 0.8);
    } else if (roll < 0.85) {
      add(c, ons4, 'baseline', random.int(0, 7), true);
      if (daysKnown > 60) add(c, ons4, 'follow_up', random.int(60, 120), random.next() < 0.7);
    }
  }
  for (let i = 0; i < surveyRows.length; i += 500)
    await db.insert(surveys).values(surveyRows.slice(i, i + 500));
  for (let i = 0; i < answerRows.length; i += 500)
    await db.insert(surveyIndicatorAnswers).values(answerRows.slice(i, i + 500));
}
