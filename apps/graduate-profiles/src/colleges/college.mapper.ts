import { COLLEGE_TYPE_LABELS, type CollegeRegisteredV1, type CollegeSnapshotV1 } from '#contracts';
import { regionByCode } from '#reference';
import type { CollegeEntity } from './college.entity.js';
import type { CollegeResponseDto } from './dto/college.response.dto.js';

/** The college as other services see it: no 院系 list (matching does not use it). */
export function toCollegeSnapshot(college: CollegeEntity): CollegeSnapshotV1 {
  return {
    collegeId: college.id,
    name: college.name,
    schoolCode: college.schoolCode,
    type: college.type,
    regionCode: college.regionCode,
    version: college.version,
  };
}

export function collegeRegisteredPayload(college: CollegeEntity): CollegeRegisteredV1 {
  return { college: toCollegeSnapshot(college), registeredAt: college.createdAt.toISOString() };
}

export function toCollegeResponse(college: CollegeEntity): CollegeResponseDto {
  return {
    id: college.id,
    name: college.name,
    schoolCode: college.schoolCode,
    type: college.type,
    typeLabel: COLLEGE_TYPE_LABELS[college.type],
    regionCode: college.regionCode,
    regionName: regionByCode(college.regionCode)?.fullName ?? null,
    departments: college.departments,
    version: college.version,
    createdAt: college.createdAt.toISOString(),
    updatedAt: college.updatedAt.toISOString(),
  };
}
