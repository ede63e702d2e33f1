import {
  enrolBody,
  followUpBody,
  smsOutboxQuery,
  updateCheckInSettingsBody,
} from '../../src/contract/check-ins.ts';
import { idParams } from '../../src/contract/common.ts';
import type { RouteCase } from './route-matrix.ts';

/** Daily check-ins' authenticated routes (the public link and SMS routes are tested in test/check-ins). */
const caseParams = idParams('caseId');
const siteParams = idParams('siteId');
const alertParams = idParams('alertId');

export const checkInGetRoutes: RouteCase[] = [
  {
    method: 'GET',
    path: '/api/cases/{caseId}/check-ins',
    permission: 'check_ins:manage',
    target: 'case',
    url: (id) => `/api/cases/${id}/check-ins`,
    successStatus: 200,
    schemas: { params: caseParams },
    personalData: 'read',
  },
  {
    method: 'GET',
    path: '/api/sites/{siteId}/check-ins/dashboard',
    permission: 'check_ins:monitor',
    target: 'site',
    url: (id) => `/api/sites/${id}/check-ins/dashboard`,
    successStatus: 200,
    schemas: { params: siteParams },
    personalData: 'read',
  },
  {
    method: 'GET',
    path: '/api/sites/{siteId}/check-in-settings',
    permission: 'check_ins:monitor',
    target: 'site',
    url: (id) => `/api/sites/${id}/check-in-settings`,
    successStatus: 200,
    schemas: { params: siteParams },
  },
  {
    method: 'GET',
    path: '/api/sms-outbox',
    permission: 'sms_outbox:read',
    target: 'site',
    url: (id) => (id ? `/api/sms-outbox?siteId=${id}` : '/api/sms-outbox'),
    successStatus: 200,
    schemas: { querystring: smsOutboxQuery },
    personalData: 'read',
  },
];

export const checkInWriteRoutes: RouteCase[] = [
  {
    method: 'PUT',
    path: '/api/cases/{caseId}/check-ins/enrolment',
    permission: 'check_ins:manage',
    target: 'case',
    url: (id) => `/api/cases/${id}/check-ins/enrolment`,
    body: () => ({
      phone: '07700 900123',
      times: ['09:00'],
      encouragement: 'You got through last week.',
      consent: { statement: 'Agreed to a daily text and a call after a red.' },
    }),
    successStatus: 200,
    schemas: { params: caseParams, body: enrolBody },
    personalData: 'write',
  },
  {
    method: 'POST',
    path: '/api/cases/{caseId}/check-ins/opt-out',
    permission: 'check_ins:manage',
    target: 'case',
    url: (id) => `/api/cases/${id}/check-ins/opt-out`,
    // A fresh case has no enrolment to stop: in scope, that is a conflict (after permission and scope).
    successStatus: 409,
    successErrorCode: 'conflict',
    schemas: { params: caseParams },
    personalData: 'write',
  },
  {
    method: 'POST',
    path: '/api/check-in-alerts/{alertId}/follow-up',
    permission: 'check_ins:manage',
    target: 'check_in_alert',
    url: (id) => `/api/check-in-alerts/${id}/follow-up`,
    body: () => ({ type: 'telephone' }),
    successStatus: 200,
    schemas: { params: alertParams, body: followUpBody },
    personalData: 'write',
  },
  {
    method: 'PUT',
    path: '/api/sites/{siteId}/check-in-settings',
    permission: 'check_ins:monitor',
    target: 'site',
    url: (id) => `/api/sites/${id}/check-in-settings`,
    body: () => ({
      onDutyCoordinatorUserId: null,
      responseTargetMinutes: 15,
      monitoredDays: [1, 2, 3, 4, 5],
      monitoredFrom: '09:00',
      monitoredTo: '17:00',
      noReplyHours: 4,
    }),
    successStatus: 200,
    schemas: { params: siteParams, body: updateCheckInSettingsBody },
  },
];
