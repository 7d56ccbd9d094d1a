import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ServiceName } from '#contracts';
import { ConfigValidationError, type ServiceEnvironment } from '#config';
import { BEARER_AUTH_NAME } from '#auth';
import { MessagingConfigError, MessagingRuntime } from '#messaging';
import { createHttpLogger, createPinoLogger, PinoNestLogger } from './logging.js';
import { createValidationPipe } from './validation.js';

export interface ServiceBootstrapOptions {
  service: ServiceName;
  env: ServiceEnvironment;
  appModule: unknown;
  title: string;
  description: string;
}

/** Builds, wires and starts one service: HTTP, docs, event consumer, graceful shutdown. */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<INestApplication> {
  const { env, service } = options;
  const pinoLogger = createPinoLogger(service, env.LOG_LEVEL);
  const app = await NestFactory.create(options.appModule as never, {
    logger: new PinoNestLogger(pinoLogger),
    abortOnError: false,
  });
  app.use(createHttpLogger(pinoLogger));
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(options.title)
      .setDescription(options.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_AUTH_NAME)
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  // Init first: migrations run and topics exist before the consumer subscribes.
  await app.init();
  app.connectMicroservice({ strategy: app.get(MessagingRuntime).createEventServer() }, { inheritAppConfig: false });
  await app.startAllMicroservices();
  await app.listen(env.PORT, env.HOST);

  // Past the deadline a stuck shutdown is cut short; work not committed is redelivered.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        pinoLogger.error({ signal }, 'shutdown timed out; exiting');
        process.exit(1);
      }, env.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  pinoLogger.info({ port: env.PORT, host: env.HOST }, `${service} listening`);
  return app;
}

/** Runs a service's main; configuration errors print one clear message and exit 1. */
export function runMain(main: () => Promise<unknown>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigValidationError || err instanceof MessagingConfigError) {
      process.stderr.write(`${err.message}\n`);
    } else {
      process.stderr.write(`Start-up failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exit(1);
  });
}
