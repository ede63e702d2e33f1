import type { Readable } from 'node:stream';
import type { ImportProblem, MdsFile, MdsImportCounts } from '../../../contract/imports.ts';
import { type Clock, ukDateOf } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { type AuditActor, recordAudit } from '../audit/audit.service.ts';
import { readCsvRows } from './csv-reader.ts';
import { readSiteCasesForImport, writeMdsImport } from './mds-import.repository.ts';
import { createMdsValidation } from './mds-import.rules.ts';

/** One of the two files: its name (for the audit trail) and its bytes, opened when they are read. */
export type MdsImportFile = { name: string; open: () => Readable };

export type MdsImportProgress =
  | { phase: 'validating'; rowsRead: number }
  | { phase: 'writing'; rowsRead: number; rowsWritten: number; rowsToWrite: number };

export type MdsImportResult =
  | { ok: true; counts: MdsImportCounts; rowsRead: number }
  | { ok: false; errors: ImportProblem[]; errorCount: number; rowsRead: number };

export type MdsImportInput = {
  db: Db;
  clock: Clock;
  site: { id: string; organisationId: string; name: string };
  files: Record<MdsFile, MdsImportFile>;
  /** Who imports: a signed-in coordinator, or the system (the command line). */
  audit: { actor: AuditActor; requestId: string | null };
  onProgress?: (progress: MdsImportProgress) => void;
  /** Keep at most this many problems (all are counted). */
  maxErrors?: number;
};

const progressEveryRows = 5_000;

/**
 * Imports the NHS England monthly data set for one site, all or nothing: every row of both files is
 * read and checked first; if any is wrong nothing is written and every problem is returned with its
 * line. Otherwise everything is written in one transaction, with its audit event.
 */
export async function importMds({
  db,
  clock,
  site,
  files,
  audit,
  onProgress,
  maxErrors,
}: MdsImportInput): Promise<MdsImportResult> {
  const validation = createMdsValidation({
    siteName: site.name,
    today: ukDateOf(clock.now()),
    existing: await readSiteCasesForImport(db, site.id),
    ...(maxErrors !== undefined ? { maxErrors } : {}),
  });

  let rowsRead = 0;
  onProgress?.({ phase: 'validating', rowsRead });
  for (const file of ['referrals', 'contacts'] as const) {
    let isHeader = true;
    const readRow = file === 'referrals' ? validation.referralRow : validation.contactRow;
    const failure = await readCsvRows(files[file].open(), (cells, line) => {
      if (isHeader) {
        isHeader = false;
        validation.header(file, cells, line);
        return;
      }
      readRow(cells, line);
      if (++rowsRead % progressEveryRows === 0) onProgress?.({ phase: 'validating', rowsRead });
    });
    if (failure) validation.fileProblem(file, failure.line, failure.message);
  }
  const checked = validation.finish();
  if (!checked.ok) return { ok: false, errors: checked.errors, errorCount: checked.errorCount, rowsRead };

  const { referrals, contacts, skipped } = checked;
  const rowsToWrite = referrals.length + contacts.caseKeys.length;
  onProgress?.({ phase: 'writing', rowsRead, rowsWritten: 0, rowsToWrite });
  const counts = await db.transaction(async (tx) => {
    const written = await writeMdsImport(tx, {
      organisationId: site.organisationId,
      siteId: site.id,
      referrals,
      contacts,
      now: clock.now(),
      onProgress: (rowsWritten) => onProgress?.({ phase: 'writing', rowsRead, rowsWritten, rowsToWrite }),
    });
    const counts: MdsImportCounts = {
      referrals: { ...written.referrals, skippedOtherSite: skipped.referrals },
      contacts: { ...written.contacts, skippedOtherSite: skipped.contacts },
    };
    await recordAudit(
      tx,
      { ...audit, clock },
      {
        action: 'import.mds',
        entityType: 'site',
        entityIds: [site.id],
        siteId: site.id,
        // The file names and the counts, never a row.
        query: { referralsFile: files.referrals.name, contactsFile: files.contacts.name, counts },
      },
    );
    return counts;
  });
  return { ok: true, counts, rowsRead };
}
