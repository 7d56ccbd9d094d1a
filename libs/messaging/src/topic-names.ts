import { deadLetterTopicOf } from '#contracts';

/**
 * Maps logical topic names (from `TOPICS`) to physical ones. A prefix lets several copies of the
 * platform (test suites side by side, staging next to demo) share one broker without crossing.
 */
export class TopicNames {
  constructor(private readonly prefix: string) {}

  physical(logical: string): string {
    return this.prefix ? `${this.prefix}.${logical}` : logical;
  }

  deadLetter(logical: string): string {
    return this.physical(deadLetterTopicOf(logical));
  }

  logical(physical: string): string {
    return this.prefix && physical.startsWith(`${this.prefix}.`) ? physical.slice(this.prefix.length + 1) : physical;
  }
}
