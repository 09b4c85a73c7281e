// Counts and articles in sentences people read.
import { expect } from 'chai';
import { plural, withArticle } from '#app/utils/words.ts';

describe('words', () => {
  it('gives a count the singular only for one', () => {
    expect(plural(1, 'policy', 'policies')).to.equal('1 policy');
    expect(plural(0, 'policy', 'policies')).to.equal('0 policies');
    expect(plural(2, 'policy', 'policies')).to.equal('2 policies');
    expect(plural(1, 'person has', 'people have')).to.equal('1 person has');
    expect(plural(12, 'person has', 'people have')).to.equal('12 people have');
  });

  it('puts "an" before a vowel sound and "a" before a consonant sound', () => {
    expect(withArticle('appraisal session')).to.equal('an appraisal session');
    expect(withArticle('urgent debrief session')).to.equal('an urgent debrief session');
    expect(withArticle('regular session')).to.equal('a regular session');
    expect(withArticle('probation session')).to.equal('a probation session');
    expect(withArticle('one-off session')).to.equal('a one-off session');
    expect(withArticle('usual place')).to.equal('a usual place');
    expect(withArticle('hour')).to.equal('an hour');
  });
});
