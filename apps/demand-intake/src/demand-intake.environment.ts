import { ServiceEnvironment } from '#config';

/** Environment of the demand-intake service; shared variables are documented in the README. */
export class DemandIntakeEnvironment extends ServiceEnvironment {
  override PORT = 3001;
}
