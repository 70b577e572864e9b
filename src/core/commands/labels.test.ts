import { describe, expect, it } from 'vitest';
import { discussedLabel, publishedOn } from './labels.ts';

describe('publishedOn', () => {
  it.each([
    ['2021-03', 'March 2021'],
    ['2021-03-15', '15 March 2021'],
    ['2021', '2021'],
    ['2021-13', '2021-13'],
  ])('reads %s as %s', (published, shown) => {
    expect(publishedOn(published)).toBe(shown);
  });
});

describe('discussedLabel', () => {
  it('shows the count once someone has acknowledged', () => {
    expect(discussedLabel(0)).toBe('Discussed in our team');
    expect(discussedLabel(3)).toBe('Discussed by this team (3 confirmed)');
  });
});
