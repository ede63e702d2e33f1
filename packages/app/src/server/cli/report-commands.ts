import type { Command } from 'commander';

/** `peerpath report …` (filled in by the service-records work). */
export function addReportCommands(_program: Command): void {}
