import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module.js';
import { InvitationSweeper } from './invitation-sweeper.js';
import { PipelineEvents } from './pipeline-events.js';
import { ReadRecommendationsUseCase } from './read-recommendations.use-case.js';
import { RecommendationPipelineUseCase } from './recommendation-pipeline.use-case.js';
import { RecommendationsController } from './recommendations.controller.js';
import { RecommendationsRepository } from './recommendations.repository.js';

/** Recommendations and the double opt-in pipeline. */
@Module({
  imports: [ReadModelModule],
  controllers: [RecommendationsController],
  providers: [
    RecommendationsRepository,
    PipelineEvents,
    RecommendationPipelineUseCase,
    ReadRecommendationsUseCase,
    InvitationSweeper,
  ],
  exports: [RecommendationsRepository, RecommendationPipelineUseCase, PipelineEvents],
})
export class RecommendationsModule {}
