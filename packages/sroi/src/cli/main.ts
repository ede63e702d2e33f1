// The CLI's only contact with the process: arguments in; text and an exit code out.
import { run } from './run.ts';

const output = run(process.argv.slice(2));
if (output.stdout) process.stdout.write(output.stdout);
if (output.stderr) process.stderr.write(output.stderr);
process.exitCode = output.code;
