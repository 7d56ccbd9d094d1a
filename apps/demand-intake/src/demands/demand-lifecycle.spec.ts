import { allowedUserActions, isEditable, nextStatus } from './demand-lifecycle.js';

describe('demand lifecycle', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['draft', 'close', 'closed'],
    ['published', 'pause', 'paused'],
    ['paused', 'resume', 'published'],
    ['published', 'close', 'closed'],
    ['paused', 'close', 'closed'],
    ['published', 'expire', 'closed'],
    ['paused', 'expire', 'closed'],
    ['published', 'fill', 'filled'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  it.each([
    ['draft', 'pause'],
    ['draft', 'resume'],
    ['draft', 'fill'],
    ['published', 'publish'],
    ['paused', 'pause'],
    ['paused', 'fill'],
    ['closed', 'publish'],
    ['closed', 'resume'],
    ['filled', 'close'],
  ] as const)('refuses %s --%s-->', (from, action) => {
    expect(nextStatus(from, action)).toBeNull();
  });

  it('lists what a user may do next', () => {
    expect(allowedUserActions('draft')).toEqual(['publish', 'close']);
    expect(allowedUserActions('published')).toEqual(['pause', 'close']);
    expect(allowedUserActions('paused')).toEqual(['resume', 'close']);
    expect(allowedUserActions('closed')).toEqual([]);
  });

  it('allows edits only before the demand ends', () => {
    expect(['draft', 'published', 'paused', 'closed', 'filled'].map((s) => isEditable(s as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
