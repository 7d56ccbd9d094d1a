// #contracts (imported by the module under test) needs the Reflect metadata API at load time.
import 'reflect-metadata';
import { TopicNames } from './topic-names.js';

describe('TopicNames', () => {
  describe('with a prefix', () => {
    const names = new TopicNames('tb1');

    it('applies the prefix with a dot', () => {
      expect(names.physical('platform.canary')).toBe('tb1.platform.canary');
    });

    it('names the prefixed dead-letter topic', () => {
      expect(names.deadLetter('demand-intake.demands')).toBe('tb1.demand-intake.demands.dlq');
    });

    it('removes the prefix', () => {
      expect(names.logical('tb1.platform.canary')).toBe('platform.canary');
      expect(names.logical(names.physical('matching.fairs'))).toBe('matching.fairs');
    });

    it('leaves a name without the prefix as it is', () => {
      expect(names.logical('platform.canary')).toBe('platform.canary');
      expect(names.logical('other.platform.canary')).toBe('other.platform.canary');
    });

    it('only strips the prefix as a whole dot-separated part', () => {
      expect(names.logical('tb10.platform.canary')).toBe('tb10.platform.canary');
      expect(names.logical('tb1platform.canary')).toBe('tb1platform.canary');
    });
  });

  describe('with an empty prefix', () => {
    const names = new TopicNames('');

    it('is the identity', () => {
      expect(names.physical('platform.canary')).toBe('platform.canary');
      expect(names.logical('platform.canary')).toBe('platform.canary');
      expect(names.logical('.platform.canary')).toBe('.platform.canary');
    });

    it('names the dead-letter topic <topic>.dlq', () => {
      expect(names.deadLetter('platform.canary')).toBe('platform.canary.dlq');
    });
  });
});
