import type {
  CostAmountSource,
  CostCategory,
  CreateImpactMapBody,
  CreateProxyBody,
  ExportFormat,
  FinancialProxy,
  ImpactMap,
  PeopleServedSource,
  ProxiesResponse,
  ProxyRef,
  QuantitySource,
  ScenarioKey,
  SocialValueReport,
  UpdateImpactMapBody,
} from '../../../contract/social-value.ts';
import { createImpactMapBody, createProxyBody, updateImpactMapBody } from '../../../contract/social-value.ts';
import type { Actor } from '../../access/actor.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { conflict, notFound, validationFailed } from '../../http/app-error.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findSiteInScope } from '../sites/sites.repository.ts';
import { gdpDeflators } from './data/deflators.v1.ts';
import { livingWageSource, nationalLivingWage } from './data/national-living-wage.v1.ts';
import { libraryProxies, notShipped, PROXY_LIBRARY_VERSION } from './data/proxies.v1.ts';
import { countLiveQuantities } from './live-quantities.repository.ts';
import { type ExportFile, renderCsv, renderLibraryCsv, renderXlsx } from './report-exports.ts';
import { renderReportHtml } from './report-html.ts';
import type { PdfRenderer } from './report-pdf.ts';
import {
  deleteImpactMap,
  findImpactMapInScope,
  type ImpactMapRow,
  insertImpactMap,
  insertProxy,
  listImpactMapsInScope,
  listOrganisationProxies,
  loadMapContent,
  type MapContent,
  replaceMapContent,
  updateImpactMapRow,
} from './social-value.repository.ts';
import { buildReport, proxyRefKey } from './social-value.rules.ts';
import type { financialProxies } from './social-value.table.ts';
import { surveyIndicatorFigures } from './survey-indicators.repository.ts';

export type SocialValueContext = { db: Db; actor: Actor; clock: Clock; requestId: string };

// ——— Proxies ———

const libraryProxy = (p: (typeof libraryProxies)[number]): FinancialProxy => ({
  ref: { kind: 'library', key: p.key },
  name: p.name,
  unit: p.unit,
  valuePence: p.valuePence,
  priceYear: p.priceYear,
  sourceTitle: p.sourceTitle,
  sourceUrl: p.sourceUrl,
  licence: p.licence,
  isShippable: true,
  notes: p.notes,
});

const organisationProxy = (row: typeof financialProxies.$inferSelect): FinancialProxy => ({
  ref: { kind: 'organisation', id: row.id },
  name: row.name,
  unit: row.unit,
  valuePence: row.valuePence,
  priceYear: row.priceYear,
  sourceTitle: row.sourceTitle,
  sourceUrl: row.sourceUrl,
  licence: row.licence,
  isShippable: false,
  notes: row.notes,
});

const libraryByKey = new Map(libraryProxies.map((p) => [p.key, libraryProxy(p)]));

export async function listProxies({
  db,
  actor,
}: Pick<SocialValueContext, 'db' | 'actor'>): Promise<ProxiesResponse> {
  const own = await listOrganisationProxies(db, actor.organisationId);
  return {
    libraryVersion: PROXY_LIBRARY_VERSION,
    library: [...libraryByKey.values()],
    organisation: own.map(organisationProxy),
    notShipped: [...notShipped],
    deflators: gdpDeflators,
    livingWage: {
      source: livingWageSource.title,
      sourceUrl: livingWageSource.url,
      rates: [...nationalLivingWage],
    },
  };
}

export async function createProxy(
  { db, actor, clock, requestId }: SocialValueContext,
  input: CreateProxyBody,
): Promise<FinancialProxy> {
  const body = createProxyBody.parse(input);
  const id = newId();
  return db.transaction(async (tx) => {
    const row = {
      id,
      organisationId: actor.organisationId,
      ...body,
      isShippable: false,
      createdBy: actor.userId,
      createdAt: clock.now(),
    };
    await insertProxy(tx, row);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'financial_proxy.create', entityType: 'financial_proxy', entityIds: [id] },
    );
    return organisationProxy({ ...row, notes: row.notes ?? '', sourceUrl: row.sourceUrl ?? null });
  });
}

