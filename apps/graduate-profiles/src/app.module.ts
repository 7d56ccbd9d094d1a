import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '#runtime';
import { CollegesModule } from './colleges/colleges.module.js';
import { GraduateProfilesDatabase } from './database/graduate-profiles.database.js';
import { DestinationsModule } from './destinations/destinations.module.js';
import { GraduateImportsModule } from './graduate-imports/graduate-imports.module.js';
import { GraduateProfilesEnvironment } from './graduate-profiles.environment.js';
import { GraduatesModule } from './graduates/graduates.module.js';
import { PlacementRatesModule } from './placement-rates/placement-rates.module.js';

@Module({})
export class AppModule {
  static register(env: GraduateProfilesEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'graduate-profiles',
          env,
          envClass: GraduateProfilesEnvironment,
          ...GraduateProfilesDatabase,
        }),
        CollegesModule,
        GraduatesModule,
        GraduateImportsModule,
        DestinationsModule,
        PlacementRatesModule,
      ],
    };
  }
}
