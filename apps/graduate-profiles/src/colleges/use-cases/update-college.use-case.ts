import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Caller } from '#auth';
import { CollegeRegisteredV1Contract } from '#contracts';
import { OutboxWriter } from '#messaging';
import { StaleVersionException } from '#runtime';
import type { CollegeEntity } from '../college.entity.js';
import { CollegeNotFoundException, DepartmentInUseException } from '../college.exception.js';
import { mayEditCollege } from '../college-access.policy.js';
import { collegeRegisteredPayload } from '../college.mapper.js';
import { CollegesRepository } from '../colleges.repository.js';
import type { UpdateCollegeDto } from '../dto/update-college.dto.js';

export interface UpdateCollegeCommand {
  caller: Caller;
  id: string;
  changes: UpdateCollegeDto;
  /** From If-Match: the version the client last read. */
  expectedVersion: number;
  correlationId: string;
}

type Editable = Pick<CollegeEntity, 'name' | 'type' | 'regionCode' | 'departments'>;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * 院校信息修改 by the college itself or a platform admin, under optimistic concurrency. A real change
 * bumps the version and sends CollegeRegisteredV1 again (consumers keep the newest version); a
 * request that changes nothing leaves both alone.
 */
@Injectable()
export class UpdateCollegeUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly colleges: CollegesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  async execute({ caller, id, changes, expectedVersion, correlationId }: UpdateCollegeCommand): Promise<CollegeEntity> {
    // Another college learns nothing, not even whether the id exists.
    if (!mayEditCollege(caller, id)) throw new CollegeNotFoundException(id);

    return this.dataSource.transaction(async (manager) => {
      const current = await this.colleges.findByIdForUpdate(manager, id);
      if (!current) throw new CollegeNotFoundException(id);
      if (current.version !== expectedVersion) throw new StaleVersionException(current.version);

      const next: Editable = {
        name: changes.name ?? current.name,
        type: changes.type ?? current.type,
        regionCode: changes.regionCode ?? current.regionCode,
        departments: changes.departments ?? current.departments,
      };
      const changed =
        next.name !== current.name ||
        next.type !== current.type ||
        next.regionCode !== current.regionCode ||
        !sameList(next.departments, current.departments);
      if (!changed) return current;

      // Graduate rows keep their 院系 (placement statistics group by it): such a 院系 cannot go.
      const dropped = current.departments.filter((d) => !next.departments.includes(d));
      const inUse = await this.colleges.departmentsInUse(manager, id, dropped);
      if (inUse.length > 0) throw new DepartmentInUseException(inUse);

      Object.assign(current, next, { version: current.version + 1, updatedAt: new Date() });
      if (!(await this.colleges.update(manager, current, expectedVersion))) {
        throw new StaleVersionException(expectedVersion);
      }
      await this.outbox.append(manager, CollegeRegisteredV1Contract, collegeRegisteredPayload(current), {
        correlationId,
      });
      return current;
    });
  }
}
