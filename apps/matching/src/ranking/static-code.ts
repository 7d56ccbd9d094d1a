/**
 * A graduate's static code: 28 bits, stored with every posting entry, that say as much as possible
 * about their non-skill points without knowing the demand. A forward query turns a code into an upper
 * bound of those points with three small tables (see BoundTables) and prunes entries while reading a
 * posting list in order, before touching the graduate's record.
 *
 * | bits  | content                                                                        |
 * | ----- | ------------------------------------------------------------------------------ |
 * | 0–2   | academic fraction, rounded up to sevenths                                      |
 * | 3–5   | best internship fraction over all 门类, rounded up to sevenths                 |
 * | 6–9   | internship 门类 (Bloom mask: bit section % 4)                                  |
 * | 10–15 | preferred industries (Bloom mask: bit section % 6; 0 = none stated)           |
 * | 16–19 | preferred demand kinds (exact mask; 0 = none stated)                           |
 * | 20–22 | minimum monthly salary bucket (0 = none stated, see SALARY_BUCKET_FLOORS)      |
 * | 23    | holds any certificate                                                          |
 * | 24–26 | degree level                                                                   |
 * | 27    | willing to relocate                                                            |
 *
 * The Bloom masks only ever claim too much (two 门类 can share a bit), so bounds stay upper bounds.
 */
export const CODE_STEPS = 7;
export const CODE_RELOCATES = 1 << 27;

/** Lowest salary of each bucket (bucket 0: no minimum stated). */
export const SALARY_BUCKET_FLOORS = [0, 0, 4000, 5000, 6000, 8000, 10000, 15000] as const;

export interface StaticFacts {
  /** The academic fraction the scorer uses (GPA percentile / 100, or the missing-GPA fraction). */
  academic: number;
  /** Internship fraction of the best 门类 (months / full-credit months, at most 1). */
  internship: number;
  /** 门类 indexes (0–19) with internship months. */
  internshipSections: readonly number[];
  hasCertificates: boolean;
  /** Preferred industries, bit per 门类 index. */
  industries: number;
  /** Preferred demand kinds, bit per DEMAND_KINDS index. */
  kinds: number;
  /** -1 when not stated. */
  minSalary: number;
  degree: number;
  relocates: boolean;
}

export function encodeStaticCode(f: StaticFacts): number {
  let internshipBloom = 0;
  for (const s of f.internshipSections) internshipBloom |= 1 << (s % 4);
  let industryBloom = 0;
  for (let s = 0; s < 20; s++) if ((f.industries >>> s) & 1) industryBloom |= 1 << (s % 6);
  let salary = 0;
  if (f.minSalary >= 0) {
    salary = SALARY_BUCKET_FLOORS.length - 1;
    while (salary > 1 && f.minSalary < SALARY_BUCKET_FLOORS[salary]) salary--;
  }
  return (
    (ceilSteps(f.academic) |
      (ceilSteps(f.internship) << 3) |
      (internshipBloom << 6) |
      (industryBloom << 10) |
      ((f.kinds & 15) << 16) |
      (salary << 20) |
      ((f.hasCertificates ? 1 : 0) << 23) |
      ((f.degree & 7) << 24) |
      (f.relocates ? CODE_RELOCATES : 0)) >>>
    0
  );
}

/** A fraction in [0, 1] rounded up to CODE_STEPS steps. */
function ceilSteps(fraction: number): number {
  return Math.min(CODE_STEPS, Math.max(0, Math.ceil(fraction * CODE_STEPS)));
}

/**
 * Per-query tables that turn a code into an upper bound of the non-skill points: one small table per
 * part of the code, added up (academic and internship are separately rounded factors, so their parts
 * are exact; the preference part is split into a ceiling for industry + kind + city and one for
 * salary, which can only claim too much). `certificatesDegree` also carries the points every
 * candidate may get (major, partner), or FAILS when the degree is below the demand's minimum.
 */
export class BoundTables {
  readonly academic = new Int32Array(8);
  /** By (code >>> 3) & 127: best internship fraction and the internship Bloom mask. */
  readonly internship = new Int32Array(128);
  /** By (code >>> 10) & 1023: industries Bloom mask and kinds. */
  readonly preference = new Int32Array(1024);
  readonly salary = new Int32Array(8);
  readonly certificatesDegree = new Int32Array(16);
  certificatePoints = 0;
  /** The largest bound any code can have. */
  max = 0;

  bound(code: number): number {
    return (
      this.academic[code & 7] +
      this.internship[(code >>> 3) & 127] +
      this.preference[(code >>> 10) & 1023] +
      this.salary[(code >>> 20) & 7] +
      this.certificatesDegree[(code >>> 23) & 15]
    );
  }

  /** Caps what the certificate and internship factors (read from the arena) can add. */
  arena(code: number): number {
    return this.internship[(code >>> 3) & 127] + ((code >>> 23) & 1 ? this.certificatePoints : 0) + 1;
  }
}

/** Marks a degree below the minimum: any bound including it is negative. */
export const FAILS = -(1 << 30);
