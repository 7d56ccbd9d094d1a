import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { EnvInt, ServiceEnvironment } from '#config';

/** Environment of the graduate-profiles service; shared variables are documented in the README. */
export class GraduateProfilesEnvironment extends ServiceEnvironment {
  override PORT = 3002;

  /** Where uploaded cohort files wait until their import job has read them (kept off the heap). */
  @IsString()
  @IsNotEmpty()
  GRADUATE_IMPORT_DIR = join(tmpdir(), 'talent-bridge-imports');

  /** Rows per transaction in a cohort import: larger is faster, smaller holds locks for less time. */
  @EnvInt()
  @IsInt()
  @Min(1)
  @Max(5000)
  GRADUATE_IMPORT_BATCH_SIZE = 500;
}
