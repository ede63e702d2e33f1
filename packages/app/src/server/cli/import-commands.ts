import type { Command } from 'commander';

/** `peerpath import …` (filled in by the service-records work). */
export function addImportCommands(_program: Command): void {}
