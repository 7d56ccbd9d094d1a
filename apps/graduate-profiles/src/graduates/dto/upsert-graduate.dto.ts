import { OmitType } from '@nestjs/swagger';
import { GraduateProfileInputDto } from './graduate-profile-input.dto.js';

/** PUT /colleges/{collegeId}/graduates/{studentNumber}: the profile; the student number is in the path. */
export class UpsertGraduateDto extends OmitType(GraduateProfileInputDto, ['studentNumber'] as const) {}
