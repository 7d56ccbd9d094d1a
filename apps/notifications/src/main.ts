import 'reflect-metadata';
import { loadServiceConfig } from '#config';
import { bootstrapService, runMain } from '#runtime';
import { AppModule } from './app.module.js';
import { NotificationsEnvironment } from './notifications.environment.js';

runMain(async () => {
  const env = loadServiceConfig(NotificationsEnvironment, 'notifications');
  await bootstrapService({
    service: 'notifications',
    env,
    appModule: AppModule.register(env),
    title: '产教桥 · 消息通知 (notifications)',
    description: '站内信、Webhook 与邮件投递。',
  });
});