/** Every proxy a map names, resolved: library ones from the data file, the organisation's from its rows. */
async function resolveProxies(db: Db, organisationId: string, refs: ProxyRef[]) {
  const ids = [...new Set(refs.flatMap((r) => (r.kind === 'organisation' ? [r.id] : [])))];
  const own = await listOrganisationProxies(db, organisationId, ids);
  const resolved = new Map<string, FinancialProxy>();
  for (const ref of refs) {
    const proxy =
      ref.kind === 'library'
        ? libraryByKey.get(ref.key)
        : own.filter((p) => p.id === ref.id).map(organisationProxy)[0];
    if (proxy) resolved.set(proxyRefKey(ref), proxy);
  }
  return resolved;
}

// ——— Maps ———

const refOf = (libraryKey: string | null, id: string | null): ProxyRef | null =>
  libraryKey ? { kind: 'library', key: libraryKey } : id ? { kind: 'organisation', id } : null;

const coveredSites = (row: ImpactMapRow) => [{ id: row.siteId, name: row.siteName }, ...row.otherSites];

export function toImpactMap(row: ImpactMapRow, content: MapContent): ImpactMap {
  return {
    id: row.id,
    siteId: row.siteId,
    siteName: row.siteName,
    sites: coveredSites(row),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    title: row.title,
    description: row.description,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    priceYear: row.priceYear,
    discountRate: row.discountRate,
    firstYearDiscounted: row.isFirstYearDiscounted,
    conservativeProxyScale: row.conservativeProxyScale,
    peopleServedSource: row.peopleServedSource as PeopleServedSource,
    peopleServedManual: row.peopleServedManual,
    rolloutPopulationLow: row.rolloutPopulationLow,
    rolloutPopulationHigh: row.rolloutPopulationHigh,
    publishedFigures: row.publishedFigures,
    stakeholders: content.stakeholders.map((s) => ({ key: s.id, name: s.name })),
    outcomes: content.outcomes.map((o) => ({
      id: o.id,
      stakeholderKey: o.stakeholderId,
      name: o.name,
      isIntended: o.isIntended,
      isHarm: o.isHarm,
      outputs: o.outputs,
      indicator: o.indicator,
      quantitySource: o.quantitySource as QuantitySource,
      manualQuantity: o.manualQuantity,
      quantityFactor: o.quantityFactor,
      quantityNote: o.quantityNote,
      sampleSize: o.sampleSize,
      surveyIndicator: o.surveyIndicator ?? null,
      proxy: refOf(o.proxyLibraryKey, o.proxyId) as ProxyRef,
      optimisticProxy: refOf(o.optimisticProxyLibraryKey, o.optimisticProxyId),
      deadweight: o.deadweight,
      displacement: o.displacement,
      attribution: o.attribution,
      dropOff: o.dropOff,
      duration: o.duration,
      startYear: o.startYear,
    })),
    costs: content.costs.map((c) => ({
      id: c.id,
      category: c.category as CostCategory,
      description: c.description,
      amountSource: c.amountSource as CostAmountSource,
      amountPence: c.amountPence,
      volunteerHours: c.volunteerHours,
      volunteerRatePence: c.volunteerRatePence,
    })),
  };
}

type SettingsOutput = Omit<ReturnType<typeof createImpactMapBody.parse>, 'siteId'>;
/** A map's settings as table columns. */
export const settingsColumns = (s: SettingsOutput) => ({
  title: s.title,
  description: s.description,
  periodFrom: s.periodFrom,
  periodTo: s.periodTo,
  priceYear: s.priceYear,
  discountRate: s.discountRate,
  isFirstYearDiscounted: s.firstYearDiscounted,
  conservativeProxyScale: s.conservativeProxyScale,
  peopleServedSource: s.peopleServedSource,
  peopleServedManual: s.peopleServedManual,
  rolloutPopulationLow: s.rolloutPopulationLow,
  rolloutPopulationHigh: s.rolloutPopulationHigh,
  publishedFigures: s.publishedFigures,
  otherSiteIds: s.otherSiteIds,
});

