import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { newId } from '../../src/server/db/ids.ts';
import { cases as casesTable } from '../../src/server/modules/cases/cases.table.ts';
import {
  partnerOrganisations,
  relationshipHolders,
} from '../../src/server/modules/social-capital/social-capital.table.ts';
import { workforceMembers } from '../../src/server/modules/workforce/people/people.table.ts';
import { dbsChecks } from '../../src/server/modules/workforce/safety/safety.table.ts';
import type { TestApp } from '../support/test-app.ts';

/**
 * Issue 6 (session helper): one audited request per personal-data route of matching, safeguarding,
 * the social capital register and voice, all made by the coordinator, each with the records its one
 * audit event must name. Records they need but that are not what is audited (a workforce member, a
 * referral, a partner organisation) are written straight to the database.
 */
type Request = (
  method: string,
  url: string,
  cookie: string,
  payload?: object,
) => Promise<LightMyRequestResponse>;
type AuditCase = {
  key: string;
  call: () => Promise<LightMyRequestResponse>;
  action: string;
  recordIds: (response: LightMyRequestResponse) => string[];
  as?: 'coordinator';
};

export function peerWorkforceAuditCases(context: {
  t: () => TestApp;
  request: Request;
  cookie: () => string;
  organisationId: () => string;
  siteId: () => string;
  coordinatorId: () => string;
  adminId: () => string;
  peerUserId: () => string;
  caseId: () => string;
  now: () => Date;
}): AuditCase[] {
  const r = { concernId: '', memberId: '', otherMemberId: '', referralId: '', batchCaseId: '', voiceId: '' };
  const r2 = { partnerId: '', contactId: '', holderId: '' };
  const { request, cookie } = context;
  const as = 'coordinator' as const;

  const insertMember = async (userId: string | null, name: string) => {
    const id = newId();
    const at = context.now();
    await context
      .t()
      .db.insert(workforceMembers)
      .values({
        id,
        organisationId: context.organisationId(),
        siteId: context.siteId(),
        siteIds: [context.siteId()],
        userId,
        displayName: name,
        role: 'paid_peer',
        status: 'active',
        createdAt: at,
        updatedAt: at,
      });
    await context.t().db.insert(dbsChecks).values({
      id: newId(),
      memberId: id,
      organisationId: context.organisationId(),
      siteId: context.siteId(),
      level: 'enhanced',
      certificateOn: '2024-06-01',
      recordedAt: at,
    });
    return id;
  };
  const insertReferral = async () => {
    const id = newId();
    const at = context.now();
    await context
      .t()
      .db.insert(casesTable)
      .values({
        id,
        organisationId: context.organisationId(),
        siteId: context.siteId(),
        localCaseId: `AUD-M-${id.slice(-8)}`,
        referralSource: 'court',
        referredOn: '2025-02-01',
        createdAt: at,
        updatedAt: at,
      });
    return id;
  };

  return [
    // Safeguarding: raise on the case, list, view, note, escalate (to the default chain's admins), resolve.
    {
      key: 'POST /api/safeguarding/concerns',
      call: async () => {
        const response = await request('POST', '/api/safeguarding/concerns', cookie(), {
          caseId: context.caseId(),
          summary: 'A synthetic safeguarding concern',
        });
        r.concernId = response.json().id;
        return response;
      },
      action: 'safeguarding.raise',
      recordIds: () => [r.concernId, context.caseId(), context.coordinatorId()],
      as,
    },
    {
      key: 'GET /api/safeguarding/concerns',
      call: () => request('GET', '/api/safeguarding/concerns', cookie()),
      action: 'safeguarding.list',
      recordIds: (response) => response.json().items.map((c: { id: string }) => c.id),
      as,
    },
    {
      key: 'GET /api/safeguarding/concerns/{concernId}',
      call: () => request('GET', `/api/safeguarding/concerns/${r.concernId}`, cookie()),
      action: 'safeguarding.view',
      recordIds: () => [r.concernId],
      as,
    },
    {
      key: 'POST /api/safeguarding/concerns/{concernId}/notes',
      call: () =>
        request('POST', `/api/safeguarding/concerns/${r.concernId}/notes`, cookie(), { note: 'Called' }),
      action: 'safeguarding.note',
      recordIds: () => [r.concernId],
      as,
    },
    {
      key: 'POST /api/safeguarding/concerns/{concernId}/escalate',
      call: () =>
        request('POST', `/api/safeguarding/concerns/${r.concernId}/escalate`, cookie(), {
          note: 'To the lead',
        }),
      action: 'safeguarding.escalate',
      recordIds: () => [r.concernId],
      as,
    },
    {
      key: 'POST /api/safeguarding/concerns/{concernId}/resolve',
      call: () =>
        request('POST', `/api/safeguarding/concerns/${r.concernId}/resolve`, cookie(), {
          resolution: 'Plan agreed',
        }),
      action: 'safeguarding.resolve',
      recordIds: () => [r.concernId],
      as,
    },
    // Matching: shortlist, profile, batch proposal, decision, batch approval.
    {
      key: 'GET /api/cases/{caseId}/matches',
      call: async () => {
        r.memberId = await insertMember(context.peerUserId(), 'Audited peer');
        r.referralId = await insertReferral();
        return request('GET', `/api/cases/${r.referralId}/matches`, cookie());
      },
      action: 'matching.shortlist',
      // The referral and every person the shortlist names, suggested or not (the audited peer among them).
      recordIds: (response) => {
        const { eligible, ineligible } = response.json() as Record<string, { memberId: string }[]>;
        const named = [...(eligible ?? []), ...(ineligible ?? [])].map((m) => m.memberId);
        expect(named).toContain(r.memberId);
        return [r.referralId, ...named];
      },
      as,
    },
    {
      key: 'PUT /api/cases/{caseId}/matching-profile',
      call: () =>
        request('PUT', `/api/cases/${r.referralId}/matching-profile`, cookie(), {
          area: 'Trowbridge',
          language: null,
          kinds: [],
        }),
      action: 'matching.profile_update',
      recordIds: () => [r.referralId],
      as,
    },
    {
      key: 'POST /api/sites/{siteId}/matching/proposals',
      call: () => request('POST', `/api/sites/${context.siteId()}/matching/proposals`, cookie()),
      action: 'matching.batch_propose',
      recordIds: (response) => [
        ...response.json().placements.map((p: { caseId: string }) => p.caseId),
        ...response.json().unplaced.map((p: { caseId: string }) => p.caseId),
      ],
      as,
    },
    {
      key: 'POST /api/cases/{caseId}/matches/decision',
      call: () =>
        request('POST', `/api/cases/${r.referralId}/matches/decision`, cookie(), {
          userId: context.peerUserId(),
        }),
      action: 'matching.confirm',
      recordIds: () => [r.referralId, context.peerUserId()],
      as,
    },
    {
      key: 'POST /api/sites/{siteId}/matching/approvals',
      call: async () => {
        r.batchCaseId = await insertReferral();
        return request('POST', `/api/sites/${context.siteId()}/matching/approvals`, cookie(), {
          placements: [{ caseId: r.batchCaseId, userId: context.peerUserId() }],
        });
      },
      action: 'matching.batch_approve',
      recordIds: () => [r.batchCaseId, context.peerUserId()],
      as,
    },
    // Voice: put forward, list, decide.
    {
      key: 'POST /api/voice',
      call: async () => {
        const response = await request('POST', '/api/voice', cookie(), {
          siteId: context.siteId(),
          kind: 'idea',
          title: 'Evening drop-in',
          body: 'Open later on Thursdays',
        });
        r.voiceId = response.json().id;
        return response;
      },
      action: 'voice.submit',
      recordIds: () => [r.voiceId],
      as,
    },
    {
      key: 'GET /api/voice',
      call: () => request('GET', '/api/voice', cookie()),
      action: 'voice.list',
      recordIds: (response) => response.json().items.map((i: { id: string }) => i.id),
      as,
    },
    {
      key: 'POST /api/voice/{itemId}/status',
      call: () => request('POST', `/api/voice/${r.voiceId}/status`, cookie(), { status: 'under_review' }),
      action: 'voice.status',
      recordIds: () => [r.voiceId],
      as,
    },
    // The social capital register: a contact at a partner, its holder, the list, a handover.
    {
      key: 'POST /api/social-capital/partners/{partnerId}/contacts',
      call: async () => {
        r2.partnerId = newId();
        await context.t().db.insert(partnerOrganisations).values({
          id: r2.partnerId,
          organisationId: context.organisationId(),
          siteId: context.siteId(),
          name: 'Riverside Housing',
          kind: 'housing',
          createdAt: context.now(),
        });
        const response = await request(
          'POST',
          `/api/social-capital/partners/${r2.partnerId}/contacts`,
          cookie(),
          {
            name: 'Pat Officer',
          },
        );
        r2.contactId = response.json().id;
        return response;
      },
      action: 'social_capital.contact_create',
      recordIds: () => [r2.contactId],
      as,
    },
    {
      key: 'POST /api/social-capital/contacts/{contactId}/holders',
      call: async () => {
        const response = await request(
          'POST',
          `/api/social-capital/contacts/${r2.contactId}/holders`,
          cookie(),
          {
            memberId: r.memberId,
            strength: 'strong',
          },
        );
        r2.holderId = response.json().id;
        return response;
      },
      action: 'social_capital.holder_add',
      recordIds: () => [r2.holderId, r2.contactId, r.memberId],
      as,
    },
    {
      key: 'PUT /api/social-capital/holders/{holderId}',
      call: () =>
        request('PUT', `/api/social-capital/holders/${r2.holderId}`, cookie(), {
          strength: 'moderate',
          lastInteractionOn: null,
        }),
      action: 'social_capital.holder_update',
      recordIds: () => [r2.holderId],
      as,
    },
    {
      key: 'GET /api/social-capital/partners',
      call: () => request('GET', '/api/social-capital/partners', cookie()),
      action: 'social_capital.list',
      recordIds: () => [r2.contactId],
      as,
    },
    {
      key: 'GET /api/social-capital/members/{memberId}/handover',
      call: () => request('GET', `/api/social-capital/members/${r.memberId}/handover`, cookie()),
      action: 'social_capital.handover_view',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'POST /api/social-capital/members/{memberId}/handover',
      call: () =>
        request('POST', `/api/social-capital/members/${r.memberId}/handover`, cookie(), {
          items: [{ holderId: r2.holderId, action: 'lost', note: 'Left the partner' }],
        }),
      action: 'social_capital.handover',
      recordIds: () => [r.memberId, r2.holderId],
      as,
    },
    {
      key: 'POST /api/social-capital/holders/{holderId}/end',
      call: async () => {
        r2.holderId = newId();
        await context.t().db.insert(relationshipHolders).values({
          id: r2.holderId,
          organisationId: context.organisationId(),
          siteId: context.siteId(),
          partnerContactId: r2.contactId,
          memberId: r.memberId,
          strength: 'weak',
          createdAt: context.now(),
          updatedAt: context.now(),
        });
        return request('POST', `/api/social-capital/holders/${r2.holderId}/end`, cookie(), {
          reason: 'Added by mistake',
        });
      },
      action: 'social_capital.holder_end',
      recordIds: () => [r2.holderId, r.memberId],
      as,
    },
  ];
}
