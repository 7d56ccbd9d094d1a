import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { destinationCategoryByCode } from '#reference';
import { NotFoundAppException, validationFailed } from '#runtime';
import { maskPersonName } from '../../graduates/graduate-masking.js';
import { categoryCodeOf, currentOf, statusOf } from '../destination-state.js';
import { DestinationsRepository } from '../destinations.repository.js';
import type { DestinationVerificationResponseDto } from '../dto/destination.response.dto.js';
import { formatVerificationNumber, normaliseVerificationNumber } from '../verification-number.js';

/**
 * 核验: whoever holds a verification number learns that the registration exists and what it
 * says, and no more: college, cohort, category, date and a masked name; never contacts, the
 * employer or the evidence. An erased graduate's records cannot be verified any more.
 */
@Injectable()
export class VerifyDestinationUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly destinations: DestinationsRepository,
  ) {}

  async execute(input: string): Promise<DestinationVerificationResponseDto> {
    const number = normaliseVerificationNumber(input);
    if (!number) {
      throw validationFailed([
        {
          field: 'verificationNumber',
          problem: '核验码应为 20 位字母数字（可按 5 位一组用连字符分隔）',
          constraint: 'verificationNumber',
          detail: 'malformed verification number',
        },
      ]);
    }
    const manager = this.dataSource.manager;
    const record = await this.destinations.findByVerificationNumber(manager, number);
    const graduate = record ? await this.destinations.findGraduate(manager, record.destination.graduateId) : null;
    if (!record || !graduate || graduate.erasedAt) throw new NotFoundAppException('核验码', input);
    const confirmation = record.audits.find((a) => a.verificationNumber === number)!;
    const history = await this.destinations.historyOf(manager, graduate.id);
    const status = statusOf(record) === 'confirmed' ? 'confirmed' : 'returned';
    const code = status === 'confirmed' ? categoryCodeOf(record) : confirmation.categoryCode;
    return {
      verificationNumber: formatVerificationNumber(number),
      valid: status === 'confirmed',
      status,
      current: status === 'confirmed' && currentOf(history)?.destination.id === record.destination.id,
      collegeName: graduate.collegeName,
      graduationYear: graduate.graduationYear,
      graduateName: graduate.name ? maskPersonName(graduate.name) : '',
      categoryCode: code,
      categoryName: destinationCategoryByCode(code)?.name ?? '（已停用的去向代码）',
      destinationDate: record.destination.destinationDate,
      confirmedAt: confirmation.decidedAt.toISOString(),
    };
  }
}
