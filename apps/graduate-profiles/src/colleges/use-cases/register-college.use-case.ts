import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { CollegeRegisteredV1Contract } from '#contracts';
import { OutboxWriter } from '#messaging';
import { validationFailed } from '#runtime';
import { CollegeEntity } from '../college.entity.js';
import { CollegeAlreadyRegisteredException, SchoolCodeTakenException } from '../college.exception.js';
import { registrationIdOf } from '../college-access.policy.js';
import { collegeRegisteredPayload } from '../college.mapper.js';
import { CollegesRepository } from '../colleges.repository.js';
import type { RegisterCollegeDto } from '../dto/register-college.dto.js';

export interface RegisterCollegeCommand {
  /** college (registers itself) or platform_admin (any college, explicit id). */
  caller: Caller;
  input: RegisterCollegeDto;
  correlationId: string;
}

/** 院校注册: a college registers itself once (id = its org id); a platform admin may register any. */
@Injectable()
export class RegisterCollegeUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly colleges: CollegesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ caller, input, correlationId }: RegisterCollegeCommand): Promise<CollegeEntity> {
    const id = registrationIdOf(caller, input.id);
    if (!id) {
      const problem =
        caller.role === 'college'
          ? '院校用户只能注册本校：id 可省略，填写时须等于本校机构标识'
          : '平台管理员代为注册时须填写院校标识（院校用户令牌中的机构标识）';
      throw validationFailed([{ field: 'id', problem, constraint: 'registrationId', detail: problem }]);
    }
    const now = new Date();
    const college = Object.assign(new CollegeEntity(), {
      id,
      name: input.name,
      schoolCode: input.schoolCode,
      type: input.type,
      regionCode: input.regionCode,
      departments: input.departments ?? [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    } satisfies CollegeEntity);

    return this.dataSource.transaction(async (manager) => {
      if (await this.colleges.findById(manager, id)) throw new CollegeAlreadyRegisteredException(id);
      if (await this.colleges.findBySchoolCode(manager, college.schoolCode)) {
        throw new SchoolCodeTakenException(college.schoolCode);
      }
      const stored = await this.colleges.insert(manager, college);
      await this.outbox.append(manager, CollegeRegisteredV1Contract, collegeRegisteredPayload(stored), {
        correlationId,
      });
      return stored;
    });
  }
}
