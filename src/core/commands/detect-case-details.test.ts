import { describe, expect, it } from 'vitest';
import { detectCaseDetails } from './detect-case-details.ts';

describe('detectCaseDetails', () => {
  it.each([
    ['Jane Smith 12/03/2015 neglect', ['date of birth']],
    ['child dob 3.4.19', ['date of birth']],
    ['NHS number 943 476 5919 missed appointments', ['NHS number']],
    ['lives at 14 Acacia Avenue, worries about neglect', ['address']],
    ['family in SE15 4QT', ['address']],
    ['call mum on 07700 900123', ['phone number']],
  ])('flags %j', (text, details) => {
    expect(detectCaseDetails(text)).toEqual(details);
  });

  it.each([
    'lessons on chronologies',
    'MARAC threshold 14 ticks',
    'since:2015 neglect',
    'section 47 enquiries',
    '1234567890 is not a valid NHS number',
    'under 18 parents',
  ])('leaves %j alone', (text) => {
    expect(detectCaseDetails(text)).toEqual([]);
  });
});