/**
 * A programme's other sites must be sites the editor works at (so nobody widens a map to records they
 * cannot see), and not the map's own site. Refused at the field, naming the fix.
 */
async function checkOtherSites(db: Db, actor: Actor, ownSiteId: string, otherSiteIds: readonly string[]) {
  for (const [index, id] of otherSiteIds.entries()) {
    const field = `otherSiteIds.${index}`;
    if (id === ownSiteId)
      throw validationFailed([{ field, message: 'This is the map’s own site; list only the other sites' }]);
    if (!(await findSiteInScope(db, actor, id)))
      throw validationFailed([{ field, message: 'Choose one of the sites you work at' }]);
  }
}

export async function listMaps({ db, actor }: SocialValueContext, query: { siteId?: string | undefined }) {
  const rows = await listImpactMapsInScope(db, actor, query.siteId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      siteId: r.siteId,
      siteName: r.siteName,
      sites: coveredSites(r),
      title: r.title,
      periodFrom: r.periodFrom,
      periodTo: r.periodTo,
      updatedAt: r.updatedAt.toISOString(),
    })),
    total: rows.length,
  };
}

export async function createMap(
  { db, actor, clock, requestId }: SocialValueContext,
  input: CreateImpactMapBody,
): Promise<ImpactMap> {
  const body = createImpactMapBody.parse(input);
  return db.transaction(async (tx) => {
    const site = await findSiteInScope(tx, actor, body.siteId);
    if (!site) throw notFound('site');
    await checkOtherSites(tx, actor, site.id, body.otherSiteIds);
    const id = newId();
    const now = clock.now();
    await insertImpactMap(tx, {
      id,
      organisationId: actor.organisationId,
      siteId: site.id,
      ...settingsColumns(body),
      createdBy: actor.userId,
      createdAt: now,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'impact_map.create', entityType: 'impact_map', entityIds: [id], siteId: site.id },
    );
    const row = await findImpactMapInScope(tx, actor, id);
    return toImpactMap(row as ImpactMapRow, { stakeholders: [], outcomes: [], costs: [] });
  });
}

export async function viewMap({ db, actor }: SocialValueContext, mapId: string): Promise<ImpactMap> {
  return db.transaction(async (tx) => {
    const row = await findImpactMapInScope(tx, actor, mapId);
    if (!row) throw notFound('impact map');
    return toImpactMap(row, await loadMapContent(tx, mapId));
  });
}

type UpdateOutput = ReturnType<typeof updateImpactMapBody.parse>;

/**
 * Writes a map's stakeholders, outcomes and costs, replacing the old ones and keeping the ids of those
 * still named. Refuses (400) an outcome whose stakeholder or proxy is not there. The demo seed uses it too.
 */
