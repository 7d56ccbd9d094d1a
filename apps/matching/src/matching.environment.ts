import { IsInt, IsNumber, IsString, Max, Min } from 'class-validator';
import { EnvInt, EnvNumber, ServiceEnvironment } from '#config';
import type { RankingConfigOverrides } from './ranking/index.js';

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

  /** How many top candidates a published demand's shortlist holds. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(500)
  SHORTLIST_SIZE = 20;

  /** Candidates scoring below this (0–100) are never pushed. */
  @EnvNumber()
  @IsNumber()
  @Min(0)
  @Max(100)
  RECOMMENDATION_MIN_SCORE = 50;

  /** Incremental pushes for one demand are collected for this long, then sent as one batch. */
  @EnvInt()
  @IsInt()
  @Min(0)
  PUSH_BATCH_WINDOW_MS = 300_000;

  /** How often the push planner looks for queued evaluations and due batches. */
  @EnvInt()
  @IsInt()
  @Min(100)
  PUSH_PLANNER_INTERVAL_MS = 1000;

  /**
   * Ranking weight overrides as JSON, e.g. `{"skills":50,"partner":0}` (see ranking.config.ts for
   * the factors and defaults). Empty: the documented defaults.
   */
  @IsString()
  RANKING_WEIGHTS = '';

  rankingOverrides(): RankingConfigOverrides {
    if (!this.RANKING_WEIGHTS.trim()) return {};
    try {
      return { weights: JSON.parse(this.RANKING_WEIGHTS) as RankingConfigOverrides['weights'] };
    } catch (err) {
      throw new Error(`RANKING_WEIGHTS must be a JSON object of factor weights: ${(err as Error).message}`, {
        cause: err,
      });
    }
  }
}
