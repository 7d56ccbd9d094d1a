import { describe, expect, it } from '@jest/globals';
import { DemandBook } from './demand-book.js';
import { GraduatePool } from './graduate-pool.js';
import { PairScorer } from './pair-scorer.js';
import { DEFAULT_RANKING_CONFIG } from './ranking.config.js';
import { randomInstance, seededRandom } from './ranking.fixtures.js';
import { BoundTables, CODE_RELOCATES, encodeStaticCode } from './static-code.js';

describe('static code', () => {
  it('packs each fact into its bits', () => {
    const code = encodeStaticCode({
      academic: 0.5,
      internship: 1,
      internshipSections: [8], // I → bloom bit 0
      hasCertificates: true,
      industries: 1 << 2, // C → bloom bit 2
      kinds: 0b0101,
      minSalary: 6500,
      degree: 2,
      relocates: true,
    });
    expect(code & 7).toBe(4); // ⌈0.5 × 7⌉
    expect((code >>> 3) & 7).toBe(7);
    expect((code >>> 6) & 15).toBe(0b0001);
    expect((code >>> 10) & 63).toBe(0b000100);
    expect((code >>> 16) & 15).toBe(0b0101);
    expect((code >>> 20) & 7).toBe(4); // 6000 ≤ 6500 < 8000
    expect((code >>> 23) & 1).toBe(1);
    expect((code >>> 24) & 7).toBe(2);
    expect(code & CODE_RELOCATES).toBe(CODE_RELOCATES);
  });

  it('bounds never undercut the real non-skill points, and a too-low degree is always negative', () => {
    const config = DEFAULT_RANKING_CONFIG;
    const tables = new BoundTables();
    const wrong: unknown[] = [];
    let checked = 0;
    for (let seed = 0; seed < 60; seed++) {
      const world = randomInstance(seededRandom(seed), { graduates: 80, demands: 6 });
      const pool = new GraduatePool(config);
      const book = new DemandBook(pool, config);
      const scorer = new PairScorer(pool, config);
      const slots = world.graduates.map((g) => pool.upsert(g));
      for (const input of world.demands) {
        const d = book.upsert(input);
        scorer.fillBounds(d, tables);
        for (const slot of slots) {
          const code = pool.code(slot);
          const bound = tables.bound(code);
          if (!scorer.passesDegree(d, slot)) {
            if (bound >= 0) wrong.push({ seed, demand: d.id, slot, bound, reason: 'degree' });
            continue;
          }
          const other = scorer.otherCp(d, slot);
          const arena = scorer.arenaCp(d, slot, code);
          if (bound < other || bound > tables.max || tables.arena(code) < arena) {
            wrong.push({ seed, demand: d.id, slot, bound, other, arena });
          }
          checked++;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });
});
