import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '#runtime';
import { GraduateProfilesDatabase } from './database/graduate-profiles.database.js';
import { GraduateProfilesEnvironment } from './graduate-profiles.environment.js';

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
      ],
    };
  }
}
