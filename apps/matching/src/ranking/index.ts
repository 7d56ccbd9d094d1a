export { RankingIndex, type EvaluateOptions, type RankingIndexTuning } from './ranking-index.js';
export {
  DEFAULT_RANKING_CONFIG,
  RANKING_FACTORS,
  RANKING_FACTOR_LABELS,
  resolveRankingConfig,
  type RankingConfig,
  type RankingConfigOverrides,
  type RankingFactor,
  type RankingWeights,
} from './ranking.config.js';
export { INELIGIBILITY_LABELS } from './ranking.types.js';
export type * from './ranking.types.js';
