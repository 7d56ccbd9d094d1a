import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '#runtime';
import { CandidatesModule } from './candidates/candidates.module.js';
import { MatchingDatabase } from './database/matching.database.js';
import { MatchingEnvironment } from './matching.environment.js';
import { ReadModelModule } from './read-model/read-model.module.js';
import { RecommendationsModule } from './recommendations/recommendations.module.js';

@Module({})
export class AppModule {
  static register(env: MatchingEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'matching',
          env,
          envClass: MatchingEnvironment,
          ...MatchingDatabase,
        }),
        ReadModelModule,
        RecommendationsModule,
        CandidatesModule,
      ],
    };
  }
}
