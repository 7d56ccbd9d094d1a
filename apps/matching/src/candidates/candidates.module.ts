import { Module } from '@nestjs/common';
import { ReadModelModule } from '../read-model/read-model.module.js';
import { RecommendationsModule } from '../recommendations/recommendations.module.js';
import { CandidatesController } from './candidates.controller.js';
import { CandidatesUseCase } from './candidates.use-case.js';
import { MatchingIndexService } from './matching-index.service.js';
import { PushPlanner } from './push-planner.js';
import { PushPlannerRepository } from './push-planner.repository.js';

/** Ranking (the in-memory index), the candidate and opportunity lists, and the push planner. */
@Module({
  imports: [ReadModelModule, RecommendationsModule],
  controllers: [CandidatesController],
  providers: [MatchingIndexService, CandidatesUseCase, PushPlanner, PushPlannerRepository],
})
export class CandidatesModule {}
