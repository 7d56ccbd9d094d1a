import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#auth';
import { DestinationVerificationResponseDto } from './dto/destination.response.dto.js';
import { VerifyDestinationUseCase } from './use-cases/verify-destination.use-case.js';

/** Public on purpose: whoever holds the number (an employer, a school) may check it, as with 学信网 核验. */
@ApiTags('destinations 毕业去向')
@Controller('destination-verifications')
export class DestinationVerificationsController {
  constructor(private readonly verify: VerifyDestinationUseCase) {}

  @Get(':verificationNumber')
  @Public()
  @ApiOperation({
    summary: '核验毕业去向（持核验码，无需登录）',
    description:
      '返回院校名称、届别、去向代码与名称、落实日期和脱敏姓名，不含联系方式、单位和证明材料。' +
      'valid=false 表示该登记审核通过后又被退回；current=false 表示之后又登记了新的去向。',
  })
  @ApiOkResponse({ type: DestinationVerificationResponseDto })
  @ApiResponse({ status: 400, description: '核验码格式不正确' })
  @ApiResponse({ status: 404, description: '核验码不存在' })
  async verifyDestination(
    @Param('verificationNumber') verificationNumber: string,
  ): Promise<DestinationVerificationResponseDto> {
    return this.verify.execute(verificationNumber);
  }
}