export async function writeMapContent(
  tx: Db,
  map: { id: string; organisationId: string; siteId: string },
  body: Pick<UpdateOutput, 'stakeholders' | 'outcomes' | 'costs'>,
): Promise<void> {
  const mapId = map.id;
  const old = await loadMapContent(tx, mapId);
  const keep = (id: string | undefined, existing: { id: string }[]) =>
    id && existing.some((e) => e.id === id) ? id : newId();

  const problems: { field: string; message: string }[] = [];
  const stakeholderIds = new Map<string, string>();
  body.stakeholders.forEach((s, i) => {
    if (stakeholderIds.has(s.key))
      problems.push({ field: `stakeholders.${i}.key`, message: 'Two stakeholders have the same key.' });
    stakeholderIds.set(s.key, keep(s.key, old.stakeholders));
  });
  const refs = body.outcomes.flatMap((o) => [o.proxy, ...(o.optimisticProxy ? [o.optimisticProxy] : [])]);
  const proxies = await resolveProxies(tx, map.organisationId, refs);
  body.outcomes.forEach((o, i) => {
    if (!stakeholderIds.has(o.stakeholderKey))
      problems.push({
        field: `outcomes.${i}.stakeholderKey`,
        message: 'Choose one of the map’s stakeholders.',
      });
    if (!proxies.has(proxyRefKey(o.proxy)))
      problems.push({ field: `outcomes.${i}.proxy`, message: 'Choose a financial proxy from the list.' });
    if (o.optimisticProxy && !proxies.has(proxyRefKey(o.optimisticProxy)))
      problems.push({
        field: `outcomes.${i}.optimisticProxy`,
        message: 'Choose a financial proxy from the list.',
      });
  });
  if (problems.length > 0) throw validationFailed(problems);

  const scope = { organisationId: map.organisationId, siteId: map.siteId, mapId };
  await replaceMapContent(tx, mapId, {
    stakeholders: body.stakeholders.map((s, position) => ({
      id: stakeholderIds.get(s.key) as string,
      ...scope,
      position,
      name: s.name,
    })),
    outcomes: body.outcomes.map((o, position) => ({
      id: keep(o.id, old.outcomes),
      ...scope,
      position,
      stakeholderId: stakeholderIds.get(o.stakeholderKey) as string,
      name: o.name,
      isIntended: o.isIntended,
      isHarm: o.isHarm,
      outputs: o.outputs,
      indicator: o.indicator,
      quantitySource: o.quantitySource,
      manualQuantity: o.quantitySource === 'manual' ? o.manualQuantity : null,
      quantityFactor: o.quantityFactor,
      quantityNote: o.quantityNote,
      sampleSize: o.sampleSize,
      surveyIndicator: o.quantitySource === 'outcomes_indicator' ? o.surveyIndicator : null,
      proxyLibraryKey: o.proxy.kind === 'library' ? o.proxy.key : null,
      proxyId: o.proxy.kind === 'organisation' ? o.proxy.id : null,
      optimisticProxyLibraryKey: o.optimisticProxy?.kind === 'library' ? o.optimisticProxy.key : null,
      optimisticProxyId: o.optimisticProxy?.kind === 'organisation' ? o.optimisticProxy.id : null,
      deadweight: o.deadweight,
      displacement: o.displacement,
      attribution: o.attribution,
      dropOff: o.dropOff,
      duration: o.duration,
      startYear: o.startYear,
    })),
    costs: body.costs.map((c, position) => ({
      id: keep(c.id, old.costs),
      ...scope,
      position,
      category: c.category,
      description: c.description,
      amountSource: c.amountSource,
      amountPence: c.category === 'volunteer_time' || c.amountSource !== 'manual' ? null : c.amountPence,
      volunteerHours: c.category === 'volunteer_time' ? c.volunteerHours : null,
      volunteerRatePence: c.category === 'volunteer_time' ? c.volunteerRatePence : null,
    })),
  });
}

/** Replaces the whole map. Refused with 409 when someone else saved since `version` was read. */
export async function updateMap(
  { db, actor, clock, requestId }: SocialValueContext,
  mapId: string,
  input: UpdateImpactMapBody,
): Promise<ImpactMap> {
  const body = updateImpactMapBody.parse(input);
  return db.transaction(async (tx) => {
    const row = await findImpactMapInScope(tx, actor, mapId, { forUpdate: true });
    if (!row) throw notFound('impact map');
    if (row.version !== body.version)
      throw conflict(
        'Someone else saved this impact map after you opened it. Reload it and make your changes again.',
        [{ field: 'version', message: `The map is at version ${row.version}.` }],
      );
    await checkOtherSites(tx, actor, row.siteId, body.otherSiteIds);
    await writeMapContent(tx, row, body);
    await updateImpactMapRow(tx, mapId, {
      ...settingsColumns(body),
      version: row.version + 1,
      updatedBy: actor.userId,
      updatedAt: clock.now(),
    });
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'impact_map.update', entityType: 'impact_map', entityIds: [mapId], siteId: row.siteId },
    );
    const saved = (await findImpactMapInScope(tx, actor, mapId)) as ImpactMapRow;
    return toImpactMap(saved, await loadMapContent(tx, mapId));
  });
}

