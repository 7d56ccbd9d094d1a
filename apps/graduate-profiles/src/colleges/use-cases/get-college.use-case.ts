import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import type { CollegeEntity } from '../college.entity.js';
import { CollegeNotFoundException } from '../college.exception.js';
import { mayReadCollege } from '../college-access.policy.js';
import { CollegesRepository } from '../colleges.repository.js';

/** One college, for those who may read it; anyone else gets the 404 of an unknown id. */
@Injectable()
export class GetCollegeUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly colleges: CollegesRepository,
  ) {}

  async execute(caller: Caller, id: string): Promise<CollegeEntity> {
    if (!mayReadCollege(caller, id)) throw new CollegeNotFoundException(id);
    const college = await this.colleges.findById(this.dataSource.manager, id);
    if (!college) throw new CollegeNotFoundException(id);
    return college;
  }
}
