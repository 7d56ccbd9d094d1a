import type { DemandEntity } from './demand.entity.js';

/** The API shape of a demand. */
export function toDemandResponse(d: DemandEntity) {
  return {
    id: d.id,
    enterpriseId: d.enterpriseId,
    kind: d.kind,
    title: d.title,
    description: d.description,
    occupationCode: d.occupationCode,
    headcount: d.headcount,
    hiredCount: d.hiredCount,
    majors: d.majors,
    minDegree: d.minDegree,
    skills: d.skills,
    certificates: d.certificates,
    cities: d.cities,
    salaryMin: d.salaryMin,
    salaryMax: d.salaryMax,
    graduationYears: d.graduationYears,
    deadline: d.deadline,
    internship: d.kindDetails.internship ?? null,
    apprenticeship: d.kindDetails.apprenticeship ?? null,
    orderTraining: d.kindDetails.orderTraining ?? null,
    status: d.status,
    closeReason: d.closeReason,
    pauseCause: d.pauseCause,
    version: d.version,
    publishedAt: d.publishedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}
