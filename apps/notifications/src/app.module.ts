import { Module, type DynamicModule } from '@nestjs/common';
import { ServicePlatformModule } from '#runtime';
import { NotificationsDatabase } from './database/notifications.database.js';
import { NotificationsEnvironment } from './notifications.environment.js';

@Module({})
export class AppModule {
  static register(env: NotificationsEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forService({
          service: 'notifications',
          env,
          envClass: NotificationsEnvironment,
          ...NotificationsDatabase,
        }),
      ],
    };
  }
}
