import { Injectable } from '@nestjs/common';
import type { StoredDemand, StoredGraduate } from './read-model.repository.js';

/** A change of matching's read model, announced after it committed. */
export type ReadModelChange =
  | { kind: 'demand'; demandId: string; demand: StoredDemand | null }
  | { kind: 'graduate'; graduateId: string; graduate: StoredGraduate | null; cause: GraduateChangeCause };

export type GraduateChangeCause = 'profile' | 'consent' | 'erased' | 'placement';

export interface ReadModelListener {
  onReadModelChanged(change: ReadModelChange): void;
}

/**
 * Who wants to hear about committed read-model changes (the in-memory ranking index, the push
 * planner). Listeners run synchronously after commit and must not throw for ordinary input.
 */
@Injectable()
export class ReadModelChanges {
  private readonly listeners: ReadModelListener[] = [];

  subscribe(listener: ReadModelListener): void {
    this.listeners.push(listener);
  }

  announce(change: ReadModelChange): void {
    for (const listener of this.listeners) listener.onReadModelChanged(change);
  }
}
