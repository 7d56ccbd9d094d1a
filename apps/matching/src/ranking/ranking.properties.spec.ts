import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { DEGREE_LEVELS, meetsDegree } from '#contracts';
import { listMajors, majorAccepts } from '#reference';
import { RankingIndex, type RankingIndexTuning } from './ranking-index.js';
import {
  makeDemand,
  makeGraduate,
  randomInstance,
  seededRandom,
  shuffled,
  type RandomInstance,
} from './ranking.fixtures.js';
import type { RankableDemand, RankableGraduate } from './ranking.types.js';

// Property-style checks over seeded random instances: each seed is a small world where skills,
// majors, cities and years collide often. A failure names its seed, so it can be replayed.
const SEEDS = Array.from({ length: 200 }, (_, i) => 1000 + i);

function build(world: RandomInstance, tuning?: RankingIndexTuning): RankingIndex {
  const index = new RankingIndex(undefined, tuning);
  for (const g of world.graduates) index.upsertGraduate(g);
  for (const d of world.demands) index.upsertDemand(d);
  return index;
}

/** Every ranking the index can give: candidates of each demand, opportunities of each graduate. */
function snapshot(index: RankingIndex, world: RandomInstance) {
  return {
    forward: world.demands.map((d) => index.topK(d.demandId, 1000)),
    reverse: world.graduates.map((g) => index.opportunitiesFor(g.graduateId, { limit: 1000 })),
    evaluated: world.graduates.map((g) => index.evaluateGraduate(g.graduateId)),
  };
}

/** The ranking by brute force: explain every graduate, sort by score then id. */
function bruteForce(index: RankingIndex, demandId: string, graduates: RankableGraduate[]) {
  return graduates
    .flatMap((g) => {
      const e = index.explain(demandId, g.graduateId);
      return e ? [{ graduateId: g.graduateId, score: e.score }] : [];
    })
    .sort((a, b) => b.score - a.score || (a.graduateId < b.graduateId ? -1 : 1));
}

const candidateIds = (index: RankingIndex, demandId: string) =>
  index.topK(demandId, 100_000)!.items.map((c) => c.graduateId);

