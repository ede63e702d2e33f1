import { Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ImportProgress } from '../../../contract/imports.ts';
import type { UploadProgress } from './upload-mds.ts';

const count = (n: number) => n.toLocaleString('en-GB');

/** Where an import has got to: the upload, then checking every row, then saving. */
export function describeStage(
  upload: UploadProgress,
  progress: ImportProgress | undefined,
): { label: string; percent: number } {
  const percentOf = (done: number, total: number | undefined) =>
    total ? Math.min(100, Math.floor((done / total) * 100)) : 0;
  if (!progress) {
    const percent = percentOf(upload.loaded, upload.total);
    return { label: `Uploading the files: ${percent}%`, percent };
  }
  switch (progress.phase) {
    case 'validating':
      return {
        label: `Checking every row: ${count(progress.rowsRead)}${progress.rowsTotal ? ` of ${count(progress.rowsTotal)}` : ''} rows`,
        percent: percentOf(progress.rowsRead, progress.rowsTotal),
      };
    case 'writing':
      return {
        label: `Saving: ${count(progress.rowsWritten)} of ${count(progress.rowsToWrite ?? 0)} rows`,
        percent: percentOf(progress.rowsWritten, progress.rowsToWrite),
      };
    case 'done':
      return { label: 'Finished: every row has been imported', percent: 100 };
    case 'failed':
      return { label: 'Stopped: nothing was imported', percent: 0 };
  }
}

/**
 * A progress bar with its stage in words. Screen readers hear the stage and each tenth of the way
 * (a polite live region), not every poll.
 */
export function ImportProgressPanel({
  upload,
  progress,
  isLost,
}: {
  upload: UploadProgress;
  progress: ImportProgress | undefined;
  isLost: boolean;
}) {
  const { label, percent } = describeStage(upload, progress);
  const stage = progress?.phase ?? 'uploading';
  const announcement =
    stage === 'done' || stage === 'failed'
      ? label
      : `${label.split(':')[0]}: ${Math.floor(percent / 10) * 10}%`;
  return (
    <Stack gap={6} maw={720} mt="xl" aria-labelledby="import-progress-heading" component="section">
      <Text id="import-progress-heading" fw={700}>
        Progress
      </Text>
      <Progress value={percent} aria-label="Import progress" size="lg" transitionDuration={200} />
      <Text aria-hidden="true">{label}</Text>
      <VisuallyHidden aria-live="polite" aria-atomic="true">
        {announcement}
      </VisuallyHidden>
      {isLost && (
        <Text c="red.9" role="alert">
          Peerpath stopped answering about this import. It may still finish: check the cases in a few minutes
          before importing again.
        </Text>
      )}
    </Stack>
  );
}
