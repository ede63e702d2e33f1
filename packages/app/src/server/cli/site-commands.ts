import type { Command } from 'commander';

/** `peerpath site …` (filled in by the service-records work). */
export function addSiteCommands(_program: Command): void {}