describe('ranking properties (seeded random worlds)', () => {
  it.each([['auto'], ['filters'], ['skills']] as const)(
    'the %s route returns exactly the brute-force ranking, at every page size',
    (route) => {
      const mismatches: unknown[] = [];
      for (const seed of SEEDS.slice(0, 60)) {
        const world = randomInstance(seededRandom(seed), { graduates: 120, demands: 8 });
        const index = build(world, { route });
        for (const d of world.demands) {
          const expected = bruteForce(index, d.demandId, world.graduates);
          for (const k of [1, 3, 10, 1000]) {
            const page = index.topK(d.demandId, k)!;
            const got = page.items.map((c) => ({ graduateId: c.graduateId, score: c.score }));
            if (!isDeepStrictEqual(got, expected.slice(0, k)) || page.hasMore !== expected.length > k) {
              mismatches.push({ seed, demand: d.demandId, k, got, expected: expected.slice(0, k) });
            }
          }
        }
      }
      expect(mismatches).toEqual([]);
    },
  );

  it('graduates with more skills and cities than their record keeps inline rank as by brute force', () => {
    const mismatches: unknown[] = [];
    const skills = Array.from({ length: 40 }, (_, i) => `skill-${i}`);
    const cities = ['330100', '330106', '330000', '110000', '110105', '440300', '510100', '320100', '320500'];
    for (const seed of SEEDS.slice(0, 20)) {
      const random = seededRandom(seed);
      const pick = <T>(items: readonly T[], n: number): T[] => [
        ...new Set(Array.from({ length: n }, () => items[Math.floor(random() * items.length)])),
      ];
      const world = randomInstance(random, { graduates: 120, demands: 8 });
      world.graduates = world.graduates.map((g) => ({
        ...g,
        skills: pick(skills, 10 + Math.floor(random() * 25)),
        preferences: { ...g.preferences, cities: pick(cities, Math.floor(random() * 8)) },
      }));
      world.demands = world.demands.map((d) => ({
        ...d,
        skills: pick(skills, 1 + Math.floor(random() * 6)).map((skillId) => ({
          skillId,
          weight: 1 + Math.floor(random() * 5),
          required: random() < 0.4,
        })),
      }));
      for (const route of ['auto', 'filters', 'skills'] as const) {
        const index = build(world, { route });
        for (const d of world.demands) {
          const expected = bruteForce(index, d.demandId, world.graduates).slice(0, 20);
          const got = index.topK(d.demandId, 20)!.items.map((c) => ({ graduateId: c.graduateId, score: c.score }));
          if (!isDeepStrictEqual(got, expected)) mismatches.push({ seed, route, demand: d.demandId, got, expected });
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('explanations add up to the score and never exceed 100', () => {
    const wrong: unknown[] = [];
    let checked = 0;
    for (const seed of SEEDS) {
      const world = randomInstance(seededRandom(seed), { graduates: 60, demands: 5 });
      const index = build(world);
      for (const d of world.demands) {
        for (const c of index.topK(d.demandId, 1000)!.items) {
          const sum = c.factors.reduce((total, f) => total + f.points, 0);
          const max = c.factors.reduce((total, f) => total + f.maxPoints, 0);
          const overfull = c.factors.filter((f) => f.points < 0 || f.points > f.maxPoints);
          if (
            Math.round(sum * 100) !== Math.round(c.score * 100) ||
            Math.round(max * 100) !== 10000 ||
            overfull.length
          ) {
            wrong.push({ seed, demand: d.demandId, candidate: c });
          }
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  it('shuffling insertion order never changes any ranking', () => {
    const differing: number[] = [];
    for (const seed of SEEDS.slice(0, 80)) {
      const world = randomInstance(seededRandom(seed), { graduates: 50, demands: 6 });
      const random = seededRandom(seed + 7);
      const reordered = { graduates: shuffled(world.graduates, random), demands: shuffled(world.demands, random) };
      const a = snapshot(build(world), world);
      // Demands first this time, so interned ids and slots differ too.
      const other = new RankingIndex();
      for (const d of reordered.demands) other.upsertDemand(d);
      for (const g of reordered.graduates) other.upsertGraduate(g);
      if (!isDeepStrictEqual(snapshot(other, world), a)) differing.push(seed);
    }
    expect(differing).toEqual([]);
  });

  it('the same inputs give the same results every time', () => {
    const world = randomInstance(seededRandom(42), { graduates: 200, demands: 20 });
    const index = build(world);
    expect(snapshot(index, world)).toEqual(snapshot(index, world));
    expect(snapshot(build(world), world)).toEqual(snapshot(index, world));
  });

  it('incremental updates end in the same state as a rebuild from scratch', () => {
    const differing: number[] = [];
    for (const seed of SEEDS.slice(0, 60)) {
      const random = seededRandom(seed);
      const world = randomInstance(random, { graduates: 60, demands: 6 });
      const spare = randomInstance(random, { graduates: 60, demands: 6 });
      const index = build(world);
      const graduates = new Map(world.graduates.map((g) => [g.graduateId, g]));
      const demands = new Map(world.demands.map((d) => [d.demandId, d]));
      for (let step = 0; step < 150; step++) {
        const op = random();
        const g = world.graduates[Math.floor(random() * world.graduates.length)];
        const id = g.graduateId;
        if (op < 0.25) {
          // A changed profile: another random profile under the same id.
          const changed = { ...spare.graduates[Math.floor(random() * spare.graduates.length)], graduateId: id };
          index.upsertGraduate(changed);
          graduates.set(id, changed);
        } else if (op < 0.4) {
          index.removeGraduate(id);
          graduates.delete(id);
        } else if (op < 0.55) {
          const status = random() < 0.5 ? 'given' : 'withdrawn';
          const known = graduates.get(id);
          if (index.setConsent(id, status) !== (known !== undefined)) throw new Error(`setConsent(${id}) seed ${seed}`);
          if (known) graduates.set(id, { ...known, consentStatus: status });
        } else if (op < 0.7) {
          const placed = random() < 0.5;
          const known = graduates.get(id);
          if (index.setPlaced(id, placed) !== (known !== undefined)) throw new Error(`setPlaced(${id}) seed ${seed}`);
          if (known) graduates.set(id, { ...known, placed });
        } else if (op < 0.85) {
          const d = { ...spare.demands[Math.floor(random() * spare.demands.length)] };
          d.demandId = world.demands[Math.floor(random() * world.demands.length)].demandId;
          index.upsertDemand(d);
          demands.set(d.demandId, d);
        } else {
          const demandId = world.demands[Math.floor(random() * world.demands.length)].demandId;
          index.removeDemand(demandId);
          demands.delete(demandId);
        }
      }
      const rebuilt = build({ graduates: [...graduates.values()], demands: [...demands.values()] });
      const rarity = (i: RankingIndex) => ['java', 'python', 'mysql', 'plc', 'go'].map((s) => i.skillRarity(s));
      if (
        !isDeepStrictEqual(snapshot(index, world), snapshot(rebuilt, world)) ||
        !isDeepStrictEqual(rarity(index), rarity(rebuilt)) ||
        index.recommendableCount !== rebuilt.recommendableCount
      ) {
        differing.push(seed);
      }
    }
    expect(differing).toEqual([]);
  });

  it('adding a demanded skill to a graduate never lowers their score', () => {
    const lowered: unknown[] = [];
    let checked = 0;
    for (const seed of SEEDS) {
      const world = randomInstance(seededRandom(seed), { graduates: 40, demands: 4 });
      const index = build(world);
      for (const d of world.demands) {
        for (const g of world.graduates) {
          const before = index.explain(d.demandId, g.graduateId);
          const lacking = d.skills.find((s) => !g.skills.includes(s.skillId));
          if (!before || !lacking) continue;
          index.upsertGraduate({ ...g, skills: [...g.skills, lacking.skillId] });
          const after = index.explain(d.demandId, g.graduateId)!;
          if (after.score < before.score || !after.matchedSkills.some((s) => s.skillId === lacking.skillId)) {
            lowered.push({ seed, demand: d.demandId, graduate: g.graduateId, before, after });
          }
          index.upsertGraduate(g);
          checked++;
        }
      }
    }
    expect(lowered).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it("narrowing a demand's majors never adds candidates", () => {
    const added: unknown[] = [];
    let narrowed = 0;
    for (const seed of SEEDS) {
      const world = randomInstance(seededRandom(seed), { graduates: 80, demands: 6 });
      const index = build(world);
      for (const d of world.demands.filter((x) => x.majors.length >= 2)) {
        const before = new Set(candidateIds(index, d.demandId));
        for (let drop = 0; drop < d.majors.length; drop++) {
          const narrower: RankableDemand = { ...d, majors: d.majors.filter((_, i) => i !== drop) };
          index.upsertDemand(narrower);
          const extra = candidateIds(index, d.demandId).filter((id) => !before.has(id));
          if (extra.length > 0) added.push({ seed, demand: narrower, extra });
          narrowed++;
        }
        index.upsertDemand(d);
      }
    }
    expect(added).toEqual([]);
    expect(narrowed).toBeGreaterThan(50);
  });

  it('accepts majors exactly as #reference majorAccepts does, and degrees as meetsDegree', () => {
    const random = seededRandom(7);
    const codes = listMajors(2025).map((m) => m.code);
    const majors = listMajors(2025).filter((m) => m.level === 'major');
    const index = new RankingIndex();
    const graduates = Array.from({ length: 300 }, (_, i) => {
      const major = majors[Math.floor(random() * majors.length)];
      // Sometimes without its T/K suffix, as a college might send it.
      const code = random() < 0.5 ? major.code : major.code.slice(0, 6);
      const degree = DEGREE_LEVELS[Math.floor(random() * DEGREE_LEVELS.length)];
      const g = makeGraduate({ graduateId: `g-${i}`, major: { code, catalogueYear: 2025 }, degree });
      index.upsertGraduate(g);
      return g;
    });
    for (let n = 0; n < 150; n++) {
      const named = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
        // Majors in the same 门类 as some graduate most of the time, so acceptance is not always false.
        const base = random() < 0.7 ? graduates[Math.floor(random() * graduates.length)].major.code : codes[0];
        const family = codes.filter((c) => c.startsWith(base.slice(0, 2)));
        return family[Math.floor(random() * family.length)];
      });
      const minDegree = DEGREE_LEVELS[Math.floor(random() * DEGREE_LEVELS.length)];
      const demand = makeDemand({
        demandId: `d-${n}`,
        majors: named.map((code) => ({ code, catalogueYear: 2025 })),
        minDegree,
      });
      index.upsertDemand(demand);
      const expected = graduates
        .filter((g) => named.some((code) => majorAccepts(code, g.major.code, 2025)) && meetsDegree(g.degree, minDegree))
        .map((g) => g.graduateId)
        .sort();
      expect({ named, minDegree, ids: candidateIds(index, demand.demandId).sort() }).toEqual({
        named,
        minDegree,
        ids: expected,
      });
    }
  });
});
