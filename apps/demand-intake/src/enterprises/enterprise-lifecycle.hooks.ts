import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnterpriseSnapshotV1 } from '#contracts';

/** A status change other contexts of this service must follow in the same transaction. */
export type EnterpriseLifecycleChange = {
  kind: 'verified' | 'suspended' | 'reinstated';
  /** The enterprise after the change. */
  enterprise: EnterpriseSnapshotV1;
  reason: string | null;
  correlationId: string;
};

export interface EnterpriseLifecycleListener {
  /**
   * Runs inside the enterprise's transaction: writes go through `manager` and commit with the
   * status change, or not at all. Throwing aborts the whole change.
   */
  onEnterpriseChanged(manager: EntityManager, change: EnterpriseLifecycleChange): Promise<void>;
}

/**
 * In-process hooks of the enterprise lifecycle (e.g. the demands context pauses the demands of a
 * suspended enterprise). Listeners register once at start-up (typically in `onModuleInit`); the
 * use cases call `notify` inside their transaction, after the enterprise row and its event.
 */
@Injectable()
export class EnterpriseLifecycleHooks {
  private readonly listeners: EnterpriseLifecycleListener[] = [];

  /** Adds a listener (once); returns a function that removes it. */
  register(listener: EnterpriseLifecycleListener): () => void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  /** Calls every listener in registration order, one after the other, in the caller's transaction. */
  async notify(manager: EntityManager, change: EnterpriseLifecycleChange): Promise<void> {
    for (const listener of [...this.listeners]) {
      await listener.onEnterpriseChanged(manager, change);
    }
  }
}
