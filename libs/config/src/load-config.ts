import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Raised at start-up; its message names each bad variable and the problem. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  constructor(
    readonly scope: string,
    readonly problems: { variable: string; problem: string }[],
  ) {
    super(`Invalid configuration for ${scope}:\n` + problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n'));
  }
}

/** Shows a bad value without the password of a connection URL, shortened. */
function printable(raw: string): string {
  const masked = raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  return masked.length > 60 ? `${masked.slice(0, 60)}…` : masked;
}

function problemsOf(errors: ValidationError[], env: Record<string, string | undefined>) {
  return errors.map((e) => {
    const raw = env[e.property];
    const shown = raw === undefined || raw === '' ? 'it is not set' : `got "${printable(raw)}"`;
    const messages = Object.values(e.constraints ?? {}).join('; ');
    return { variable: e.property, problem: `${messages} (${shown})` };
  });
}

/**
 * Reads an app's environment into its declared class, once, at start-up.
 * Unknown variables are ignored; declared ones are converted and validated.
 */
export function loadConfig<T extends object>(
  cls: new () => T,
  env: Record<string, string | undefined> = process.env,
  scope = cls.name,
): T {
  const declared = new cls() as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(declared)) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const instance = plainToInstance(cls, input, { exposeDefaultValues: true });
  const errors = validateSync(instance, { forbidUnknownValues: true, skipMissingProperties: false });
  // Cross-variable checks run too, so one start-up reports every problem at once.
  const post = (instance as { afterLoad?: () => { variable: string; problem: string }[] }).afterLoad?.() ?? [];
  const problems = [...problemsOf(errors, env), ...post];
  if (problems.length) throw new ConfigValidationError(scope, problems);
  return instance;
}

/** A service's configuration from this process's environment (the one place apps read it). */
export function loadServiceConfig<T extends object>(cls: new () => T, scope: string): T {
  return loadConfig(cls, process.env, scope);
}
