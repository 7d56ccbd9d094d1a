import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '#runtime';
import { DemandImportsModule } from './demand-imports/demand-imports.module.js';
import { DemandIntakeDatabase } from './database/demand-intake.database.js';
import { DemandIntakeEnvironment } from './demand-intake.environment.js';
import { DemandsModule } from './demands/demands.module.js';
import { EnterprisesModule } from './enterprises/enterprises.module.js';
import { PostingReportsModule } from './posting-reports/posting-reports.module.js';

@Module({})
export class AppModule {
  static register(env: DemandIntakeEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'demand-intake',
          env,
          envClass: DemandIntakeEnvironment,
          ...DemandIntakeDatabase,
        }),
        EnterprisesModule,
        DemandsModule,
        DemandImportsModule,
        PostingReportsModule,
      ],
    };
  }
}
