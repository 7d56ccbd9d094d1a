import { ServiceEnvironment } from '#config';

/** Environment of the graduate-profiles service; shared variables are documented in the README. */
export class GraduateProfilesEnvironment extends ServiceEnvironment {
  override PORT = 3002;
}
