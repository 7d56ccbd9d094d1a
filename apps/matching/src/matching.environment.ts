import { IsInt, Max, Min } from 'class-validator';
import { EnvInt, ServiceEnvironment } from '#config';

/** Environment of the matching service; shared variables are documented in the README. */
export class MatchingEnvironment extends ServiceEnvironment {
  override PORT = 3003;

  /** Days a graduate has to answer an invitation before it expires. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_TTL_DAYS = 7;

  /** Hours before expiry at which the graduate is reminded of an unanswered invitation. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  INVITATION_REMINDER_HOURS = 48;

  /** How often invitations are checked for reminders and expiry. */
  @EnvInt()
  @IsInt()
  @Min(1000)
  PIPELINE_SWEEP_INTERVAL_MS = 60_000;
}
