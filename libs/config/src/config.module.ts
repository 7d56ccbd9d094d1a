import { Module, type DynamicModule } from '@nestjs/common';

/** Provides an already-loaded config instance under its class, so services inject the class. */
@Module({})
export class ConfigModule {
  static forRoot<T extends object>(cls: new () => T, instance: T): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [{ provide: cls, useValue: instance }],
      exports: [cls],
    };
  }
}
