import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../../src/server/db/ids.ts';
import {
  trainingCohorts,
  trainingCourses,
} from '../../src/server/modules/workforce/training/training.table.ts';
import type { TestApp } from '../support/test-app.ts';

/**
 * Issue 6 (workforce helper): one audited request per personal-data route of the workforce (people,
 * safety checks, access limits, hours, training, supervision), each with the records its one audit
 * event must name. The coordinator manages and supervises a volunteer (the bystander), who logs hours.
 * A course and cohort, which are not what is audited, are written straight to the database.
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
  as?: 'coordinator' | 'bystander';
};

export function workforceAuditCases(context: {
  t: () => TestApp;
  request: Request;
  coordinatorCookie: () => string;
  volunteerCookie: () => string;
  organisationId: () => string;
  siteId: () => string;
  coordinatorId: () => string;
  volunteerId: () => string;
  caseId: () => string;
  now: () => Date;
}): AuditCase[] {
  const { request } = context;
  const r = { memberId: '', hoursId: '', limitId: '', cohortId: '', enrolmentId: '', sessionId: '' };
  const as = 'coordinator' as const;
  const co = () => context.coordinatorCookie();
  const ids = (response: LightMyRequestResponse) => response.json().items.map((x: { id: string }) => x.id);
  return [
    {
      key: 'POST /api/workforce',
      call: async () => {
        const response = await request('POST', '/api/workforce', co(), {
          displayName: 'Audited volunteer',
          siteId: context.siteId(),
          siteIds: [context.siteId()],
          userId: context.volunteerId(),
          supervisorUserId: context.coordinatorId(),
          role: 'new_volunteer',
          status: 'active',
          startedOn: '2025-01-01',
        });
        r.memberId = response.json().id;
        return response;
      },
      action: 'workforce.create',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'GET /api/workforce',
      call: () => request('GET', '/api/workforce', co()),
      action: 'workforce.list',
      recordIds: ids,
      as,
    },
    {
      key: 'GET /api/workforce/{memberId}',
      call: () => request('GET', `/api/workforce/${r.memberId}`, co()),
      action: 'workforce.view_with_lived_experience',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'PATCH /api/workforce/{memberId}',
      call: () => request('PATCH', `/api/workforce/${r.memberId}`, co(), { nextStep: 'Shadow twice more' }),
      action: 'workforce.update',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'POST /api/workforce/{memberId}/role',
      call: () =>
        request('POST', `/api/workforce/${r.memberId}/role`, co(), {
          role: 'paid_peer',
          startedOn: '2025-02-01',
        }),
      action: 'workforce.change_role',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'POST /api/workforce/{memberId}/status',
      call: () =>
        request('POST', `/api/workforce/${r.memberId}/status`, co(), { action: 'pause', on: '2025-02-15' }),
      action: 'workforce.pause',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'POST /api/workforce/{memberId}/dbs-checks',
      call: () =>
        request('POST', `/api/workforce/${r.memberId}/dbs-checks`, co(), {
          level: 'enhanced',
          certificateOn: '2024-06-01',
          isOnUpdateService: false,
        }),
      action: 'safety.dbs_record',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'PUT /api/workforce/{memberId}/lone-working',
      call: () =>
        request('PUT', `/api/workforce/${r.memberId}/lone-working`, co(), {
          isPermitted: false,
          reason: 'Works alongside staff until trained',
        }),
      action: 'safety.lone_working',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'GET /api/workforce-alerts',
      call: () => request('GET', '/api/workforce-alerts', co()),
      action: 'safety.alerts',
      recordIds: (response) => [
        ...new Set<string>(response.json().items.map((a: { memberId: string }) => a.memberId)),
      ],
      as,
    },
    {
      key: 'GET /api/me/workforce',
      call: () => request('GET', '/api/me/workforce', context.volunteerCookie()),
      action: 'workforce.view_own',
      recordIds: () => [r.memberId],
      as: 'bystander',
    },
    {
      key: 'POST /api/me/hours',
      call: async () => {
        const response = await request('POST', '/api/me/hours', context.volunteerCookie(), {
          workedOn: '2025-02-10',
          activity: 'shadowing',
          minutes: 120,
        });
        r.hoursId = response.json().id;
        return response;
      },
      action: 'hours.log',
      recordIds: () => [r.hoursId],
      as: 'bystander',
    },
    {
      key: 'GET /api/me/hours',
      call: () => request('GET', '/api/me/hours', context.volunteerCookie()),
      action: 'hours.list_own',
      recordIds: ids,
      as: 'bystander',
    },
    {
      key: 'GET /api/hours',
      call: () => request('GET', '/api/hours', co()),
      action: 'hours.list',
      recordIds: ids,
      as,
    },
    {
      key: 'POST /api/hours/{hoursId}/decision',
      call: () => request('POST', `/api/hours/${r.hoursId}/decision`, co(), { decision: 'approve' }),
      action: 'hours.approve',
      recordIds: () => [r.hoursId],
      as,
    },
    {
      key: 'POST /api/cases/{caseId}/access-limits',
      call: async () => {
        const response = await request('POST', `/api/cases/${context.caseId()}/access-limits`, co(), {
          userId: context.volunteerId(),
          reason: 'Relative of the person referred',
          reviewOn: '2025-09-01',
        });
        r.limitId = response.json().id;
        return response;
      },
      action: 'access_limit.create',
      recordIds: () => [r.limitId, context.volunteerId(), context.caseId()],
      as,
    },
    {
      key: 'GET /api/access-limits',
      call: () => request('GET', '/api/access-limits', co()),
      action: 'access_limit.list',
      recordIds: ids,
      as,
    },
    {
      key: 'POST /api/access-limits/{limitId}/review',
      call: () =>
        request('POST', `/api/access-limits/${r.limitId}/review`, co(), {
          decision: 'lift',
          reason: 'Moved away',
        }),
      action: 'access_limit.lift',
      recordIds: () => [r.limitId],
      as,
    },
    {
      key: 'GET /api/training/cohorts',
      call: async () => {
        const courseId = newId();
        r.cohortId = newId();
        const db = context.t().db;
        await db.insert(trainingCourses).values({
          id: courseId,
          organisationId: context.organisationId(),
          title: 'Audit course',
          mode: 'flexible',
          createdAt: context.now(),
        });
        await db.insert(trainingCohorts).values({
          id: r.cohortId,
          courseId,
          organisationId: context.organisationId(),
          siteId: context.siteId(),
          name: 'Audit cohort',
          startsOn: '2025-01-06',
          endsOn: '2025-03-31',
          createdAt: context.now(),
        });
        return request('GET', '/api/training/cohorts', co());
      },
      action: 'training.cohort_list',
      recordIds: ids,
      as,
    },
    {
      key: 'POST /api/training/cohorts/{cohortId}/enrolments',
      call: async () => {
        const response = await request('POST', `/api/training/cohorts/${r.cohortId}/enrolments`, co(), {
          memberId: r.memberId,
        });
        r.enrolmentId = response.json().enrolments[0].id;
        return response;
      },
      action: 'training.enrol',
      recordIds: () => [r.enrolmentId, r.memberId],
      as,
    },
    {
      key: 'GET /api/training/cohorts/{cohortId}',
      call: () => request('GET', `/api/training/cohorts/${r.cohortId}`, co()),
      action: 'training.cohort_view',
      recordIds: () => [r.cohortId, r.memberId],
      as,
    },
    {
      key: 'PATCH /api/training/enrolments/{enrolmentId}',
      call: () =>
        request('PATCH', `/api/training/enrolments/${r.enrolmentId}`, co(), { status: 'attending' }),
      action: 'training.enrolment_update',
      recordIds: () => [r.enrolmentId, r.memberId],
      as,
    },
    {
      key: 'POST /api/workforce/{memberId}/supervision',
      call: async () => {
        const response = await request('POST', `/api/workforce/${r.memberId}/supervision`, co(), {
          heldOn: '2025-02-25',
          notes: 'A synthetic note of the session.',
        });
        r.sessionId = response.json().id;
        return response;
      },
      action: 'supervision.record',
      recordIds: () => [r.memberId, r.sessionId],
      as,
    },
    {
      key: 'GET /api/workforce/{memberId}/supervision',
      call: () => request('GET', `/api/workforce/${r.memberId}/supervision`, co()),
      action: 'supervision.list',
      recordIds: () => [r.memberId, r.sessionId],
      as,
    },
    {
      key: 'PUT /api/workforce/{memberId}/wellbeing-plan',
      call: () =>
        request('PUT', `/api/workforce/${r.memberId}/wellbeing-plan`, co(), {
          earlySigns: 'Tired',
          whatHelps: 'A walk',
          steppingBack: null,
          whoToContact: null,
        }),
      action: 'wellbeing_plan.save',
      recordIds: () => [r.memberId],
      as,
    },
    {
      key: 'GET /api/workforce/{memberId}/wellbeing-plan',
      call: () => request('GET', `/api/workforce/${r.memberId}/wellbeing-plan`, co()),
      action: 'wellbeing_plan.view',
      recordIds: () => [r.memberId],
      as,
    },
  ];
}
