import type { Caller } from '#auth';
import { validationFailed } from '#runtime';
import { privacyActorOf, type GraduateRef } from '../graduate-access.policy.js';
import { GraduateNotFoundException } from '../graduate.exception.js';

export type PrivacyActor = 'graduate' | 'college';

/**
 * Who acts on a graduate's consent or erasure, with the evidence rule: the graduate acts for
 * themself and names no evidence; the own college acts only on the graduate's documented request
 * and must name it (`evidenceRef`). Anyone else: 404.
 */
export function privacyActorWithEvidence(
  caller: Caller,
  graduate: GraduateRef,
  evidenceRef: string | undefined,
): { actor: PrivacyActor; evidenceRef: string | null } {
  const actor = privacyActorOf(caller, graduate);
  if (!actor) throw new GraduateNotFoundException(graduate.id);
  if (actor === 'college' && !evidenceRef) {
    const problem = '院校代毕业生操作时须填写证明材料编号（毕业生书面授权或申请的档案号）';
    throw validationFailed([{ field: 'evidenceRef', problem, constraint: 'isDefined', detail: problem }]);
  }
  if (actor === 'graduate' && evidenceRef !== undefined) {
    const problem = '毕业生本人操作无需填写证明材料编号';
    throw validationFailed([{ field: 'evidenceRef', problem, constraint: 'notAllowed', detail: problem }]);
  }
  return { actor, evidenceRef: evidenceRef ?? null };
}
