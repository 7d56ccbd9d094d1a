import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
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
import { toEnterpriseResponse } from './enterprise.mapper.js';
import { DecideVerificationDto } from './dto/decide-verification.dto.js';
import { EnterprisePageDto, EnterpriseResponseDto } from './dto/enterprise.response.dto.js';
import { ListEnterprisesQueryDto } from './dto/list-enterprises.query.dto.js';
import { RegisterEnterpriseDto } from './dto/register-enterprise.dto.js';
import { SuspendEnterpriseDto } from './dto/suspend-enterprise.dto.js';
import { UpdateEnterpriseDto } from './dto/update-enterprise.dto.js';
import { DecideVerificationUseCase } from './use-cases/decide-verification.use-case.js';
import type { EnterpriseResult } from './use-cases/enterprise-result.js';
import { GetEnterpriseUseCase } from './use-cases/get-enterprise.use-case.js';
import { ListEnterprisesUseCase } from './use-cases/list-enterprises.use-case.js';
import { RegisterEnterpriseUseCase } from './use-cases/register-enterprise.use-case.js';
import { ReinstateEnterpriseUseCase } from './use-cases/reinstate-enterprise.use-case.js';
import { SuspendEnterpriseUseCase } from './use-cases/suspend-enterprise.use-case.js';
import { UpdateEnterpriseUseCase } from './use-cases/update-enterprise.use-case.js';

const IF_MATCH_REQUIRED = {
  name: 'If-Match',
  required: true,
  description: '资源的 ETag（如 "3"）；缺少时 428，与当前版本不符时 412 且不做任何修改',
} as const;
const IF_MATCH_OPTIONAL = {
  name: 'If-Match',
  required: false,
  description: '可选：资源的 ETag；提供且与当前版本不符时 412',
} as const;

/** An optional If-Match: absent means "whatever the current version is". */
function optionalVersion(ifMatch: string | undefined): number | null {
  return ifMatch ? expectedVersionFrom(ifMatch) : null;
}

@ApiTags('enterprises')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('enterprises')
export class EnterprisesController {
  constructor(
    private readonly registerEnterprise: RegisterEnterpriseUseCase,
    private readonly updateEnterprise: UpdateEnterpriseUseCase,
    private readonly decideVerification: DecideVerificationUseCase,
    private readonly suspendEnterprise: SuspendEnterpriseUseCase,
    private readonly reinstateEnterprise: ReinstateEnterpriseUseCase,
    private readonly getEnterprise: GetEnterpriseUseCase,
    private readonly listEnterprises: ListEnterprisesUseCase,
  ) {}

