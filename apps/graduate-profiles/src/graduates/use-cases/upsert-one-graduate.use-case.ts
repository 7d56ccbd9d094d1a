import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { AppException, validationFailed } from '#runtime';
import { CollegeNotFoundException, CollegesRepository } from '../../colleges/index.js';
import type { GraduateEntity } from '../graduate.entity.js';
import { CollegeNotRegisteredException } from '../graduate.exception.js';
import { checkGraduateContent } from '../graduate-profile.rules.js';
import { GraduatesRepository } from '../graduates.repository.js';
import { GraduateProfileInputDto, STUDENT_NUMBER_PATTERN } from '../dto/graduate-profile-input.dto.js';
import type { UpsertGraduateDto } from '../dto/upsert-graduate.dto.js';
import { UpsertGraduatesUseCase, type UpsertOutcome } from './upsert-graduates.use-case.js';

export interface UpsertOneGraduateCommand {
  caller: Caller;
  collegeId: string;
  studentNumber: string;
  body: UpsertGraduateDto;
  correlationId: string;
}

/**
 * A college creates or updates one graduate by student number: the same catalogue checks and the
 * same upsert (hashes, events) as a cohort import, for a batch of one.
 */
@Injectable()
export class UpsertOneGraduateUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly colleges: CollegesRepository,
    private readonly graduates: GraduatesRepository,
    private readonly upsert: UpsertGraduatesUseCase,
  ) {}

  async execute(
    command: UpsertOneGraduateCommand,
  ): Promise<{ outcome: Exclude<UpsertOutcome, 'erased'>; graduate: GraduateEntity }> {
    const { caller, collegeId, studentNumber, body, correlationId } = command;
    if (caller.role !== 'college' || caller.orgId !== collegeId) throw new CollegeNotFoundException(collegeId);
    if (!STUDENT_NUMBER_PATTERN.test(studentNumber)) {
      const problem = '学号须为 1–32 位字母、数字或 . _ -';
      throw validationFailed([{ field: 'studentNumber', problem, constraint: 'matches', detail: problem }]);
    }
    const input = Object.assign(new GraduateProfileInputDto(), body, { studentNumber });

    return this.dataSource.transaction(async (manager) => {
      // Share lock: the 院系 list cannot change under the check.
      const college = await this.colleges.findByIdForShare(manager, collegeId);
      if (!college) throw new CollegeNotRegisteredException(collegeId);
      const { graduate, problems } = checkGraduateContent(input, college);
      if (problems.length > 0) throw validationFailed(problems);
      const summary = await this.upsert.executeIn(manager, collegeId, [graduate], { correlationId });
      const result = summary.results[0]!;
      if (result.outcome === 'erased') {
        throw new AppException('graduate_erased', 409, '该学号的毕业生已申请删除个人信息，不能再次录入', {
          field: 'studentNumber',
        });
      }
      // Read back: created_at and defaults come from the database.
      const stored = await this.graduates.findById(manager, result.graduateId);
      return { outcome: result.outcome, graduate: stored! };
    });
  }
}
