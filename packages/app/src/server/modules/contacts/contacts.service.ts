import type { ContactOutcome, ContactType, OtherContactKind } from '../../../contract/case-codes.ts';
import type { Contact, CreateContactBody } from '../../../contract/cases.ts';
import type { Actor } from '../../access/actor.ts';
import { can } from '../../access/role-permissions.ts';
import { ukDateOf } from '../../clock.ts';
import { newId } from '../../db/ids.ts';
import { notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { contactDateProblem } from '../cases/case.rules.ts';
import { findCaseInScope, findEligibleWorkers } from '../cases/cases.repository.ts';
import type { CaseServiceContext } from '../cases/cases.service.ts';
import { type ContactRow, insertContact, listContactsOfCase } from './contacts.repository.ts';

/** A note is shown to people whose role may read notes, and to the person who wrote it. */
function toContact(row: ContactRow, actor: Actor): Contact {
  const mayReadNote = can(actor.role, 'contact_notes:read') || row.madeByUserId === actor.userId;
  return {
    id: row.id,
    caseId: row.caseId,
    contactedAt: row.contactedAt.toISOString(),
    contactedOn: row.contactedOn,
    type: row.type as ContactType,
    otherKind: row.otherKind as OtherContactKind | null,
    outcome: row.outcome as ContactOutcome,
    madeBy:
      row.madeByUserId && row.madeByName
        ? {
            userId: row.madeByUserId,
            name: row.madeByName,
            kind: row.madeByKind === 'volunteer' ? 'volunteer' : 'staff',
          }
        : null,
    durationMinutes: row.durationMinutes,
    hasNote: row.note !== null,
    ...(mayReadNote ? { note: row.note } : {}),
  };
}

export async function listContacts({ db, actor, clock, requestId }: CaseServiceContext, caseId: string) {
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId);
    if (!found) throw notFound('case');
    const rows = await listContactsOfCase(tx, caseId);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: 'contact.list',
        entityType: 'contact',
        entityIds: [caseId, ...rows.map((r) => r.id)],
        siteId: found.case.siteId,
      },
    );
    return { items: rows.map((r) => toContact(r, actor)), total: rows.length };
  });
}

/** Five minutes' grace for a phone whose clock runs a little fast. */
const futureGraceMs = 5 * 60 * 1000;

export async function logContact(
  { db, actor, clock, requestId }: CaseServiceContext,
  caseId: string,
  body: CreateContactBody,
) {
  const now = clock.now();
  const contactedAt = body.contactedAt ? new Date(body.contactedAt) : now;
  return db.transaction(async (tx) => {
    const found = await findCaseInScope(tx, actor, caseId, { forUpdate: true });
    if (!found) throw notFound('case');
    const problems: { field: string; message: string }[] = [];
    const contactedOn = ukDateOf(contactedAt);
    if (contactedAt.getTime() > now.getTime() + futureGraceMs)
      problems.push({ field: 'contactedAt', message: 'Enter a time that is not in the future.' });
    else {
      const problem = contactDateProblem(found.case, contactedOn, ukDateOf(now));
      if (problem) problems.push({ ...problem, field: 'contactedAt' });
    }
    if (body.otherKind && body.type !== 'other')
      problems.push({
        field: 'otherKind',
        message: 'Only an "other" contact has a kind; choose type Other or leave it out.',
      });
    const madeByUserId = body.madeByUserId ?? actor.userId;
    let madeByRole: string = actor.role;
    if (madeByUserId !== actor.userId) {
      const [worker] = await findEligibleWorkers(tx, actor.organisationId, found.case.siteId, [madeByUserId]);
      if (!worker)
        problems.push({ field: 'madeByUserId', message: 'Choose someone who works at this case’s site.' });
      else madeByRole = worker.role;
    }
    if (problems.length > 0) throw validationFailed(problems);
    const id = newId();
    await insertContact(tx, {
      id,
      organisationId: found.case.organisationId,
      siteId: found.case.siteId,
      caseId,
      contactedOn,
      contactedAt,
      type: body.type,
      otherKind: body.type === 'other' ? (body.otherKind ?? null) : null,
      outcome: body.outcome,
      madeByUserId,
      madeByKind: madeByRole === 'volunteer' ? 'volunteer' : 'staff',
      durationMinutes: body.durationMinutes ?? null,
      note: body.note ? body.note : null,
      createdAt: now,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'contact.create', entityType: 'contact', entityIds: [id, caseId], siteId: found.case.siteId },
    );
    const [row] = (await listContactsOfCase(tx, caseId)).filter((c) => c.id === id);
    if (!row) throw new Error('contact vanished after insert');
    return toContact(row, actor);
  });
}
