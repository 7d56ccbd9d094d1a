import 'reflect-metadata';
import { loadServiceConfig } from '#config';
import { bootstrapService, runMain } from '#runtime';
import { AppModule } from './app.module.js';
import { MatchingEnvironment } from './matching.environment.js';

runMain(async () => {
  const env = loadServiceConfig(MatchingEnvironment, 'matching');
  await bootstrapService({
    service: 'matching',
    env,
    appModule: AppModule.register(env),
    title: '产教桥 · 人岗匹配 (matching)',
    description: '排序推荐、候选人推送与双选会。',
  });
});
