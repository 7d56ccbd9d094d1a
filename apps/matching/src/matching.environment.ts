import { ServiceEnvironment } from '#config';

/** Environment of the matching service; shared variables are documented in the README. */
export class MatchingEnvironment extends ServiceEnvironment {
  override PORT = 3003;
}
