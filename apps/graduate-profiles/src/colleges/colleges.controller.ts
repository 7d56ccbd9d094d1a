import { Body, Controller, Get, Headers, Param, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { CorrelationId, etagOf, expectedVersionFrom, Idempotent } from '#runtime';
import type { CollegeEntity } from './college.entity.js';
import { toCollegeResponse } from './college.mapper.js';
import { CollegeResponseDto } from './dto/college.response.dto.js';
import { RegisterCollegeDto } from './dto/register-college.dto.js';
import { UpdateCollegeDto } from './dto/update-college.dto.js';
import { GetCollegeUseCase } from './use-cases/get-college.use-case.js';
import { RegisterCollegeUseCase } from './use-cases/register-college.use-case.js';
import { UpdateCollegeUseCase } from './use-cases/update-college.use-case.js';

@ApiTags('colleges')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('colleges')
export class CollegesController {
  constructor(
    private readonly registerCollege: RegisterCollegeUseCase,
    private readonly updateCollege: UpdateCollegeUseCase,
    private readonly getCollege: GetCollegeUseCase,
  ) {}

  @Post()
  @Idempotent()
  @Roles('college', 'platform_admin')
  @ApiOperation({
    summary: '院校注册',
    description:
      '院校用户注册本校（院校标识即其机构标识，只能注册一次）；平台管理员可注册任一院校（须填写院校标识）。学校标识码不可重复。',
  })
  @ApiCreatedResponse({ type: CollegeResponseDto, description: '已注册；响应头含 ETag 与 Location' })
  @ApiConflictResponse({ description: 'college_already_registered 或 school_code_taken' })
  async register(
    @Body() dto: RegisterCollegeDto,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CollegeResponseDto> {
    const college = await this.registerCollege.execute({ caller, input: dto, correlationId });
    res.setHeader('Location', `/colleges/${encodeURIComponent(college.id)}`);
    return respond(res, college);
  }

  @Get(':id')
  @Roles('college', 'graduate', 'organizer', 'platform_admin')
  @ApiOperation({
    summary: '院校详情',
    description: '院校本身及其毕业生、组织方、平台管理员可查看；其他院校查看时返回 404。',
  })
  @ApiOkResponse({ type: CollegeResponseDto, description: '响应头含 ETag' })
  @ApiNotFoundResponse({ description: '院校不存在或无权查看' })
  async get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CollegeResponseDto> {
    return respond(res, await this.getCollege.execute(caller, id));
  }

  @Patch(':id')
  @Idempotent()
  @Roles('college', 'platform_admin')
  @ApiOperation({
    summary: '修改院校信息',
    description: '院校本身或平台管理员修改名称、类型、所在地、院系；学校标识码不可修改。仍有毕业生记录的院系不能删除。',
  })
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: '资源的 ETag（如 "3"）；缺少时 428，与当前版本不符时 412 且不做任何修改',
  })
  @ApiOkResponse({ type: CollegeResponseDto, description: '响应头含新的 ETag' })
  @ApiConflictResponse({ description: 'department_in_use' })
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateCollegeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CollegeResponseDto> {
    const expectedVersion = expectedVersionFrom(ifMatch);
    return respond(res, await this.updateCollege.execute({ caller, id, changes: dto, expectedVersion, correlationId }));
  }
}

function respond(res: Response, college: CollegeEntity): CollegeResponseDto {
  res.setHeader('ETag', etagOf(college.version));
  return toCollegeResponse(college);
}
