import 'reflect-metadata';
import { loadServiceConfig } from '#config';
import { bootstrapService, runMain } from '#runtime';
import { AppModule } from './app.module.js';
import { DemandIntakeEnvironment } from './demand-intake.environment.js';

runMain(async () => {
  const env = loadServiceConfig(DemandIntakeEnvironment, 'demand-intake');
  await bootstrapService({
    service: 'demand-intake',
    env,
    appModule: AppModule.register(env),
    title: '产教桥 · 需求采集 (demand-intake)',
    description: '企业注册与人才需求发布。',
  });
});
