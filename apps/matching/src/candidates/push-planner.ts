import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CandidatesRecommendedV1Contract, type GraduateSnapshotV1 } from '#contracts';
import { OutboxWriter, type PublishContext } from '#messaging';
import { PeriodicTask } from '#runtime';
import { MatchingEnvironment } from '../matching.environment.js';
import type { MatchExplanation } from '../ranking/index.js';
import { ReadModelRepository, type StoredDemand } from '../read-model/read-model.repository.js';
import {
  RecommendationsRepository,
  type AnonymousCandidate,
  type NewRecommendation,
  type Recommendation,
} from '../recommendations/recommendations.repository.js';
import { PushPlannerRepository } from './push-planner.repository.js';
import { MatchingIndexService } from './matching-index.service.js';

/** China-time date (YYYY-MM-DD): deadlines are local dates. */
const todayInChina = (now = new Date()) => new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** How many of one graduate's best demands a single profile change may reach (no flooding). */
const MAX_DEMANDS_PER_GRADUATE_CHANGE = 20;

export function anonymousCandidate(snapshot: GraduateSnapshotV1, explanation: MatchExplanation): AnonymousCandidate {
  return {
    collegeId: snapshot.collegeId,
    major: snapshot.major,
    degree: snapshot.degree,
    graduationYear: snapshot.graduationYear,
    score: explanation.score,
    factors: explanation.factors.map((f) => ({ factor: f.factor, label: f.label, points: f.points })),
    matchedSkills: explanation.matchedSkills.map((s) => s.skillId),
    missingSkills: explanation.missingSkills.map((s) => s.skillId),
  };
}

/**
 * Turns committed read-model changes into recommendations. A demand that opens or changes gets its
 * shortlist at once (top SHORTLIST_SIZE above RECOMMENDATION_MIN_SCORE, one CandidatesRecommendedV1);
 * a graduate whose profile or consent changes is weighed against every open demand, and where they
 * now make the shortlist an incremental recommendation waits PUSH_BATCH_WINDOW_MS to go out with
 * others for the same demand. The (demand, graduate) key makes every recommendation happen once.
 */
