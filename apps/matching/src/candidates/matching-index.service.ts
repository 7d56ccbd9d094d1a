import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RankingIndex, resolveRankingConfig, type RankableGraduate } from '../ranking/index.js';
import { MatchingEnvironment } from '../matching.environment.js';
import { ReadModelChanges, type ReadModelChange } from '../read-model/read-model.changes.js';
import { ReadModelRepository, type StoredGraduate } from '../read-model/read-model.repository.js';

/** The graduate as the index takes it; null when it must not be in the index at all. */
function rankable(g: StoredGraduate): RankableGraduate | null {
  if (!g.snapshot || g.consentStatus !== 'given') return null;
  return { ...g.snapshot, consentStatus: g.consentStatus, placed: g.placed };
}

/**
 * The in-memory ranking index of this process: rebuilt from matching's read model at start-up and
 * kept in step with every committed read-model change. Graduates without consent are not in it at
 * all, so nothing can rank them.
 */
@Injectable()
export class MatchingIndexService implements OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingIndexService.name);
  readonly index: RankingIndex;
  private ready = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: ReadModelRepository,
    changes: ReadModelChanges,
    env: MatchingEnvironment,
  ) {
    this.index = new RankingIndex(resolveRankingConfig(env.rankingOverrides()));
    changes.subscribe({ onReadModelChanged: (change) => this.apply(change) });
  }

  get isReady(): boolean {
    return this.ready;
  }

  async onApplicationBootstrap(): Promise<void> {
    const started = Date.now();
    let graduates = 0;
    for await (const page of this.store.allGraduates(this.dataSource.manager)) {
      for (const g of page) {
        const r = rankable(g);
        if (r) {
          this.index.upsertGraduate(r);
          graduates += 1;
        }
      }
    }
    const demands = await this.store.openDemands(this.dataSource.manager);
    for (const d of demands) this.index.upsertDemand(d.snapshot);
    this.ready = true;
    this.logger.log({ msg: 'ranking index built', graduates, demands: demands.length, ms: Date.now() - started });
  }

  private apply(change: ReadModelChange): void {
    if (change.kind === 'demand') {
      if (change.demand?.status === 'open') this.index.upsertDemand(change.demand.snapshot);
      else this.index.removeDemand(change.demandId);
      return;
    }
    const r = change.graduate && rankable(change.graduate);
    if (r) this.index.upsertGraduate(r);
    else this.index.removeGraduate(change.graduateId);
  }
}
