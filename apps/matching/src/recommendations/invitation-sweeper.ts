import { Injectable } from '@nestjs/common';
import { PeriodicTask } from '#runtime';
import { MatchingEnvironment } from '../matching.environment.js';
import { RecommendationPipelineUseCase } from './recommendation-pipeline.use-case.js';

/** Reminds graduates of invitations about to expire and expires those nobody answered. */
@Injectable()
export class InvitationSweeper extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    private readonly pipeline: RecommendationPipelineUseCase,
    env: MatchingEnvironment,
  ) {
    super();
    this.intervalMs = env.PIPELINE_SWEEP_INTERVAL_MS;
  }

  protected runOnce(): Promise<number> {
    return this.pipeline.sweepInvitations();
  }
}