@Injectable()
export class PushPlanner extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: PushPlannerRepository,
    private readonly store: ReadModelRepository,
    private readonly recommendations: RecommendationsRepository,
    private readonly matchingIndex: MatchingIndexService,
    private readonly outbox: OutboxWriter,
    private readonly env: MatchingEnvironment,
  ) {
    super();
    this.intervalMs = env.PUSH_PLANNER_INTERVAL_MS;
  }

  protected async runOnce(): Promise<number> {
    if (!this.matchingIndex.isReady) return 0;
    let done = 0;
    for (;;) {
      const n = await this.dataSource.transaction((m) => this.evaluateQueued(m, 50));
      done += n;
      if (n === 0) break;
    }
    return done + (await this.dataSource.transaction((m) => this.flushDueBatches(m)));
  }

  private async evaluateQueued(m: EntityManager, batch: number): Promise<number> {
    const queued = await this.queue.takeQueued(m, batch);
    for (const item of queued) {
      const ctx = { correlationId: randomUUID() };
      if (item.kind === 'demand') await this.shortlist(m, item.id, ctx);
      else await this.reachOpenDemands(m, item.id);
    }
    return queued.length;
  }

  /** The demand's current top candidates not recommended before, pushed now as one shortlist. */
  private async shortlist(m: EntityManager, demandId: string, ctx: PublishContext): Promise<void> {
    const demand = await this.store.loadDemand(m, demandId);
    const page = demand?.status === 'open' && this.matchingIndex.index.topK(demandId, this.env.SHORTLIST_SIZE);
    if (!demand || !page) return;
    const already = await this.recommendations.graduatesRecommendedFor(m, demandId);
    const fresh = page.items.filter((c) => c.score >= this.env.RECOMMENDATION_MIN_SCORE && !already.has(c.graduateId));
    const snapshots = await this.store.snapshotsOf(
      m,
      fresh.map((c) => c.graduateId),
    );
    const rows: NewRecommendation[] = fresh
      .filter((c) => snapshots.has(c.graduateId))
      .map((c) => this.newRecommendation(demand, c.graduateId, snapshots.get(c.graduateId)!, c, c.rank, 'shortlist'));
    const inserted = await this.recommendations.insertNew(m, rows);
    const pushed = await this.queue.markPushed(m, [...inserted]);
    await this.announce(m, demand, 'shortlist', pushed, ctx);
  }

  /** Where the changed graduate now makes a demand's shortlist, an incremental recommendation waits for its batch. */
  private async reachOpenDemands(m: EntityManager, graduateId: string): Promise<void> {
    const scores = this.matchingIndex.index.evaluateGraduate(graduateId, { today: todayInChina() });
    const [snapshot] = (await this.store.snapshotsOf(m, [graduateId])).values();
    if (!scores || !snapshot) return;
    const rows: NewRecommendation[] = [];
    for (const { demandId, score } of scores) {
      if (score < this.env.RECOMMENDATION_MIN_SCORE || rows.length >= MAX_DEMANDS_PER_GRADUATE_CHANGE) break;
      const standing = await this.queue.shortlistStanding(m, demandId);
      if (standing.graduateIds.has(graduateId)) continue;
      const makesShortlist = standing.size < this.env.SHORTLIST_SIZE || score > standing.lowestScore;
      const demand = makesShortlist ? await this.store.loadDemand(m, demandId) : null;
      const explanation = demand && this.matchingIndex.index.explain(demandId, graduateId);
      if (!demand || !explanation) continue;
      rows.push(
        this.newRecommendation(demand, graduateId, snapshot, explanation, standing.rankFor(score), 'incremental'),
      );
    }
    await this.recommendations.insertNew(m, rows);
  }

  /** Incremental recommendations whose batch window has passed go out, one event per demand. */
  private async flushDueBatches(m: EntityManager): Promise<number> {
    const dueBefore = new Date(Date.now() - this.env.PUSH_BATCH_WINDOW_MS);
    let pushed = 0;
    for (const demandId of await this.queue.demandsWithDueBatches(m, dueBefore)) {
      const demand = await this.store.loadDemand(m, demandId);
      const batch = await this.queue.takeUnpushed(m, demandId);
      const sent = await this.queue.markPushed(
        m,
        batch.map((r) => r.id),
      );
      // A demand that closed meanwhile sends nothing; its recommendations were withdrawn with it.
      if (demand?.status === 'open')
        await this.announce(m, demand, 'incremental', sent, { correlationId: randomUUID() });
      pushed += sent.length;
    }
    return pushed;
  }

  private newRecommendation(
    demand: StoredDemand,
    graduateId: string,
    snapshot: GraduateSnapshotV1,
    explanation: MatchExplanation,
    rank: number,
    origin: 'shortlist' | 'incremental',
  ): NewRecommendation {
    return {
      id: randomUUID(),
      demandId: demand.id,
      enterpriseId: demand.snapshot.enterpriseId,
      graduateId,
      collegeId: snapshot.collegeId,
      score: explanation.score,
      rank,
      candidate: anonymousCandidate(snapshot, explanation),
      origin,
    };
  }

  private async announce(
    m: EntityManager,
    demand: StoredDemand,
    kind: 'shortlist' | 'incremental',
    recommendations: Recommendation[],
    ctx: PublishContext,
  ): Promise<void> {
    if (recommendations.length === 0) return;
    await this.outbox.append(
      m,
      CandidatesRecommendedV1Contract,
      {
        demandId: demand.id,
        enterpriseId: demand.snapshot.enterpriseId,
        demandTitle: demand.snapshot.title,
        kind,
        candidates: recommendations
          .sort((a, b) => a.rank - b.rank || b.score - a.score || a.id.localeCompare(b.id))
          .map((r) => ({ ...r.candidate, recommendationId: r.id, graduateId: r.graduateId, rank: r.rank })),
        recommendedAt: new Date().toISOString(),
      },
      ctx,
    );
  }
}
