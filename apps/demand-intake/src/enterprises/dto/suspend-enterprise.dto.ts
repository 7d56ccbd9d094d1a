import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from './enterprise-field.validators.js';

export class SuspendEnterpriseDto {
  @ApiProperty({
    description: '暂停原因（1–500 字），企业可见',
    example: '多名学生投诉实习岗位与描述不符，核查期间暂停',
  })
  @Trim()
  @IsNotEmpty({ message: '暂停时必须填写原因' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}