export async function removeMap({ db, actor, clock, requestId }: SocialValueContext, mapId: string) {
  await db.transaction(async (tx) => {
    const row = await findImpactMapInScope(tx, actor, mapId, { forUpdate: true });
    if (!row) throw notFound('impact map');
    await deleteImpactMap(tx, mapId);
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'impact_map.delete', entityType: 'impact_map', entityIds: [mapId], siteId: row.siteId },
    );
  });
  return { ok: true as const };
}

// ——— The report ———

/**
 * The commissioner report: the map, its proxies and the live counts read in one transaction (one
 * consistent moment), then calculated outside it. Aggregates only, so viewing it is not audited;
 * every export is.
 */
export async function mapReport(
  { db, actor, clock }: Pick<SocialValueContext, 'db' | 'actor' | 'clock'>,
  mapId: string,
  options: { iterations?: number } = {},
): Promise<SocialValueReport> {
  const { map, proxies, live, dataAsOf } = await db.transaction(async (tx) => {
    const row = await findImpactMapInScope(tx, actor, mapId);
    if (!row) throw notFound('impact map');
    const content = await loadMapContent(tx, mapId);
    const map = toImpactMap(row, content);
    const refs = map.outcomes.flatMap((o) => [o.proxy, ...(o.optimisticProxy ? [o.optimisticProxy] : [])]);
    const proxies = await resolveProxies(tx, row.organisationId, refs);
    const live = await countLiveQuantities(tx, {
      organisationId: row.organisationId,
      siteIds: [row.siteId, ...row.otherSiteIds],
      from: row.periodFrom,
      to: row.periodTo,
    });
    // Outcomes (issue 5): outcomes that follow a survey indicator, analysed for this site and period.
    live.surveyIndicators = await surveyIndicatorFigures(tx, row, map.outcomes);
    return { map, proxies, live, dataAsOf: clock.now() };
  });
  return buildReport({
    map,
    proxies,
    live,
    dataAsOf,
    deflators: gdpDeflators,
    livingWage: nationalLivingWage,
    ...(options.iterations ? { iterations: options.iterations } : {}),
  });
}

const contentTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** A file name that says what and when, from the title's letters and digits only. */
function exportFileName(report: SocialValueReport, format: ExportFormat): string {
  const slug = report.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `social-value-${slug || 'report'}-${report.dataAsOf.slice(0, 10)}.${format}`;
}

/**
 * The report as a file. The file is made first, then its audit event is written; a failure at either
 * step sends nothing, so every file that leaves is audited.
 */
export async function exportReport(
  context: SocialValueContext & { pdf: PdfRenderer },
  mapId: string,
  { format, scenario }: { format: ExportFormat; scenario: ScenarioKey },
): Promise<ExportFile> {
  const { db, actor, clock, requestId } = context;
  const report = await mapReport(context, mapId);
  const chosen = report.scenarios.find((s) => s.key === scenario)?.key ?? 'central';
  const filename = exportFileName(report, format);
  const body =
    format === 'csv'
      ? renderCsv(report)
      : format === 'xlsx'
        ? await renderXlsx(report, chosen)
        : await context.pdf.render(renderReportHtml(report, chosen));
  await db.transaction(async (tx) => {
    await recordAudit(
      tx,
      { actor, clock, requestId },
      {
        action: `social_value.export_${format}`,
        entityType: 'impact_map',
        entityIds: [mapId],
        query: { format, scenario: chosen },
        siteId: report.siteId,
      },
    );
  });
  return { body, filename, contentType: contentTypes[format] };
}

/** The shipped library alone, as CSV: never an organisation's own proxies. Audited like every export. */
export async function exportProxyLibrary({
  db,
  actor,
  clock,
  requestId,
}: SocialValueContext): Promise<ExportFile> {
  const body = renderLibraryCsv([...libraryByKey.values()]);
  await db.transaction(async (tx) => {
    await recordAudit(
      tx,
      { actor, clock, requestId },
      { action: 'social_value.export_library', entityType: 'financial_proxy', entityIds: [] },
    );
  });
  return {
    body,
    filename: `peerpath-proxy-library-${PROXY_LIBRARY_VERSION.split(' ')[0]}.csv`,
    contentType: contentTypes.csv,
  };
}
