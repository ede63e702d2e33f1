import { parseArgs } from 'node:util';
import { calculate } from '../calculate.ts';
import { discountConventions } from '../discounting.ts';
import { InvalidModelError } from '../errors.ts';
import type { ImpactModel, Issue } from '../model.ts';
import { simulate } from '../monte-carlo.ts';
import { runScenarios } from '../scenarios.ts';
import { sensitivity } from '../sensitivity.ts';
import { validateModel } from '../validate.ts';
import { ModelFileError, readModelFile } from './read-model.ts';
import {
  calculateCsv,
  calculateTable,
  issuesCsv,
  issuesText,
  scenariosCsv,
  scenariosTable,
  sensitivityCsv,
  sensitivityTable,
  simulationCsv,
  simulationTable,
} from './reports.ts';

/** Exit codes: 0 ok, 1 invalid model, 2 usage error or failure. */
export const EXIT = { ok: 0, invalidModel: 1, failure: 2 } as const;

const COMMANDS = ['validate', 'calculate', 'scenarios', 'sensitivity', 'simulate'] as const;
type Command = (typeof COMMANDS)[number];
type Format = 'table' | 'json' | 'csv';

export const HELP = `sroi — social return on investment from an impact model (JSON)

Usage:
  sroi <command> <model.json> [options]

Commands:
  validate      check the model: errors (with their paths) and practitioner warnings
  calculate     present value per outcome, stakeholder and in total; NPV, ratio, payback
  scenarios     the model's named scenarios side by side (PV, inputs, NPV, ratio)
  sensitivity   break-even value of every estimate, and a ±swing tornado table
  simulate      Monte Carlo over the model's "uncertainty" distributions

Options:
  --format table|json|csv   output format (default table); json prints the JSON alone
  --seed <integer>          simulate: seed for the random generator (default 1)
  --iterations <integer>    simulate: number of draws (default 10000)
  --swing <percent>         sensitivity: one-at-a-time change for the tornado (default 20)
  -h, --help                show this help

Exit codes: 0 ok, 1 invalid model, 2 usage error or failure (unreadable file, bad JSON).
`;

class UsageError extends Error {}

/** What a CLI run prints and its exit code. */
export interface Output {
  stdout: string;
  stderr: string;
  code: number;
}

function integerOption(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value.replaceAll('_', '')))
    throw new UsageError(`--${name} must be a whole number; got "${value}"`);
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number of at least ${min}; got "${value}"`);
  return n;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Run the CLI on arguments (without "node" and the script); returns what to print and the exit code. */
export function run(argv: readonly string[]): Output {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `sroi: ${message}\nRun "sroi --help" for usage.\n`, code: EXIT.failure };
  }
  if (parsed.help) return { stdout: HELP, stderr: '', code: EXIT.ok };
  const { command, file, format } = parsed;
  try {
    const input = readModelFile(file);
    const validation = validateModel(input);
    const { errors, warnings } = validation;
    if (command === 'validate' || !validation.model) {
      return validationOutput(validation.valid, errors, warnings, format, file);
    }
    return commandOutput(command, validation.model, warnings, format, parsed);
  } catch (error) {
    if (error instanceof ModelFileError || error instanceof UsageError) {
      return { stdout: '', stderr: `sroi: ${error.message}\n`, code: EXIT.failure };
    }
    if (error instanceof InvalidModelError) {
      // A scenario can make a valid model invalid.
      if (format === 'json')
        return {
          stdout: json({ valid: false, errors: error.issues, warnings: [] }),
          stderr: '',
          code: EXIT.invalidModel,
        };
      return {
        stdout: '',
        stderr: `sroi: ${error.message}\n${issuesText('Errors:', error.issues)}`,
        code: EXIT.invalidModel,
      };
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { stdout: '', stderr: `sroi: failed: ${message}\n`, code: EXIT.failure };
  }
}

function parse(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'table' },
      seed: { type: 'string' },
      iterations: { type: 'string' },
      swing: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help)
    return {
      help: true as const,
      command: 'validate' as Command,
      file: '',
      format: 'table' as Format,
      values,
    };
  const [command, file, ...extra] = positionals;
  if (!command) throw new UsageError('no command given');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command "${command}"; expected one of: ${COMMANDS.join(', ')}`);
  }
  if (!file) throw new UsageError(`${command} needs a model file, e.g. sroi ${command} model.json`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const format = values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv') {
    throw new UsageError(`--format must be table, json or csv; got "${format}"`);
  }
  return { help: false as const, command: command as Command, file, format: format as Format, values };
}

