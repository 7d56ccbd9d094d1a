import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { BEARER_AUTH_NAME, CurrentCaller, Roles, type Caller } from '#auth';
import { etagOf, expectedVersionFrom, Idempotent } from '#runtime';
import { CorrelationId } from '#runtime';
import { REVEAL_REASON_LABELS } from './graduate-access.policy.js';
import { toGraduateResponse } from './graduate.mapper.js';
import { ChangeConsentDto, ConsentChangeResultDto, ConsentHistoryDto } from './dto/change-consent.dto.js';
import { ContactRevealPageDto } from './dto/contact-reveal.response.dto.js';
import { EraseGraduateQueryDto } from './dto/erase-graduate.query.dto.js';
import { GraduateResponseDto } from './dto/graduate.response.dto.js';
import { PageQueryDto } from './dto/page.query.dto.js';
import { UpdateGraduateProfileDto } from './dto/update-graduate-profile.dto.js';
import { ChangeConsentUseCase } from './use-cases/change-consent.use-case.js';
import { EraseGraduateUseCase } from './use-cases/erase-graduate.use-case.js';
import { GetGraduateUseCase } from './use-cases/get-graduate.use-case.js';
import { ReadPrivacyLogsUseCase } from './use-cases/read-privacy-logs.use-case.js';
import { UpdateGraduateProfileUseCase } from './use-cases/update-graduate-profile.use-case.js';

@ApiTags('graduates')
@ApiBearerAuth(BEARER_AUTH_NAME)
@Controller('graduates')
export class GraduatesController {
  constructor(
    private readonly getGraduate: GetGraduateUseCase,
    private readonly updateProfile: UpdateGraduateProfileUseCase,
    private readonly changeConsent: ChangeConsentUseCase,
    private readonly eraseGraduate: EraseGraduateUseCase,
    private readonly privacyLogs: ReadPrivacyLogsUseCase,
  ) {}

  @Get(':id')
  @Roles('graduate', 'college', 'enterprise')
  @ApiOperation({
    summary: '毕业生档案',
    description:
      '毕业生本人、本校、以及毕业生已接受其邀约的企业可查看（企业看到的学号脱敏）。向本人以外展示的联系方式（企业还包括姓名）均记入查看日志。' +
      '组织方与平台管理员只看统计，不看个人档案；其他人（含其他院校、未获接受的企业）一律 404。',
  })
  @ApiOkResponse({ type: GraduateResponseDto, description: '响应头含 ETag' })
  @ApiNotFoundResponse({ description: '毕业生不存在、已删除或无权查看' })
  async get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GraduateResponseDto> {
    const { graduate, audience } = await this.getGraduate.execute(caller, id);
    res.setHeader('ETag', etagOf(graduate.version));
    return toGraduateResponse(graduate, audience);
  }

  @Patch(':id')
  @Idempotent()
  @Roles('graduate')
  @ApiOperation({
    summary: '毕业生修改本人档案',
    description:
      '毕业生本人修改求职意向、技能、证书、手机号、邮箱及个性化排序开关；姓名、学号、院系、专业等由院校维护。内容无变化时不改版本号。',
  })
  @ApiHeader({ name: 'If-Match', required: true, description: '档案的 ETag；缺少时 428，不符时 412' })
  @ApiOkResponse({ type: GraduateResponseDto, description: '响应头含新的 ETag' })
  async update(
    @Param('id') id: string,
    @Body() dto: UpdateGraduateProfileDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GraduateResponseDto> {
    const expectedVersion = expectedVersionFrom(ifMatch);
    const graduate = await this.updateProfile.execute({ caller, id, changes: dto, expectedVersion, correlationId });
    res.setHeader('ETag', etagOf(graduate.version));
    return toGraduateResponse(graduate, 'self');
  }

  @Delete(':id')
  @Idempotent()
  @HttpCode(204)
  @Roles('graduate', 'college')
  @ApiOperation({
    summary: '删除毕业生个人信息',
    description:
      '毕业生本人，或本校依毕业生书面申请（须填写 evidenceRef）删除：姓名、学号、联系方式、技能、证书、实习、意向、成绩全部清除，推荐授权撤回；' +
      '仅保留院校、院系、专业、学历、届别用于去向统计。删除后查询返回 404，再次删除也返回 404。',
  })
  @ApiNoContentResponse({ description: '已删除' })
  @ApiNotFoundResponse({ description: '毕业生不存在、已删除或无权操作' })
  async erase(
    @Param('id') id: string,
    @Query() query: EraseGraduateQueryDto,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
  ): Promise<void> {
    await this.eraseGraduate.execute({ caller, graduateId: id, evidenceRef: query.evidenceRef, correlationId });
  }

  @Post(':id/consent')
  @Idempotent()
  @HttpCode(200)
  @Roles('graduate', 'college')
  @ApiOperation({
    summary: '推荐授权：同意或撤回',
    description:
      '毕业生本人随时可同意或撤回；本校可依毕业生书面授权或申请代为登记（须填写 evidenceRef），但毕业生本人撤回后院校不能代为重新同意（409）。' +
      '状态未变时不重复记录（changed=false）。',
  })
  @ApiOkResponse({ type: ConsentChangeResultDto })
  @ApiConflictResponse({ description: 'consent_withdrawn_by_graduate' })
  async consent(
    @Param('id') id: string,
    @Body() dto: ChangeConsentDto,
    @CurrentCaller() caller: Caller,
    @CorrelationId() correlationId: string,
  ): Promise<ConsentChangeResultDto> {
    const { graduate, changed } = await this.changeConsent.execute({
      caller,
      graduateId: id,
      scope: dto.scope,
      action: dto.action,
      evidenceRef: dto.evidenceRef,
      correlationId,
    });
    return {
      graduateId: graduate.id,
      scope: dto.scope,
      status: graduate.consentStatus,
      changedAt: graduate.consentChangedAt?.toISOString() ?? null,
      changed,
    };
  }

  @Get(':id/consents')
  @Roles('graduate', 'college')
  @ApiOperation({ summary: '推荐授权记录', description: '毕业生本人与本校可查看，从早到晚。' })
  @ApiOkResponse({ type: ConsentHistoryDto })
  async consents(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ConsentHistoryDto> {
    const { graduate, records } = await this.privacyLogs.consentHistory(caller, id);
    return {
      graduateId: graduate.id,
      status: graduate.consentStatus,
      records: records.map((r) => ({
        scope: r.scope,
        action: r.action,
        actor: r.actorRole,
        actorId: r.actorId,
        evidenceRef: r.evidenceRef,
        recordedAt: r.recordedAt.toISOString(),
      })),
    };
  }

  @Get(':id/contact-reveals')
  @Roles('graduate', 'college')
  @ApiOperation({
    summary: '个人信息查看日志',
    description: '谁在何时因何查看了毕业生的联系方式（及姓名）；毕业生本人与本校可查看，从新到旧。',
  })
  @ApiOkResponse({ type: ContactRevealPageDto })
  async contactReveals(
    @Param('id') id: string,
    @Query() query: PageQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ContactRevealPageDto> {
    const page = await this.privacyLogs.contactReveals(caller, id, query);
    return {
      items: page.items.map((r) => ({
        viewerRole: r.viewerRole,
        viewerId: r.viewerId,
        viewerOrgId: r.viewerOrgId,
        fields: r.fields,
        reason: r.reason,
        reasonLabel: REVEAL_REASON_LABELS[r.reason],
        revealedAt: r.revealedAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
