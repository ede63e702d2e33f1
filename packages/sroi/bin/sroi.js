#!/usr/bin/env node
// The engine is TypeScript run as-is (no build step); tsx registers the loader first.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
