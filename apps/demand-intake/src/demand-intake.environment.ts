import { IsInt, Min } from 'class-validator';
import { EnvInt, ServiceEnvironment } from '#config';

/** Environment of the demand-intake service; shared variables are documented in the README. */
export class DemandIntakeEnvironment extends ServiceEnvironment {
  override PORT = 3001;

  /** How often published demands past their deadline are closed. */
  @EnvInt()
  @IsInt()
  @Min(1000)
  DEMAND_EXPIRY_INTERVAL_MS = 60_000;
}