function validationOutput(
  valid: boolean,
  errors: Issue[],
  warnings: Issue[],
  format: Format,
  file: string,
): Output {
  const code = valid ? EXIT.ok : EXIT.invalidModel;
  if (format === 'json') return { stdout: json({ valid, errors, warnings }), stderr: '', code };
  if (format === 'csv') return { stdout: issuesCsv(errors, warnings), stderr: '', code };
  const headline = valid
    ? `${file}: valid${warnings.length ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}\n`
    : `${file}: invalid (${errors.length} error${errors.length === 1 ? '' : 's'})\n`;
  const text = `${headline}${issuesText('Errors:', errors)}${issuesText('Warnings:', warnings)}`;
  return valid ? { stdout: text, stderr: '', code } : { stdout: '', stderr: text, code };
}

function commandOutput(
  command: Command,
  model: ImpactModel,
  warnings: Issue[],
  format: Format,
  parsed: ReturnType<typeof parse>,
): Output {
  const conventions = discountConventions(model.settings);
  // Tables carry warnings beneath them; CSV keeps its stdout to the table and warns on stderr.
  const done = (tableText: string, csvText: string, jsonValue: object): Output => {
    const warningText = issuesText('Warnings:', warnings);
    if (format === 'json') return { stdout: json({ ...jsonValue, warnings }), stderr: '', code: EXIT.ok };
    if (format === 'csv') return { stdout: csvText, stderr: warningText, code: EXIT.ok };
    return { stdout: warningText ? `${tableText}\n${warningText}` : tableText, stderr: '', code: EXIT.ok };
  };
  switch (command) {
    case 'calculate': {
      const result = calculate(model);
      return done(calculateTable(result, model.title), calculateCsv(result), result);
    }
    case 'scenarios': {
      const rows = runScenarios(model);
      const note = model.scenarios?.length
        ? ''
        : '(the model has no "scenarios"; only the base case is shown)\n';
      return done(`${scenariosTable(rows, conventions)}${note}`, scenariosCsv(rows), {
        conventions,
        scenarios: rows,
      });
    }
    case 'sensitivity': {
      const swingPercent = parsed.values.swing === undefined ? 20 : Number(parsed.values.swing);
      if (!Number.isFinite(swingPercent) || swingPercent < 0 || swingPercent > 100) {
        throw new UsageError(`--swing must be a percentage between 0 and 100; got "${parsed.values.swing}"`);
      }
      const result = sensitivity(model, { swing: swingPercent / 100 });
      return done(sensitivityTable(result, conventions), sensitivityCsv(result), { conventions, ...result });
    }
    case 'simulate': {
      const iterations = integerOption(parsed.values.iterations, 'iterations', 10_000, 1);
      const seed = integerOption(parsed.values.seed, 'seed', 1, Number.MIN_SAFE_INTEGER);
      if (!model.uncertainty || Object.keys(model.uncertainty).length === 0) {
        warnings.push({
          path: 'uncertainty',
          code: 'no_uncertainty',
          message: 'the model gives no distributions, so every draw equals the point estimate',
        });
      }
      const result = simulate(model, { iterations, seed });
      const point = calculate(model);
      const pointEstimate = { presentValue: point.presentValue, ratio: point.ratio };
      return done(simulationTable(result, pointEstimate, conventions), simulationCsv(result), {
        conventions,
        ...result,
        pointEstimate,
      });
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
