import 'reflect-metadata';
import { loadServiceConfig } from '#config';
import { bootstrapService, runMain } from '#runtime';
import { AppModule } from './app.module.js';
import { GraduateProfilesEnvironment } from './graduate-profiles.environment.js';

runMain(async () => {
  const env = loadServiceConfig(GraduateProfilesEnvironment, 'graduate-profiles');
  await bootstrapService({
    service: 'graduate-profiles',
    env,
    appModule: AppModule.register(env),
    title: '产教桥 · 毕业生档案 (graduate-profiles)',
    description: '院校、毕业生档案、授权与毕业去向。',
  });
});
