import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SERVICE_NAMES, type ServiceName } from '#contracts';

export class SendCanariesDto {
  @ApiProperty({ description: '流标识（消息键）', example: 'stream-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  streamKey!: string;

  @ApiProperty({ description: '第一条的序号（从 1 开始）', example: 1 })
  @IsInt()
  @Min(1)
  fromSequence!: number;

  @ApiProperty({ description: '条数，一个事务内写入', example: 100 })
  @IsInt()
  @Min(1)
  @Max(1000)
  count!: number;

  @ApiProperty({ required: false, example: 'smoke test' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

export class CanaryReceiptsQueryDto {
  @ApiProperty({ enum: SERVICE_NAMES })
  @IsIn(SERVICE_NAMES)
  producer!: ServiceName;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  streamKey!: string;
}
