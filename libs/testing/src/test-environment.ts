import { IsBoolean, IsString, Matches } from 'class-validator';
import { EnvBool, EnvList, loadConfig } from '#config';

/** Settings of the test harness itself (not of any service), validated like a service's. */
export class TestEnvironment {
  /** Admin connection used to create and drop one database per test file. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  TEST_PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

  /** Brokers the tests and the services they start talk to. */
  @EnvList()
  @IsString({ each: true })
  TEST_KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  /** Keep each test database after its file ran, for a look after a failure. */
  @EnvBool()
  @IsBoolean()
  TEST_KEEP_DB = false;
}

export const testEnvironment = loadConfig(TestEnvironment, process.env, 'tests');