  @Post()
  @Idempotent()
  @Roles('enterprise', 'organizer', 'platform_admin')
  @ApiOperation({
    summary: '企业注册',
    description:
      '企业用户注册本企业（企业标识即其机构标识，只能注册一次）；组织方或平台管理员可代企业注册（生成新标识）。新注册企业为待审核状态。',
  })
  @ApiCreatedResponse({ type: EnterpriseResponseDto, description: '已注册；响应头含 ETag 与 Location' })
  @ApiConflictResponse({ description: 'enterprise_already_registered 或 credit_code_taken' })
  async register(
    @Body() dto: RegisterEnterpriseDto,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnterpriseResponseDto> {
    const result = await this.registerEnterprise.execute({ caller, input: dto, correlationId });
    res.setHeader('Location', `/enterprises/${encodeURIComponent(result.enterprise.id)}`);
    return respond(res, result);
  }

  @Get()
  @Roles('organizer', 'platform_admin')
  @ApiOperation({
    summary: '企业列表',
    description:
      '按状态、所在地（省/市前缀）、行业门类、名称筛选；按注册时间从新到旧，游标分页。组织方看到的联系人已脱敏。',
  })
  @ApiOkResponse({ type: EnterprisePageDto })
  async list(@Query() query: ListEnterprisesQueryDto, @CurrentCaller() caller: Caller): Promise<EnterprisePageDto> {
    const page = await this.listEnterprises.execute({ caller, filter: query });
    return { items: page.items.map((e) => toEnterpriseResponse(e, page.audience)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('enterprise', 'organizer', 'platform_admin', 'college', 'graduate')
  @ApiOperation({
    summary: '企业详情',
    description:
      '企业本身与平台管理员可见联系人全文；组织方可见全部企业（联系人脱敏）；院校和毕业生仅可见已认证企业的公开信息。无权查看时返回 404。',
  })
  @ApiOkResponse({ type: EnterpriseResponseDto, description: '响应头含 ETag' })
  @ApiNotFoundResponse({ description: '企业不存在或无权查看' })
  async get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnterpriseResponseDto> {
    return respond(res, await this.getEnterprise.execute({ caller, id }));
  }

  @Patch(':id')
  @Idempotent()
  @Roles('enterprise', 'platform_admin')
  @ApiOperation({
    summary: '修改企业信息',
    description:
      '企业本身或平台管理员修改名称、行业、所在地、规模、产教融合型企业标识、联系人；统一社会信用代码不可修改。',
  })
  @ApiHeader(IF_MATCH_REQUIRED)
  @ApiOkResponse({ type: EnterpriseResponseDto, description: '响应头含新的 ETag' })
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateEnterpriseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnterpriseResponseDto> {
    const expectedVersion = expectedVersionFrom(ifMatch);
    return respond(
      res,
      await this.updateEnterprise.execute({ caller, id, changes: dto, expectedVersion, correlationId }),
    );
  }

  @Post(':id/verification')
  @Idempotent()
  @HttpCode(200)
  @Roles('organizer', 'platform_admin')
  @ApiOperation({
    summary: '企业资质审核',
    description:
      '待审核企业可通过或驳回（驳回须填写原因）；未通过的企业可复审通过。其他状态返回 409 并列出可执行的操作。',
  })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiBody({ type: DecideVerificationDto })
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiConflictResponse({ description: 'invalid_enterprise_transition（含 allowedTransitions）' })
  async decide(
    @Param('id') id: string,
    @Body() dto: DecideVerificationDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnterpriseResponseDto> {
    const result = await this.decideVerification.execute({
      caller,
      id,
      decision: dto.decision,
      reason: dto.reason ?? null,
      expectedVersion: optionalVersion(ifMatch),
      correlationId,
    });
    return respond(res, result);
  }

  @Post(':id/suspension')
  @Idempotent()
  @HttpCode(200)
  @Roles('organizer', 'platform_admin')
  @ApiOperation({ summary: '暂停企业', description: '仅已认证企业可暂停；其全部需求在同一事务中暂停。' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiConflictResponse({ description: 'invalid_enterprise_transition（含 allowedTransitions）' })
  async suspend(
    @Param('id') id: string,
    @Body() dto: SuspendEnterpriseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnterpriseResponseDto> {
    const result = await this.suspendEnterprise.execute({
      caller,
      id,
      reason: dto.reason,
      expectedVersion: optionalVersion(ifMatch),
      correlationId,
    });
    return respond(res, result);
  }

  @Delete(':id/suspension')
  @Idempotent()
  @Roles('organizer', 'platform_admin')
  @ApiOperation({ summary: '恢复企业', description: '解除暂停，企业恢复为已认证。' })
  @ApiHeader(IF_MATCH_OPTIONAL)
  @ApiOkResponse({ type: EnterpriseResponseDto })
  @ApiConflictResponse({ description: 'invalid_enterprise_transition（含 allowedTransitions）' })
  async reinstate(
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnterpriseResponseDto> {
    const result = await this.reinstateEnterprise.execute({
      caller,
      id,
      expectedVersion: optionalVersion(ifMatch),
      correlationId,
    });
    return respond(res, result);
  }
}

/** Sets the ETag of the enterprise's version and returns its view for the caller. */
function respond(res: Response, { enterprise, audience }: EnterpriseResult): EnterpriseResponseDto {
  res.setHeader('ETag', etagOf(enterprise.version));
  return toEnterpriseResponse(enterprise, audience);
}
