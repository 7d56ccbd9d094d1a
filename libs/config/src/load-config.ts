import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Raised at start-up; its message names each bad variable and the problem. */
export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
  constructor(
    readonly scope: string,
    readonly problems: { variable: string; problem: string }[],
  ) {
    super(
      `Invalid configuration for ${scope}:\n` +
        problems.map((p) => `  - ${p.variable}: ${p.problem}`).join('\n'),
    );
  }
}

function problemsOf(errors: ValidationError[], env: Record<string, string | undefined>) {
  return errors.map((e) => {
    const raw = env[e.property];
    const shown = raw === undefined ? 'it is not set' : `got "${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}"`;
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
  if (errors.length) throw new ConfigValidationError(scope, problemsOf(errors, env));
  const post = (instance as { afterLoad?: () => { variable: string; problem: string }[] }).afterLoad?.();
  if (post?.length) throw new ConfigValidationError(scope, post);
  return instance;
}
