import { Controller, Get, Module } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '#auth';
import { MessagingHealthIndicator } from '#messaging';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly messaging: MessagingHealthIndicator,
  ) {}

  /** Up only when the database and Kafka answer and the event consumer is alive. */
  @Get()
  @Public()
  @HealthCheck()
  @ApiOkResponse({ description: '{"status":"ok"} with database, kafka and consumer up' })
  @ApiServiceUnavailableResponse({ description: 'a dependency is down; details name which' })
  check() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 3000 }),
      () => this.messaging.kafka('kafka'),
      () => this.messaging.consumer('consumer'),
    ]);
  }
}

@Module({
  imports: [TerminusModule.forRoot({ logger: false, gracefulShutdownTimeoutMs: 0 })],
  controllers: [HealthController],
})
export class HealthModule {}
